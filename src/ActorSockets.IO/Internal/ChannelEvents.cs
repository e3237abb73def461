using System.Net;

namespace ActorSockets.IO.Internal;

// Completions that the socket loops tell their owning actor. They carry no socket state: the actor
// alone decides what a completion means, so no socket callback ever touches actor state.

/// <summary>The peer shut down its sending side (a read returned zero bytes).</summary>
internal sealed record ChannelEndOfStream
{
    public static ChannelEndOfStream Instance { get; } = new();

    private ChannelEndOfStream()
    {
    }
}

/// <summary>A read or an asynchronous write failed; <see cref="Kind"/> decides how loudly it is logged.</summary>
internal sealed record ChannelFailed(SocketFailureKind Kind, Exception Error, bool DuringWrite);

/// <summary>A write that the kernel could not take at once has now been handed over whole.</summary>
internal sealed record ChannelSendCompleted
{
    public static ChannelSendCompleted Instance { get; } = new();

    private ChannelSendCompleted()
    {
    }
}

/// <summary>The accept loop has queued one accepted socket for the listener to take.</summary>
internal sealed record ChannelAccepted
{
    public static ChannelAccepted Instance { get; } = new();

    private ChannelAccepted()
    {
    }
}

/// <summary>An accept failed; the loop waits for a new grant before it tries again.</summary>
internal sealed record ChannelAcceptFailed(SocketFailureKind Kind, Exception Error);

/// <summary>A datagram was dropped: larger than the configured limit, or reported as an error by the kernel.</summary>
internal sealed record ChannelDatagramDropped(EndPoint? From, string Reason);
