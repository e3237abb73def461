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

    /// <summary>The system's TCP extension, created on first use with <see cref="TcpSettings.Default"/> unless <see cref="Configure"/> ran first.</summary>
    public static TcpExt Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrCreateExtension(s => new TcpExt(s, TcpSettings.Default));
    }

    /// <summary>
    /// Creates the system's TCP extension with <paramref name="settings"/> (typically
    /// <see cref="TcpSettings.FromConfig"/> of the application config). Call it before the first
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
