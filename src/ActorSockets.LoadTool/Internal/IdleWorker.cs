using System.Net.Sockets;

namespace ActorSockets.LoadTool.Internal;

/// <summary>
/// Opens one connection, proves the server serves it with one verified round trip, then holds it idle. A pending
/// one-byte read notices a server that drops the connection; stopping disposes the socket, which ends that read.
/// </summary>
internal sealed class IdleWorker(LoadRun run, int id) : LoadWorker(run, id, 1)
{
    private readonly byte[] _probe = new byte[1];

    public override void OnStopping() => Abort();

    public override async Task RunAsync()
    {
        var rampStepDone = false;
        var socket = await Run.TryConnectAsync(throttled: true);
        if (socket is null)
        {
            Run.RampStepDone();
            return;
        }

        // Publish the socket before checking for a stop: a stop after this point disposes it.
        CurrentSocket = socket;
        Run.ConnectionOpened();
        try
        {
            if (Run.Stopping)
            {
                return;
            }

            var served = await RoundTripAsync(socket, 1, 0, measure: true);
            Run.RampStepDone();
            rampStepDone = true;
            if (served && !Run.Stopping)
            {
                var read = await socket.ReceiveAsync(_probe, SocketFlags.None);
                if (read == 0)
                {
                    throw new PeerClosedException();
                }

                Run.RecordError(LoadErrorKind.Other, "an idle connection received bytes nobody sent");
            }
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            Fail(e);
        }
        finally
        {
            if (!rampStepDone)
            {
                Run.RampStepDone();
            }

            CurrentSocket = null;
            socket.Dispose();
            Run.ConnectionClosed();
        }
    }
}
