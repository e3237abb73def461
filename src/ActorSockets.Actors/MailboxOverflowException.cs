namespace ActorSockets.Actors;

/// <summary>The failure an actor with a bounded mailbox and the <c>Fail</c> overflow strategy gets when its mailbox is full.</summary>
public sealed class MailboxOverflowException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public MailboxOverflowException() { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public MailboxOverflowException(string message) : base(message) { }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public MailboxOverflowException(string message, Exception innerException) : base(message, innerException) { }
}
