using System.Net;
using System.Net.Sockets;
using Akka.IO;

namespace ActorSockets.IO.Internal;

/// <summary>
/// The socket engine behind a bound UDP actor: a receive loop that takes one permit per delivered
/// datagram, and a non-blocking send. Completions are told to the owner, as for <see cref="TcpChannel"/>.
/// </summary>
/// <remarks>
/// <para>
/// The loop owns one buffer of <c>max-datagram-size + 1</c> bytes for the life of the socket (one per
/// bound endpoint, not per peer). A datagram that fills it was larger than the limit and is dropped.
/// Errors that concern a single datagram (an ICMP port-unreachable surfacing as a reset, a truncated
/// message) drop nothing but are treated the same way, and the loop carries on: nothing a peer sends can
/// stop the listener.
/// </para>
/// <para>
/// A drop takes no read permit, so a peer streaming bad datagrams could otherwise make the loop post one
/// message per datagram and grow the owner's mailbox without limit. Drops are therefore counted here, and
/// the owner is told with one <see cref="ChannelDatagramDropped"/> (describing the first drop) only when
/// no earlier one is still waiting for <see cref="TakeDropped"/>: at most one such message is in the
/// owner's mailbox at any time, however fast the datagrams come.
/// </para>
/// </remarks>
internal sealed class UdpChannel : IDisposable
{
    private readonly Socket _socket;
    private readonly Action<object> _post;
    private readonly int _maxDatagramSize;
    private readonly string _oversizedReason;
    private readonly DemandSignal _readDemand = new();
    private bool _loopStarted;
    private int _disposed;
    private long _dropped;
    private int _dropNoticePending;

    public UdpChannel(Socket socket, Action<object> post, int maxDatagramSize)
    {
        _socket = socket;
        _post = post;
        _maxDatagramSize = maxDatagramSize;
        _oversizedReason = $"larger than max-datagram-size ({maxDatagramSize} bytes)";
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

    /// <summary>
    /// Returns how many datagrams were dropped since the last call, and lets the next drop post a new
    /// <see cref="ChannelDatagramDropped"/>. The owner calls it when it handles that message.
    /// </summary>
    public long TakeDropped()
    {
        // The race: the loop counts a drop, then finds a notice still pending and posts none. Re-arming
        // the notice before taking the count (both full fences) means such a drop is either in this count
        // or announced by a fresh notice; a notice may then find a count of 0, which the owner ignores.
        Interlocked.Exchange(ref _dropNoticePending, 0);
        return Interlocked.Exchange(ref _dropped, 0);
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

    /// <summary>
    /// Whether a receive error is about one datagram (the loop counts it as a drop and reads on) rather than
    /// the socket (the loop ends with <see cref="ChannelFailed"/>). Windows reports an ICMP port-unreachable
    /// for an earlier send as <see cref="SocketError.ConnectionReset"/> on the next receive; Linux reports it
    /// (as <see cref="SocketError.ConnectionRefused"/>) only on connected sockets or with <c>IP_RECVERR</c>.
    /// </summary>
    internal static bool ConcernsOneDatagram(SocketError error) =>
        error is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.MessageSize
            or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NetworkReset;

    private void Dropped(EndPoint? from, string reason)
    {
        Interlocked.Increment(ref _dropped);
        if (Interlocked.Exchange(ref _dropNoticePending, 1) == 0)
        {
            _post(new ChannelDatagramDropped(from, reason));
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[_maxDatagramSize + 1];
        EndPoint anyRemote = _socket.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPEndPoint(IPAddress.IPv6Any, 0)
            : new IPEndPoint(IPAddress.Any, 0);
        try
        {
            while (await _readDemand.WaitAsync().ConfigureAwait(false))
            {
                while (true)
                {
                    SocketReceiveFromResult result;
                    try
                    {
                        result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, anyRemote).ConfigureAwait(false);
                    }
                    catch (SocketException e) when (ConcernsOneDatagram(e.SocketErrorCode))
                    {
                        Dropped(null, SocketErrors.Describe(e));
                        continue;
                    }

                    if (result.ReceivedBytes > _maxDatagramSize)
                    {
                        Dropped(result.RemoteEndPoint, _oversizedReason);
                        continue;
                    }

                    var data = ByteString.FromBytes(buffer.AsSpan(0, result.ReceivedBytes).ToArray());
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
