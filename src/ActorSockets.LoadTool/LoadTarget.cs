using System.Net;
using System.Net.Sockets;

namespace ActorSockets.LoadTool;

/// <summary>Resolves the endpoint a run connects to and enforces the loopback-only rule.</summary>
public static class LoadTarget
{
    /// <summary>
    /// Resolves <paramref name="options"/> to an endpoint: the Unix socket path if one is given, otherwise the first
    /// address of the host with the port.
    /// </summary>
    /// <exception cref="LoadTargetException">The host does not resolve, or resolves to an address that is not loopback
    /// and <see cref="LoadOptions.AllowRemote"/> is false.</exception>
    public static async Task<EndPoint> ResolveAsync(LoadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.UnixPath is not null)
        {
            return new UnixDomainSocketEndPoint(options.UnixPath);
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(options.Host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(options.Host, cancellationToken);
            }
            catch (SocketException e)
            {
                throw new LoadTargetException($"cannot resolve host '{options.Host}': {e.Message}", e);
            }
        }

        if (addresses.Length == 0)
        {
            throw new LoadTargetException($"host '{options.Host}' has no addresses");
        }

        if (!options.AllowRemote && !Array.TrueForAll(addresses, IPAddress.IsLoopback))
        {
            throw new LoadTargetException(
                $"refusing to load '{options.Host}' ({string.Join(", ", (IEnumerable<IPAddress>)addresses)}): "
                + "it is not loopback; pass --allow-remote if you really mean it");
        }

        var address = Array.Find(addresses, a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses[0];
        return new IPEndPoint(address, options.Port);
    }

    /// <summary>Creates an unconnected stream socket suited to <paramref name="endPoint"/>, with Nagle off for TCP.</summary>
    public static Socket CreateSocket(EndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        if (endPoint is UnixDomainSocketEndPoint)
        {
            return new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        }

        return new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    }
}
