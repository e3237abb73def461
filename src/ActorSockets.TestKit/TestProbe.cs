using ActorSockets.Actors;

namespace ActorSockets.TestKit;

/// <summary>
/// A second test actor with its own message queue and expectations, for tests that need more than
/// one: pass <see cref="Ref"/> to the actors under test.
/// </summary>
public sealed class TestProbe : TestKitBase
{
    internal TestProbe(ActorSystem system, TestKitSettings settings, string name)
        : base(system, settings, name)
    {
    }

    /// <summary>The probe's actor reference.</summary>
    public IActorRef Ref => TestActor;

    /// <summary>Tells <paramref name="message"/> to the probe.</summary>
    public void Tell(object message, IActorRef? sender = null) => Ref.Tell(message, sender);

    /// <summary>Replies <paramref name="message"/> to the sender of the last message received, with the probe as sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> as if the last sender had sent it.</summary>
    public void Forward(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, LastSender);
    }

    /// <inheritdoc />
    public override string ToString() => $"TestProbe({Ref.Path})";
}
