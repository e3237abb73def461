using ActorSockets.Actors;

namespace ActorSockets.Actors.Tests;

/// <summary>Small actors shared by the runtime tests.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m));
}

/// <summary>Reports its lifecycle to a probe, fails on "fail", replies to "ping", creates children on request.</summary>
internal sealed class ReportingActor : ReceiveActor
{
    private readonly IActorRef _probe;
    private readonly string _name;

    public ReportingActor(IActorRef probe, string name)
    {
        _probe = probe;
        _name = name;
        Receive<string>(s => s == "fail", _ => throw new InvalidOperationException($"{_name} failed"));
        Receive<string>(s => s == "ping", _ => Sender.Tell($"pong:{_name}"));
        Receive<Exception>(e => throw e);
        Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(Props.Create(() => new ReportingActor(_probe, c.Name)), c.Name)));
        Receive<ForwardTo>(f => Context.Child(f.Child).Forward(f.Message));
    }

    protected override void PreStart() => _probe.Tell($"{_name}:preStart");

    protected override void PostStop() => _probe.Tell($"{_name}:postStop");

    protected override void PreRestart(Exception reason, object? message)
    {
        _probe.Tell($"{_name}:preRestart");
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _probe.Tell($"{_name}:postRestart");
        base.PostRestart(reason);
    }
}

internal sealed record CreateChild(string Name);

internal sealed record ForwardTo(string Child, object Message);

/// <summary>A parent with a configurable strategy whose children are <see cref="ReportingActor"/>s.</summary>
internal sealed class Supervisor : ReceiveActor
{
    private readonly SupervisorStrategy _strategy;

    public Supervisor(SupervisorStrategy strategy, IActorRef probe, string name)
    {
        _strategy = strategy;
        Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(Props.Create(() => new ReportingActor(probe, c.Name)), c.Name)));
        Receive<string>(s => s == "ping", _ => Sender.Tell($"pong:{name}"));
        Receive<Props>(p => Sender.Tell(Context.ActorOf(p)));
    }

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;
}
