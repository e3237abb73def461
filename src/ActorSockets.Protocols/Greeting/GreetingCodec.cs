using System.Net;
using ActorSockets.Protocols.Framing;
using Akka.IO;

namespace ActorSockets.Protocols.Greeting;

/// <summary>
/// The <c>greeting</c> protocol from the Java tutorial: the client sends one string with
/// <c>DataOutputStream.writeUTF</c>; the server answers, in the same framing, <c>谢谢连接我:</c> + its local
/// address as Java prints it (see <see cref="JavaSocketAddress"/>) + <c>\nGoodbye!</c>, and closes.
/// Instances are immutable and safe to share between sessions.
/// </summary>
public sealed class GreetingCodec
{
    /// <summary>The default text before the address: <c>谢谢连接我:</c>.</summary>
    public const string DefaultPrefix = "谢谢连接我:";

    /// <summary>The default text after the address: a LF then <c>Goodbye!</c>.</summary>
    public const string DefaultSuffix = "\nGoodbye!";

    /// <summary>Bytes kept free in the frame for the address (a Unix socket path is at most about 108 bytes).</summary>
    private const int AddressAllowance = 1024;

    private readonly string _prefix;
    private readonly string _suffix;

    /// <summary>Creates the codec.</summary>
    /// <param name="prefix">The text before the address. Defaults to <c>谢谢连接我:</c>.</param>
    /// <param name="suffix">The text after the address. Defaults to <c>\nGoodbye!</c>.</param>
    /// <exception cref="ArgumentException">The texts leave no room for an address in one 65535-byte frame.</exception>
    public GreetingCodec(string prefix = DefaultPrefix, string suffix = DefaultSuffix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(suffix);
        if (!WriteUtfFramer.CanEncode(prefix + suffix + new string('x', AddressAllowance)))
        {
            throw new ArgumentException("The greeting texts are too long for one writeUTF frame.", nameof(prefix));
        }

        _prefix = prefix;
        _suffix = suffix;
    }

    /// <summary>A codec with the tutorial's texts.</summary>
    public static GreetingCodec Default { get; } = new();

    /// <summary>Creates the framer a session uses to read the client's string.</summary>
    public static WriteUtfFramer CreateFramer() => new();

    /// <summary>Returns the answer text for a connection whose local endpoint is <paramref name="localAddress"/>.</summary>
    public string ReplyText(EndPoint localAddress) => _prefix + JavaSocketAddress.Format(localAddress) + _suffix;

    /// <summary>Returns the answer as one <c>writeUTF</c> frame.</summary>
    public ByteString Reply(EndPoint localAddress) => WriteUtfFramer.Encode(ReplyText(localAddress));
}
