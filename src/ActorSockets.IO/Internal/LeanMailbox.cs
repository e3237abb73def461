using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace ActorSockets.IO.Internal;

/// <summary>
/// The mailbox of connection actors (<c>actorsockets.io.connection-mailbox</c>): a <see cref="LeanMessageQueue"/>,
/// which holds no storage until the first message. Akka's default unbounded mailbox allocates a 32-slot queue
/// segment per actor up front (about 1 KB), the largest single cost of an idle connection.
/// </summary>
internal sealed class LeanMailbox(Settings settings, Config config)
    : MailboxType(settings, config), IProducesMessageQueue<LeanMessageQueue>
{
    /// <summary>The mailbox id the extension registers in its reference.conf.</summary>
    public const string Id = "actorsockets.io.connection-mailbox";

    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new LeanMessageQueue();
}
