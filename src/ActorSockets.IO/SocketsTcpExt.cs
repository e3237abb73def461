using ActorSockets.IO.Internal;
using Akka.Actor;

namespace ActorSockets.IO;

/// <summary>
/// The Akka extension holding ActorSockets' TCP manager: the counterpart of Akka's <c>TcpExt</c>, speaking the
/// same <see cref="Akka.IO.Tcp"/> messages. Get the manager with <see cref="SocketsExtensions.SocketsTcp"/>.
/// </summary>
public sealed class SocketsTcpExt : IExtension
{
    internal SocketsTcpExt(ExtendedActorSystem system, TcpSettings settings)
    {
        Settings = settings;
        Manager = system.SystemActorOf(ActorProps.Of(() => new TcpManager(settings)), "actorsockets-io-tcp");
    }

    /// <summary>The manager: send it the commands that open sockets.</summary>
    public IActorRef Manager { get; }

    /// <summary>The settings the manager runs with.</summary>
    public TcpSettings Settings { get; }

    /// <summary>The extension of <paramref name="system"/>, created on first use from its configuration.</summary>
    public static SocketsTcpExt Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return (SocketsTcpExt)system.RegisterExtension(FromConfig);
    }

    /// <summary>
    /// Creates the extension of <paramref name="system"/> with <paramref name="settings"/> instead of its
    /// configuration. Throws if the extension already runs with other settings.
    /// </summary>
    public static SocketsTcpExt Configure(ActorSystem system, TcpSettings settings) =>
        SocketsExtensionId<SocketsTcpExt>.Configure(system, settings, (s, given) => new SocketsTcpExt(s, given), ext => ext.Settings);

    private static readonly SocketsExtensionId<SocketsTcpExt> FromConfig =
        new(s => new SocketsTcpExt(s, TcpSettings.FromConfig(s.Settings.Config)));
}
