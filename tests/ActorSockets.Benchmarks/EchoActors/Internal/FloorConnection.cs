using System.Buffers;
using System.Net.Sockets;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Benchmarks.EchoActors.Internal;

/// <summary>
/// One actor-floor connection: not an actor, only the reference its handler talks to. <see cref="Tcp.Register"/>
/// starts a read loop that tells the handler a <see cref="Tcp.Received"/> per read, holding a fresh copy of the bytes
/// as the Akka.IO protocol requires (the pooled read buffer goes back before the handler sees it);
/// <see cref="Tcp.Write"/> goes to the kernel at once, in the writer's turn; <see cref="Tcp.Abort"/> and
/// <see cref="Tcp.Close"/> close the socket. No ack, no queue, no backpressure: the echo load has one message in
/// flight per connection, and anything else a transport must do is left out on purpose.
/// </summary>
internal sealed class FloorConnection(
    FloorEchoServer server, Socket socket, IActorRefProvider provider, ActorPath path, IActorRef? standIn)
    : MinimalActorRef
{
    private const int ReadSize = 64 * 1024;

    private IActorRef? _handler;
    private int _closed;

    public override ActorPath Path => path;

    public override IActorRefProvider Provider => provider;

    /// <summary>Closes the socket once; the read loop then ends and tells the handler.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            socket.Dispose();
            // The stand-in connection actor, if any, lives as long as the socket.
            standIn?.Tell(PoisonPill.Instance, ActorRefs.NoSender);

            server.Forget(this);
        }
    }

    protected override void TellInternal(object message, IActorRef sender)
    {
        switch (message)
        {
            case Tcp.Write write:
                Send(write.Data);
                break;
            case Tcp.Register register when _handler is null:
                _handler = register.Handler;
                _ = ReadAsync(register.Handler);
                break;
            case Tcp.Abort or Tcp.Close:
                Close();
                break;
        }
    }

    private void Send(ByteString data)
    {
        try
        {
            // Blocking semantics on a socket the runtime keeps non-blocking: the rest waits in the kernel's poll,
            // which an echo of one message per connection never reaches.
            ReadOnlySpan<byte> bytes = data.ToReadOnlySpan();
            while (!bytes.IsEmpty)
            {
                bytes = bytes[socket.Send(bytes, SocketFlags.None)..];
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Close();
        }
    }

    private async Task ReadAsync(IActorRef handler)
    {
        try
        {
            while (true)
            {
                // As raw does: no buffer held while waiting, a pooled one only for the read itself.
                await socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None);
                byte[] buffer = ArrayPool<byte>.Shared.Rent(ReadSize);
                byte[] data;
                try
                {
                    int read = await socket.ReceiveAsync(buffer, SocketFlags.None);
                    if (read == 0)
                    {
                        break;
                    }

                    data = GC.AllocateUninitializedArray<byte>(read);
                    buffer.AsSpan(0, read).CopyTo(data);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                handler.Tell(new Tcp.Received(ByteString.FromBytes(data)), this);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Reset by the peer, or closed by the handler or the server stopping: the connection is over.
        }

        Close();
        handler.Tell(Tcp.PeerClosed.Instance, this);
    }
}
