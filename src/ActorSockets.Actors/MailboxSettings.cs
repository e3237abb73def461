namespace ActorSockets.Actors;

/// <summary>A bounded mailbox: how many messages it holds and what happens to one more.</summary>
/// <param name="Capacity">The most user messages queued at once.</param>
/// <param name="OverflowStrategy">What happens to a message that arrives when it is full.</param>
public sealed record MailboxSettings(int Capacity, MailboxOverflowStrategy OverflowStrategy = MailboxOverflowStrategy.DropNewest);
