using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;

namespace ActorSockets.Cluster.Tests.Internal;

/// <summary>
/// The experiment's host relay (docs/cluster-chat.md, "Bounds"): it sends events to another host by publishing to
/// that host's own topic <c>relay.&lt;address&gt;</c>, numbered per destination, and keeps at most
/// <paramref name="window"/> of them unacknowledged. Beyond that the destination is a slow host and is cut off
/// like a slow reader: events for it are skipped and counted, and the next event it gets is preceded by
/// <see cref="Skipped"/>, so its members can be told. The receiving relay acknowledges every
/// <paramref name="ackEvery"/> events to the publishing relay (the <c>Sender</c> pub-sub keeps).
/// </summary>
/// <remarks>
/// <see cref="Pause"/> stands in for a host too busy to process its relay's mailbox: events wait unprocessed and
/// unacknowledged, which is exactly what the window bounds (our mediator's mailbox, the remote EndpointWriter's
/// buffer and the remote mailboxes are all inside it).
/// </remarks>
internal sealed class WindowedRelay : ReceiveActor, IWithStash
{
    private readonly string _self;
    private readonly int _window;
    private readonly int _ackEvery;
    private readonly IActorRef _sink;
    private readonly IActorRef _mediator;
    private readonly Dictionary<string, long> _sent = [];
    private readonly Dictionary<string, long> _acked = [];
    private readonly Dictionary<string, long> _skipped = [];
    private readonly Dictionary<string, long> _received = [];

    public WindowedRelay(string self, int window, int ackEvery, IActorRef sink)
    {
        _self = self;
        _window = window;
        _ackEvery = ackEvery;
        _sink = sink;
        _mediator = DistributedPubSub.Get(Context.System).Mediator;
        Running();
    }

    public IStash Stash { get; set; } = null!;

    public static string TopicOf(string host) => "relay." + host;

    public static Props CreateProps(string self, int window, int ackEvery, IActorRef sink) =>
        Props.Create(() => new WindowedRelay(self, window, ackEvery, sink));

    protected override void PreStart() => _mediator.Tell(new Subscribe(TopicOf(_self), Self));

    private void Running()
    {
        ReceiveSending();
        Receive<Event>(OnEvent);
        Receive<Skipped>(skipped => _sink.Tell(skipped));
        Receive<Pause>(_ => Become(Paused));
    }

    private void Paused()
    {
        ReceiveSending();
        Receive<Event>(_ => Stash.Stash());
        Receive<Skipped>(_ => Stash.Stash());
        Receive<Resume>(_ =>
        {
            Become(Running);
            Stash.UnstashAll();
        });
    }

    /// <summary>What both behaviours do: sending, acks, status. Sending never waits on a destination.</summary>
    private void ReceiveSending()
    {
        Receive<SubscribeAck>(_ => { });
        Receive<Ping>(ping => Sender.Tell(ping));
        Receive<Send>(send =>
        {
            var sent = _sent.GetValueOrDefault(send.To);
            if (sent - _acked.GetValueOrDefault(send.To) >= _window)
            {
                _skipped[send.To] = _skipped.GetValueOrDefault(send.To) + 1;
                return;
            }

            if (_skipped.Remove(send.To, out var skipped))
            {
                _mediator.Tell(new Publish(TopicOf(send.To), new Skipped(_self, skipped)), Self);
            }

            _sent[send.To] = ++sent;
            _mediator.Tell(new Publish(TopicOf(send.To), new Event(_self, sent, send.Payload)), Self);
        });
        Receive<Ack>(ack => _acked[ack.From] = Math.Max(_acked.GetValueOrDefault(ack.From), ack.Seq));
        Receive<GetStatus>(status => Sender.Tell(new Status(
            Unacked: _sent.GetValueOrDefault(status.Host) - _acked.GetValueOrDefault(status.Host),
            Skipped: _skipped.GetValueOrDefault(status.Host),
            Stashed: Stash.Count)));
    }

    private void OnEvent(Event e)
    {
        var expected = _received.GetValueOrDefault(e.Origin) + 1;
        if (e.Seq != expected)
        {
            _sink.Tell(new Gap(e.Origin, expected, e.Seq));
        }

        _received[e.Origin] = e.Seq;
        _sink.Tell(e);
        if (e.Seq % _ackEvery == 0)
        {
            Sender.Tell(new Ack(_self, e.Seq));
        }
    }

    /// <summary>From the host's chat: send <paramref name="Payload"/> to host <paramref name="To"/>.</summary>
    public sealed record Send(string To, string Payload);

    /// <summary>Between relays: event <paramref name="Seq"/> (from 1, per destination) of <paramref name="Origin"/>.</summary>
    public sealed record Event(string Origin, long Seq, string Payload);

    /// <summary>Between relays: <paramref name="Count"/> events for you were skipped since the last one you got.</summary>
    public sealed record Skipped(string Origin, long Count);

    /// <summary>Between relays: everything up to <paramref name="Seq"/> from you has been handled by <paramref name="From"/>.</summary>
    public sealed record Ack(string From, long Seq);

    /// <summary>To the sink: an event arrived with a sequence number other than the next.</summary>
    public sealed record Gap(string Origin, long Expected, long Got);

    /// <summary>Answered as is, through pub-sub: tells a publisher its topic has reached this relay.</summary>
    public sealed record Ping(string Marker);

    public sealed record GetStatus(string Host);

    public sealed record Status(long Unacked, long Skipped, int Stashed);

    public sealed record Pause
    {
        public static Pause Instance { get; } = new();
    }

    public sealed record Resume
    {
        public static Resume Instance { get; } = new();
    }
}
