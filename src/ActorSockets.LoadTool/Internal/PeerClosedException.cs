namespace ActorSockets.LoadTool.Internal;

/// <summary>The peer closed its side while the load tool was still waiting for echoed bytes.</summary>
internal sealed class PeerClosedException : IOException
{
    public PeerClosedException()
        : base("the peer closed the connection before echoing everything")
    {
    }
}
