using ActorSockets.Actors;
using ActorSockets.IO.Internal;

namespace ActorSockets.IO;

/// <summary>
/// The TCP extension of an actor system: one manager actor at <c>/system/IO-TCP</c> and the settings it
/// runs with. Reach the manager with <c>system.Tcp()</c>.
/// </summary>
public sealed class TcpExt
{
    private TcpExt(ActorSystem system, TcpSettings settings)
    {
        Settings = settings;
        Manager = system.SystemActorOf(
            Props.FromProducer(() => new TcpManager(settings, system.LoggerFactory)), "IO-TCP");
    }

    /// <summary>The manager actor: send it <see cref="Tcp.Bind"/> and <see cref="Tcp.Connect"/>.</summary>
    public IActorRef Manager { get; }

    /// <summary>The settings every listener and connection of this system uses.</summary>
    public TcpSettings Settings { get; }

    /// <summary>
    /// The system's TCP extension. Created on first use with the settings under <c>actorsockets.io.tcp</c> of
    /// the system's config (<see cref="ActorSystemSettings.Config"/>), the embedded <c>reference.conf</c>
    /// filling in every key it does not set, as Akka's Tcp extension reads <c>akka.io.tcp</c>; unless
    /// <see cref="Configure"/> ran first.
    /// </summary>
    /// <exception cref="Hocon.ConfigException">The system's <c>actorsockets.io.tcp</c> has a value of the wrong type or out of range.</exception>
    public static TcpExt Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrCreateExtension(s => new TcpExt(s, TcpSettings.FromConfig(s.Settings.Config)));
    }

    /// <summary>
    /// Creates the system's TCP extension with <paramref name="settings"/> instead of the system config's,
    /// for a host that has already read and checked its settings. Call it before the first
    /// <c>system.Tcp()</c>; once the extension exists its settings cannot change.
    /// </summary>
    /// <exception cref="InvalidOperationException">The extension already exists with other settings.</exception>
    public static TcpExt Configure(ActorSystem system, TcpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        TcpExt ext = system.GetOrCreateExtension(s => new TcpExt(s, settings));
        if (ext.Settings != settings)
        {
            throw new InvalidOperationException("The TCP extension of this system already runs with other settings.");
        }

        return ext;
    }
}
