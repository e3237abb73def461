using System.Threading.Channels;
using ActorSockets.Benchmarks.Chat.Internal;
using ActorSockets.Protocols.Chat;
using Akka.Actor;
using Akka.IO;
using BenchmarkDotNet.Attributes;

namespace ActorSockets.Benchmarks.Chat;

/// <summary>
/// The cost of one chat delivery: a <see cref="ChatRoom"/> fanning 100 lines out to 1,000 member actors, beside a
/// baseline that hands the same lines to 1,000 bounded channels each drained by its own task. Times are per
/// delivery, so deliveries per second = 1 / Mean. (<c>chat-fanout</c> measures the same with delays and real
/// sessions; this is the BenchmarkDotNet view of the hot path.)
/// </summary>
[MemoryDiagnoser]
public class ChatRoomFanoutBenchmarks
{
    private const int Members = 1000;
    private const int Lines = 100;
    private const int Deliveries = Members * Lines;

    private readonly DeliveryTarget _target = new();
    private ActorSystem _system = null!;
    private IActorRef _room = null!;
    private IActorRef _speaker = null!;
    private Channel<ByteString>[] _channels = [];
    private ChatRoom.Say[] _says = [];
    private ByteString[] _encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("fanout-bdn", FanoutScenarios.QuietConfig);
        _room = _system.ActorOf(ChatRoom.CreateProps("lobby"));
        _speaker = _system.ActorOf(Props.Create(() => new SilentMember(null)));
        _room.Tell(new ChatRoom.Join(_speaker, "speaker", true), ActorRefs.NoSender);
        // Member i hears the joins of the members after it; counting those proves the room is set up.
        _target.Expect(Members * (Members - 1) / 2);
        for (var i = 0; i < Members; i++)
        {
            var member = _system.ActorOf(Props.Create(() => new SilentMember(_target)));
            _room.Tell(new ChatRoom.Join(member, "m" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), true), ActorRefs.NoSender);
        }

        _channels = new Channel<ByteString>[Members];
        for (var i = 0; i < Members; i++)
        {
            var channel = Channel.CreateBounded<ByteString>(new BoundedChannelOptions(Lines) { SingleReader = true, SingleWriter = true });
            _channels[i] = channel;
            _ = Task.Run(async () =>
            {
                while (await channel.Reader.WaitToReadAsync())
                {
                    while (channel.Reader.TryRead(out _))
                    {
                        _target.Delivered();
                    }
                }
            });
        }

        _says = [.. Enumerable.Range(0, Lines).Select(k => new ChatRoom.Say("line " + k.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        _encoded = [.. _says.Select(s => ChatFormat.Encode(ChatFormat.Message("speaker", s.Text)))];

        // Check the benchmark means what it says: every member hears every line.
        if (!_target.Done.Wait(TimeSpan.FromSeconds(30)) || !Room().Wait(TimeSpan.FromSeconds(30)) || !Channels().Wait(TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException("A fan-out round did not complete.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var channel in _channels)
        {
            channel.Writer.TryComplete();
        }

        _system.Terminate().Wait(TimeSpan.FromSeconds(10));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Deliveries)]
    public Task Channels_1000Members_100Lines()
    {
        _target.Expect(Deliveries);
        for (var k = 0; k < Lines; k++)
        {
            foreach (var channel in _channels)
            {
                channel.Writer.TryWrite(_encoded[k]);
            }
        }

        return _target.Done;
    }

    [Benchmark(OperationsPerInvoke = Deliveries)]
    public Task Room_1000Members_100Lines() => Room();

    private Task Room()
    {
        _target.Expect(Deliveries);
        foreach (var say in _says)
        {
            _room.Tell(say, _speaker);
        }

        return _target.Done;
    }

    private Task Channels() => Channels_1000Members_100Lines();

    /// <summary>Counts deliveries down to the number one round expects.</summary>
    private sealed class DeliveryTarget
    {
        private SetupGate _current = new(1);

        public Task Done => Volatile.Read(ref _current).Ready;

        public void Expect(int deliveries) => Volatile.Write(ref _current, new SetupGate(deliveries));

        public void Delivered() => Volatile.Read(ref _current).Arrive();
    }

    /// <summary>A member that counts what the room delivers to it.</summary>
    private sealed class SilentMember : ReceiveActor
    {
        public SilentMember(DeliveryTarget? target)
        {
            Receive<Deliver>(_ => target?.Delivered());
            ReceiveAny(_ => { });
        }
    }
}
