using System.Diagnostics;
using System.Threading.Channels;
using ActorSockets.Protocols.Chat;
using Akka.Actor;
using Akka.IO;

namespace ActorSockets.Benchmarks.Chat.Internal;

/// <summary>The three ways one speaker's messages reach every member, each measured the same way.</summary>
internal static class FanoutScenarios
{
    /// <summary>Warnings only: each session's closing line at Info would otherwise flood the run's output.</summary>
    internal const string QuietConfig = "akka.loglevel = WARNING";

    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);

    /// <summary>A real <see cref="ChatRoom"/> delivering to lightweight member actors.</summary>
    public static async Task<FanoutFigures> RoomToMembersAsync(int members, int messages, int? rate)
    {
        using var system = ActorSystem.Create("fanout", QuietConfig);
        var recorder = new FanoutRecorder(members, messages);
        var gate = new SetupGate(members);
        var lastLines = new ByteString[members];
        var room = system.ActorOf(ChatRoom.CreateProps("lobby"));
        var joined = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        var speaker = system.ActorOf(Props.Create(() => new Speaker(joined)));
        room.Tell(new ChatRoom.Join(speaker, "speaker", true), ActorRefs.NoSender);
        for (var i = 0; i < members; i++)
        {
            var index = i;
            var member = system.ActorOf(Props.Create(() => new CountingMember(recorder, index, members - 1 - index, gate, lastLines)));
            room.Tell(new ChatRoom.Join(member, "m" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), true), ActorRefs.NoSender);
        }

        await gate.Ready.WaitAsync(SetupTimeout);
        await SendAsync(recorder, rate, k => room.Tell(new ChatRoom.Say(Text(k)), speaker));
        await recorder.Done.WaitAsync(RunTimeout);

        var expected = ChatFormat.Encode(ChatFormat.Message("speaker", Text(messages - 1)));
        for (var i = 0; i < members; i++)
        {
            Check(recorder.CountOf(i) == messages, $"member {i} got {recorder.CountOf(i)} of {messages} lines");
            Check(expected.Equals(lastLines[i]), $"member {i}'s last line was '{lastLines[i]?.ToString()}'");
        }

        return recorder.Figures(rate is null ? "room -> member actors" : $"room -> member actors @ {rate}/s");
    }

    /// <summary>
    /// The chat as deployed, minus the kernel: a <see cref="ChatRegistry"/>, its room, and a real
    /// <see cref="ChatSession"/> per member with its bounded queue and ack-based writes, over a connection
    /// actor that acknowledges every write at once.
    /// </summary>
    public static async Task<FanoutFigures> RoomToSessionsAsync(int members, int messages, int? rate)
    {
        using var system = ActorSystem.Create("fanout", QuietConfig);
        var recorder = new FanoutRecorder(members, messages);
        var gate = new SetupGate(members);
        var settings = ChatSettings.Default with { OutboundMaxMessages = Math.Max(1000, messages * 2), OutboundMaxBytes = 64L * 1024 * 1024 };
        var registry = system.ActorOf(ChatRegistry.CreateProps(settings));
        var joined = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        var speaker = system.ActorOf(Props.Create(() => new Speaker(joined)));
        registry.Tell(ChatRegistry.Connect.Instance, speaker);
        var room = await joined.Task.WaitAsync(SetupTimeout);
        for (var i = 0; i < members; i++)
        {
            // One at a time, so member i hears exactly the members - 1 - i joins after it (plus its greeting).
            var index = i;
            var greeted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var connection = system.ActorOf(Props.Create(() => new FakeConnection(recorder, index, members - index, gate, greeted)));
            system.ActorOf(ChatSession.CreateProps(connection, registry, settings));
            await greeted.Task.WaitAsync(SetupTimeout);
        }

        await gate.Ready.WaitAsync(SetupTimeout);
        await SendAsync(recorder, rate, k => room.Tell(new ChatRoom.Say(Text(k)), speaker));
        await recorder.Done.WaitAsync(RunTimeout);
        for (var i = 0; i < members; i++)
        {
            Check(recorder.CountOf(i) == messages, $"session {i} wrote {recorder.CountOf(i)} of {messages} lines");
        }

        return recorder.Figures(rate is null ? "room -> chat sessions" : $"room -> chat sessions @ {rate}/s");
    }

    /// <summary>The baseline without actors: one bounded channel per member, each drained by its own task.</summary>
    public static async Task<FanoutFigures> ChannelsAsync(int members, int messages, int? rate)
    {
        var recorder = new FanoutRecorder(members, messages);
        var channels = new Channel<ByteString>[members];
        var readers = new Task[members];
        for (var i = 0; i < members; i++)
        {
            var index = i;
            var channel = Channel.CreateBounded<ByteString>(new BoundedChannelOptions(messages) { SingleReader = true, SingleWriter = true });
            channels[i] = channel;
            readers[i] = Task.Run(async () =>
            {
                while (await channel.Reader.WaitToReadAsync())
                {
                    while (channel.Reader.TryRead(out _))
                    {
                        recorder.Received(index);
                    }
                }
            });
        }

        await SendAsync(recorder, rate, k =>
        {
            var line = ChatFormat.Encode(ChatFormat.Message("speaker", Text(k)));
            foreach (var channel in channels)
            {
                Check(channel.Writer.TryWrite(line), "a baseline channel was full");
            }
        });
        await recorder.Done.WaitAsync(RunTimeout);
        foreach (var channel in channels)
        {
            channel.Writer.Complete();
        }

        await Task.WhenAll(readers);
        return recorder.Figures(rate is null ? "baseline: channels, no actors" : $"baseline: channels @ {rate}/s");
    }

    private static async Task SendAsync(FanoutRecorder recorder, int? rate, Action<int> send)
    {
        var start = Stopwatch.GetTimestamp();
        for (var k = 0; k < recorder.Messages; k++)
        {
            if (rate is { } perSecond)
            {
                var due = TimeSpan.FromSeconds((double)k / perSecond);
                var wait = due - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }

            recorder.Sent(k);
            send(k);
        }
    }

    private static string Text(int k) => "message " + k.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException("chat-fanout check failed: " + failure);
        }
    }
}
