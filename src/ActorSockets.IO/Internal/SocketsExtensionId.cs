using Akka.Actor;

namespace ActorSockets.IO.Internal;

/// <summary>
/// Creates one of the transport's extensions (<see cref="SocketsTcpExt"/>, <see cref="SocketsUdpExt"/>). Akka keys an
/// extension by its type, so every instance of this id for the same <typeparamref name="TExt"/> names the same
/// extension; the instance only decides how the first one is built. Before building it makes the embedded
/// reference.conf the fallback of the system's configuration and starts the scheduler (see <see cref="SchedulerWarmUp"/>).
/// </summary>
internal sealed class SocketsExtensionId<TExt>(Func<ExtendedActorSystem, TExt> create) : ExtensionIdProvider<TExt>
    where TExt : class, IExtension
{
    public override TExt CreateExtension(ExtendedActorSystem system)
    {
        IoConfig.InjectReference(system);
        SchedulerWarmUp.Start(system);
        return create(system);
    }

    /// <summary>
    /// The extension of <paramref name="system"/> built by <paramref name="create"/> with <paramref name="settings"/>,
    /// or, when it already exists, that one if it runs with equal settings. Throws if it runs with other settings.
    /// </summary>
    public static TExt Configure<TSettings>(
        ActorSystem system, TSettings settings, Func<ExtendedActorSystem, TSettings, TExt> create, Func<TExt, TSettings> settingsOf)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        var ext = (TExt)system.RegisterExtension(new SocketsExtensionId<TExt>(s => create(s, settings)));
        if (!EqualityComparer<TSettings>.Default.Equals(settingsOf(ext), settings))
        {
            throw new InvalidOperationException($"{typeof(TExt).Name} of this system already runs with other settings.");
        }

        return ext;
    }
}
