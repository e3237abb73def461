using System.Net;
using System.Net.Sockets;

namespace ActorSockets.IO.Internal;

/// <summary>
/// The socket engine behind a bound UDP actor: a receive loop that takes one permit per delivered
/// datagram, and a non-blocking send. Completions are told to the owner, as for <see cref="TcpChannel"/>.
/// </summary>
/// <remarks>
/// The loop owns one buffer of <c>max-datagram-size + 1</c> bytes for the life of the socket (one per
/// bound endpoint, not per peer). A datagram that fills it was larger than the limit and is dropped, with
/// a <see cref="ChannelDatagramDropped"/> to the owner. Errors that concern a single datagram (an ICMP
/// port-unreachable surfacing as a reset, a truncated message) are reported the same way and the loop
/// carries on: nothing a peer sends can stop the listener.
/// </remarks>
internal sealed class UdpChannel : IDisposable
{
    private readonly Socket _socket;
    private readonly Action<object> _post;
    private readonly int _maxDatagramSize;
    private readonly DemandSignal _readDemand = new();
    private bool _loopStarted;
    private int _disposed;

    public UdpChannel(Socket socket, Action<object> post, int maxDatagramSize)
    {
        _socket = socket;
        _post = post;
        _maxDatagramSize = maxDatagramSize;
        _socket.Blocking = false;
    }

    public Socket Socket => _socket;

    private bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Allows exactly one more delivered datagram (or one terminal failure).</summary>
    public void RequestRead()
    {
        if (!_loopStarted)
        {
            _loopStarted = true;
            _ = ReceiveLoopAsync();
        }

        _readDemand.Grant();
    }

    /// <summary>
    /// Sends one datagram without blocking. Returns null when the kernel took it, otherwise the reason
    /// it was not sent (a full send buffer included: UDP is lossy, and the sender is told).
    /// </summary>
    public Exception? TrySend(ReadOnlySpan<byte> payload, EndPoint target)
    {
        try
        {
            _socket.SendTo(payload, SocketFlags.None, target);
            return null;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or ArgumentException)
        {
            return e;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _readDemand.Close();
        _socket.Dispose();
    }

    private static bool ConcernsOneDatagram(SocketError error) =>
        error is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.MessageSize
            or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NetworkReset;

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[_maxDatagramSize + 1];
        EndPoint anyRemote = _socket.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPEndPoint(IPAddress.IPv6Any, 0)
            : new IPEndPoint(IPAddress.Any, 0);
        try
        {
            while (await _readDemand.WaitAsync())
            {
                while (true)
                {
                    SocketReceiveFromResult result;
                    try
                    {
                        result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, anyRemote);
                    }
                    catch (SocketException e) when (ConcernsOneDatagram(e.SocketErrorCode))
                    {
                        _post(new ChannelDatagramDropped(null, SocketErrors.Describe(e)));
                        continue;
                    }

                    if (result.ReceivedBytes > _maxDatagramSize)
                    {
                        _post(new ChannelDatagramDropped(
                            result.RemoteEndPoint, $"larger than max-datagram-size ({_maxDatagramSize} bytes)"));
                        continue;
                    }

                    var data = ByteString.FromArrayUnsafe(buffer.AsSpan(0, result.ReceivedBytes).ToArray());
                    _post(new Udp.Received(data, result.RemoteEndPoint));
                    break;
                }
            }
        }
        catch (Exception e)
        {
            if (!IsDisposed)
            {
                _post(new ChannelFailed(SocketErrors.Classify(e), e, DuringWrite: false));
            }
        }
    }
}
