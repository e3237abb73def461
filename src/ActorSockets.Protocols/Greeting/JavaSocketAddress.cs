using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorSockets.Protocols.Greeting;

/// <summary>
/// Formats endpoints the way Java's <c>Socket.getLocalSocketAddress().toString()</c> prints them (JDK 14 and
/// later), which is what the Java greeting tutorial sends: <c>/127.0.0.1:6666</c> for IPv4,
/// <c>/[0:0:0:0:0:0:0:1]:6666</c> for IPv6 (eight uncompressed lower-case hex groups, <c>%scope</c> when set).
/// </summary>
public static class JavaSocketAddress
{
    /// <summary>
    /// Formats <paramref name="endPoint"/>. The host-name part before the slash is empty because an accepted
    /// socket's address was never resolved. IPv4-mapped IPv6 addresses print as IPv4, as Java converts them.
    /// A Unix domain socket prints its path (Java's <c>UnixDomainSocketAddress</c>); a <see cref="DnsEndPoint"/>
    /// prints <c>host/&lt;unresolved&gt;:port</c>.
    /// </summary>
    public static string Format(EndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return endPoint switch
        {
            IPEndPoint ip => "/" + FormatAddress(ip.Address) + ":" + ip.Port.ToString(CultureInfo.InvariantCulture),
            DnsEndPoint dns => dns.Host + "/<unresolved>:" + dns.Port.ToString(CultureInfo.InvariantCulture),
            _ => endPoint.ToString() ?? string.Empty,
        };
    }

    private static string FormatAddress(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        var builder = new StringBuilder(48).Append('[');
        for (var group = 0; group < 8; group++)
        {
            if (group > 0)
            {
                builder.Append(':');
            }

            var value = (bytes[group * 2] << 8) | bytes[(group * 2) + 1];
            builder.Append(value.ToString("x", CultureInfo.InvariantCulture));
        }

        if (address.ScopeId != 0)
        {
            builder.Append('%').Append(address.ScopeId.ToString(CultureInfo.InvariantCulture));
        }

        return builder.Append(']').ToString();
    }
}
