using Akka.Actor;

namespace ActorSockets.IO.Internal;

/// <summary>
/// Creates <see cref="SocketsUdpExt"/>: with the given settings, or (<see cref="FromConfig"/>) with those of the
/// system's configuration, whose fallback it first makes the embedded reference.conf.
/// </summary>
internal sealed class SocketsUdpExtensionId(UdpSettings? settings) : ExtensionIdProvider<SocketsUdpExt>
{
    public static SocketsUdpExtensionId FromConfig { get; } = new(null);

    public override SocketsUdpExt CreateExtension(ExtendedActorSystem system)
    {
        IoConfig.InjectReference(system);
        SchedulerWarmUp.Start(system);
        return new SocketsUdpExt(system, settings ?? UdpSettings.FromConfig(system.Settings.Config));
    }
}
