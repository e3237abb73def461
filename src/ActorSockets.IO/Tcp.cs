namespace ActorSockets.IO;

/// <summary>
/// The TCP protocol, shaped like Akka.IO's: commands go to the manager (<c>system.Tcp()</c>), to a listener
/// or to a connection actor; events come back. Commands are imperative (<see cref="Bind"/>,
/// <see cref="Write"/>, <see cref="Close"/>), events past tense (<see cref="Bound"/>,
/// <see cref="Received"/>, <see cref="PeerClosed"/>). Every command that cannot be carried out is
/// answered with <see cref="CommandFailed"/>, which names the command and the cause.
/// </summary>
public static partial class Tcp
{
    /// <summary>Any message of the TCP protocol.</summary>
    public abstract record Message;

    /// <summary>A request to the TCP manager, a listener or a connection.</summary>
    public abstract record Command : Message
    {
        /// <summary>The reply sent when this command cannot be carried out.</summary>
        public CommandFailed FailureMessage(Exception? cause = null) => new(this, cause);
    }

    /// <summary>A notification from the TCP layer to a handler or commander.</summary>
    public abstract record Event : Message;
}
