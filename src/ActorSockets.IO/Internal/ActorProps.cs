using Akka.Actor;

namespace ActorSockets.IO.Internal;

/// <summary>
/// Props made from a factory delegate: the actor is built by a plain call, with no expression tree to compile
/// and no reflection per actor, which matters when a listener creates thousands of connections.
/// </summary>
internal static class ActorProps
{
    public static Props Of<TActor>(Func<TActor> factory)
        where TActor : ActorBase =>
        Props.CreateBy(new Producer<TActor>(factory)).WithDeploy(Deploy.Local);

    private sealed class Producer<TActor>(Func<TActor> factory) : IIndirectActorProducer
        where TActor : ActorBase
    {
        public Type ActorType => typeof(TActor);

        public ActorBase Produce() => factory();

        public void Release(ActorBase actor)
        {
        }
    }
}
