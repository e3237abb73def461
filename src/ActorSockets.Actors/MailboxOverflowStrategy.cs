namespace ActorSockets.Actors;

/// <summary>What a bounded mailbox does with a message that arrives when it is full.</summary>
public enum MailboxOverflowStrategy
{
    /// <summary>The new message goes to dead letters; the actor carries on.</summary>
    DropNewest,

    /// <summary>The new message goes to dead letters and the actor fails with a <see cref="MailboxOverflowException"/>, so its supervisor decides.</summary>
    Fail,
}
