using Akka.Actor;

namespace ActorSockets.IO.Internal;

/// <summary>
/// Creates <see cref="SocketsTcpExt"/>: with the given settings, or (<see cref="FromConfig"/>) with those of the
/// system's configuration, whose fallback it first makes the embedded reference.conf.
/// </summary>
internal sealed class SocketsTcpExtensionId(TcpSettings? settings) : ExtensionIdProvider<SocketsTcpExt>
{
    public static SocketsTcpExtensionId FromConfig { get; } = new(null);

    public override SocketsTcpExt CreateExtension(ExtendedActorSystem system)
    {
        IoConfig.InjectReference(system);
        SchedulerWarmUp.Start(system);
        return new SocketsTcpExt(system, settings ?? TcpSettings.FromConfig(system.Settings.Config));
    }
}
