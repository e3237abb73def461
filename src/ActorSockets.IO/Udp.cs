namespace ActorSockets.IO;

/// <summary>
/// The connectionless UDP protocol, shaped like Akka.IO's: <see cref="Bind"/> to the manager
/// (<c>system.Udp()</c>) for a socket that receives datagrams, <see cref="SimpleSender"/> for one that only
/// sends. Commands that cannot be carried out are answered with <see cref="CommandFailed"/>.
/// </summary>
public static partial class Udp
{
    /// <summary>Any message of the UDP protocol.</summary>
    public abstract record Message;

    /// <summary>A request to the UDP manager or a UDP socket actor.</summary>
    public abstract record Command : Message;

    /// <summary>A notification from the UDP layer.</summary>
    public abstract record Event : Message;
}
