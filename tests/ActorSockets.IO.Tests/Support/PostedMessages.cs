using System.Threading.Channels;
using Akka.Actor;

namespace ActorSockets.IO.Tests.Support;

/// <summary>Stands in for the owning actor and the handler of a socket engine: records what the engine posts or tells.</summary>
internal sealed class PostedMessages : ICanTell
{
    private readonly Channel<object> _messages = Channel.CreateUnbounded<object>();

    public Action<object> Post => message => _messages.Writer.TryWrite(message);

    public async Task<T> NextAsync<T>(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? RawClient.DefaultTimeout);
        object message = await _messages.Reader.ReadAsync(cts.Token);
        return Assert.IsType<T>(message);
    }

    public void Tell(object message, IActorRef? sender) => _messages.Writer.TryWrite(message);

    public bool TryTake(out object? message) => _messages.Reader.TryRead(out message);
}
