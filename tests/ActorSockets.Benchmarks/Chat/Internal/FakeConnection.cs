using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Benchmarks.Chat.Internal;

/// <summary>
/// Stands in for a TCP connection behind a real <c>ChatSession</c>: it acknowledges every write at once, as a
/// connection does when the kernel takes the bytes, and records each line the session wrote (a write may carry
/// several, coalesced from the session's queue). The first <paramref name="preamble"/> lines (the greeting and
/// the notices of members who joined later) are not broadcasts and are skipped.
/// </summary>
internal sealed class FakeConnection : ReceiveActor
{
    public FakeConnection(FanoutRecorder recorder, int index, int preamble, SetupGate gate, TaskCompletionSource greeted)
    {
        var skip = preamble;
        Receive<Tcp.Write>(write =>
        {
            greeted.TrySetResult();
            var lines = write.Data.ToReadOnlySpan().Count((byte)'\n');
            var skipped = Math.Min(skip, lines);
            skip -= skipped;
            lines -= skipped;
            if (skipped > 0 && skip == 0)
            {
                gate.Arrive();
            }

            if (lines > 0)
            {
                recorder.Received(index, lines);
            }

            if (write.WantsAck)
            {
                Sender.Tell(write.Ack, Self);
            }
        });
        ReceiveAny(_ => { });
    }
}
