using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ActorSockets.Host.Internal;

/// <summary>
/// The startup banner. Each endpoint gets one line in a fixed shape that scripts and the end-to-end
/// tests parse: <c>  endpoint NAME TRANSPORT ADDRESS protocol PROTOCOL io MANAGER</c>, with the real bound
/// address (port 0 shows the port the kernel picked; a Unix domain socket shows <c>unix:PATH</c>) and the
/// TCP/UDP manager the endpoint talks to (<c>akka</c> for Akka.IO's, <c>actorsockets</c> for ours).
/// </summary>
internal static class Banner
{
    public const string ReadyLine = "ActorSockets host ready";

    public static string EndpointLine(string name, string transport, EndPoint address, string protocol, string ioManager) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"  endpoint {name,-12} {transport,-4} {FormatAddress(address),-24} protocol {protocol} io {ioManager}");

    /// <summary>The cluster line (<c>actorsockets.cluster.enabled = on</c>): this host's bound cluster address and its seeds.</summary>
    public static string ClusterLine(string selfAddress, string seeds) => $"  cluster  {selfAddress} seeds {seeds}";

    public static string FormatAddress(EndPoint address) => address switch
    {
        UnixDomainSocketEndPoint unix => "unix:" + unix,
        _ => address.ToString() ?? string.Empty,
    };

    public static string Header(int endpointCount, IReadOnlyList<string> configFiles) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"ActorSockets host: {endpointCount} endpoint{(endpointCount == 1 ? string.Empty : "s")} from {string.Join(" + ", configFiles)}");

    public static string Footer(int processId) =>
        string.Create(CultureInfo.InvariantCulture, $"{ReadyLine} (pid {processId}); Ctrl+C or SIGTERM stops it.");
}
