using System.Net.Sockets;

namespace ActorSockets.LoadTool.Internal;

/// <summary>A long-lived connection making closed-loop round trips; after a failure it reconnects and carries on.</summary>
internal sealed class EchoWorker(LoadRun run, int id) : LoadWorker(run, id, run.Options.Pipeline)
{
    public override async Task RunAsync()
    {
        ulong nextMessage = 0;
        var first = true;
        while (!Run.Stopping)
        {
            var socket = await Run.TryConnectAsync(throttled: first);
            if (first)
            {
                first = false;
                Run.RampStepDone();
            }

            if (socket is null)
            {
                await Run.BackoffAsync();
                continue;
            }

            CurrentSocket = socket;
            Run.ConnectionOpened();
            var healthy = true;
            try
            {
                while (healthy && !Run.Stopping)
                {
                    healthy = await RoundTripAsync(socket, Run.Options.Pipeline, nextMessage, measure: true);
                    nextMessage += (ulong)Run.Options.Pipeline;
                }
            }
            catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                Fail(e);
                healthy = false;
            }
            finally
            {
                CurrentSocket = null;
                socket.Dispose();
                Run.ConnectionClosed();
            }

            if (!healthy)
            {
                await Run.BackoffAsync();
            }
        }
    }
}
