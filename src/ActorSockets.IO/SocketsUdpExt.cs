using ActorSockets.IO.Internal;
using Akka.Actor;

namespace ActorSockets.IO;

/// <summary>
/// The Akka extension holding ActorSockets' UDP manager: the counterpart of Akka's <c>UdpExt</c>, speaking the
/// same <see cref="Akka.IO.Udp"/> messages. Get the manager with <see cref="SocketsExtensions.SocketsUdp"/>.
/// </summary>
public sealed class SocketsUdpExt : IExtension
{
    internal SocketsUdpExt(ExtendedActorSystem system, UdpSettings settings)
    {
        Settings = settings;
        Manager = system.SystemActorOf(ActorProps.Of(() => new UdpManager(settings)), "actorsockets-io-udp");
    }

    /// <summary>The manager: send it the commands that open sockets.</summary>
    public IActorRef Manager { get; }

    /// <summary>The settings the manager runs with.</summary>
    public UdpSettings Settings { get; }

    /// <summary>The extension of <paramref name="system"/>, created on first use from its configuration.</summary>
    public static SocketsUdpExt Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return (SocketsUdpExt)system.RegisterExtension(FromConfig);
    }

    /// <summary>
    /// Creates the extension of <paramref name="system"/> with <paramref name="settings"/> instead of its
    /// configuration. Throws if the extension already runs with other settings.
    /// </summary>
    public static SocketsUdpExt Configure(ActorSystem system, UdpSettings settings) =>
        SocketsExtensionId<SocketsUdpExt>.Configure(system, settings, (s, given) => new SocketsUdpExt(s, given), ext => ext.Settings);

    private static readonly SocketsExtensionId<SocketsUdpExt> FromConfig =
        new(s => new SocketsUdpExt(s, UdpSettings.FromConfig(s.Settings.Config)));
}
