using Akka.Actor;

namespace ActorSockets.Protocols.Internal;

/// <summary>
/// Props built from a factory delegate. Akka's expression-based <c>Props.Create</c> activates through public
/// constructors only; this lets actors keep their constructors private and take any arguments.
/// </summary>
internal static class ActorProps
{
    public static Props Of<TActor>(Func<TActor> factory)
        where TActor : ActorBase =>
        Props.CreateBy(new FactoryProducer<TActor>(factory));

    private sealed class FactoryProducer<TActor>(Func<TActor> factory) : IIndirectActorProducer
        where TActor : ActorBase
    {
        public Type ActorType => typeof(TActor);

        public ActorBase Produce() => factory();

        public void Release(ActorBase actor)
        {
        }
    }
}
