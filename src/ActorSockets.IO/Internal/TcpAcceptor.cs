using System.Collections.Concurrent;
using System.Net.Sockets;

namespace ActorSockets.IO.Internal;

/// <summary>
/// The accept loop behind a listener actor. The listener grants accepts (a batch at a time in push mode,
/// <c>ResumeAccepting(n)</c> in pull mode); each accepted socket is parked in a queue and the listener is
/// told <see cref="ChannelAccepted"/> to take it with <see cref="TakeAccepted"/>.
/// </summary>
/// <remarks>
/// Sockets travel through the queue instead of inside the message so that none can leak: if the
/// listener stops while an accept is in flight, its messages go to dead letters, but
/// <see cref="Dispose"/> drains and closes whatever is queued, and the loop closes anything it accepts
/// after disposal (it checks the flag after enqueueing, so either it or <see cref="Dispose"/> sees the
/// socket — never neither).
/// </remarks>
internal sealed class TcpAcceptor : IDisposable
{
    private readonly Socket _listenSocket;
    private readonly Action<object> _post;
    private readonly DemandSignal _demand = new();
    private readonly ConcurrentQueue<Socket> _accepted = new();
    private int _disposed;

    public TcpAcceptor(Socket listenSocket, Action<object> post)
    {
        _listenSocket = listenSocket;
        _post = post;
    }

    private bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public void Start() => _ = AcceptLoopAsync();

    /// <summary>Allows <paramref name="count"/> more accepts.</summary>
    public void Grant(int count) => _demand.Grant(count);

    public Socket? TakeAccepted() => _accepted.TryDequeue(out Socket? socket) ? socket : null;

    /// <summary>Closes the listening socket and every accepted socket nobody has taken yet.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _demand.Close();
        _listenSocket.Dispose();
        DrainAccepted();
    }

    private async Task AcceptLoopAsync()
    {
        while (await _demand.WaitAsync().ConfigureAwait(false))
        {
            Socket socket;
            try
            {
                socket = await _listenSocket.AcceptAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                if (IsDisposed)
                {
                    return;
                }

                // The listener decides: a client that left before the accept gets its permit back at once, anything
                // else after a pause.
                _post(new ChannelAcceptFailed(SocketErrors.ClassifyAccept(e), e));
                continue;
            }

            _accepted.Enqueue(socket);
            if (IsDisposed)
            {
                DrainAccepted();
                return;
            }

            _post(ChannelAccepted.Instance);
        }
    }

    private void DrainAccepted()
    {
        while (_accepted.TryDequeue(out Socket? socket))
        {
            socket.Dispose();
        }
    }
}
