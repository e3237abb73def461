using ActorSockets.Protocols.Chat;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Benchmarks.Chat.Internal;

/// <summary>
/// A lightweight room member: it skips the notices of members who joined after it (<paramref name="preamble"/>),
/// then records each delivery and keeps the last line so the run can check it.
/// </summary>
internal sealed class CountingMember : ReceiveActor
{
    public CountingMember(FanoutRecorder recorder, int index, int preamble, SetupGate gate, ByteString[] lastLines)
    {
        var skip = preamble;
        if (skip == 0)
        {
            gate.Arrive();
        }

        Receive<Deliver>(deliver =>
        {
            if (skip > 0)
            {
                if (--skip == 0)
                {
                    gate.Arrive();
                }

                return;
            }

            lastLines[index] = deliver.Data;
            recorder.Received(index);
        });
        Receive<ChatRoom.Joined>(_ => { });
    }
}

/// <summary>The member that speaks: it is in the room (so the room accepts its lines), learns the room when it joins, and ignores what it hears.</summary>
internal sealed class Speaker : ReceiveActor
{
    public Speaker(TaskCompletionSource<IActorRef> room)
    {
        Receive<ChatRoom.Joined>(joined => room.TrySetResult(joined.RoomRef));
        ReceiveAny(_ => { });
    }
}
