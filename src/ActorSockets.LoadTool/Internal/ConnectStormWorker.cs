using System.Diagnostics;
using System.Net.Sockets;

namespace ActorSockets.LoadTool.Internal;

/// <summary>Connects, optionally makes one verified round trip, closes, and repeats; one operation per cycle.</summary>
internal sealed class ConnectStormWorker(LoadRun run, int id) : LoadWorker(run, id, 1)
{
    public override async Task RunAsync()
    {
        ulong nextMessage = 0;
        while (!Run.Stopping)
        {
            var start = Stopwatch.GetTimestamp();
            var socket = await Run.TryConnectAsync(throttled: false);
            if (socket is null)
            {
                await Run.BackoffAsync();
                continue;
            }

            CurrentSocket = socket;
            Run.ConnectionOpened();
            try
            {
                if (Run.Options.StormRoundTrip
                    && !await RoundTripAsync(socket, 1, nextMessage++, measure: false))
                {
                    continue;
                }
            }
            catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                Fail(e);
                continue;
            }
            finally
            {
                CurrentSocket = null;
                socket.Dispose();
                Run.ConnectionClosed();
            }

            Run.RecordLatency(Id, LoadRun.ElapsedNanoseconds(start));
            Completed(1, 0);
        }
    }
}
