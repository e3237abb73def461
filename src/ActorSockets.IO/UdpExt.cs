using ActorSockets.Actors;
using ActorSockets.IO.Internal;

namespace ActorSockets.IO;

/// <summary>
/// The UDP extension of an actor system: one manager actor at <c>/system/IO-UDP</c> and the settings it
/// runs with. Reach the manager with <c>system.Udp()</c>.
/// </summary>
public sealed class UdpExt
{
    private UdpExt(ActorSystem system, UdpSettings settings)
    {
        Settings = settings;
        Manager = system.SystemActorOf(
            Props.FromProducer(() => new UdpManager(settings, system.LoggerFactory)), "IO-UDP");
    }

    /// <summary>The manager actor: send it <see cref="Udp.Bind"/> and <see cref="Udp.SimpleSender"/>.</summary>
    public IActorRef Manager { get; }

    /// <summary>The settings every UDP socket of this system uses.</summary>
    public UdpSettings Settings { get; }

    /// <summary>
    /// The system's UDP extension. Unless <see cref="Configure"/> ran first, it is created on first use with
    /// the <c>actorsockets.io.udp</c> section of the system's configuration (<see cref="ActorSystemSettings.Config"/>),
    /// over the IO library's embedded <c>reference.conf</c>, as Akka's <c>Udp</c> extension reads its section.
    /// </summary>
    /// <exception cref="Hocon.ConfigException">The system's <c>actorsockets.io.udp</c> section has a malformed value.</exception>
    public static UdpExt Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrCreateExtension(s => new UdpExt(s, UdpSettings.FromConfig(s.Settings.Config)));
    }

    /// <summary>
    /// Creates the system's UDP extension with <paramref name="settings"/> instead of the system's configuration
    /// (a host that has already read <see cref="UdpSettings.FromConfig"/> passes them here). Call it before the
    /// first <c>system.Udp()</c>; once the extension exists its settings cannot change.
    /// </summary>
    /// <exception cref="InvalidOperationException">The extension already exists with other settings.</exception>
    public static UdpExt Configure(ActorSystem system, UdpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        UdpExt ext = system.GetOrCreateExtension(s => new UdpExt(s, settings));
        if (ext.Settings != settings)
        {
            throw new InvalidOperationException("The UDP extension of this system already runs with other settings.");
        }

        return ext;
    }
}
