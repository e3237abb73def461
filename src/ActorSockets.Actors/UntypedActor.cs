namespace ActorSockets.Actors;

/// <summary>
/// An actor with a single <see cref="OnReceive"/> method. Call <see cref="ActorBase.Unhandled"/>
/// yourself for messages you do not handle.
/// </summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>Handles one message.</summary>
    protected abstract void OnReceive(object message);

    /// <inheritdoc />
    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    /// <summary>Replaces the behaviour with <paramref name="receive"/>.</summary>
    protected void Become(Action<object> receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Context.Become(message =>
        {
            receive(message);
            return true;
        });
    }

    /// <summary>Pushes <paramref name="receive"/> on the behaviour stack.</summary>
    protected void BecomeStacked(Action<object> receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Context.BecomeStacked(message =>
        {
            receive(message);
            return true;
        });
    }

    /// <summary>Pops the behaviour stack.</summary>
    protected void UnbecomeStacked() => Context.UnbecomeStacked();
}
