using System.Net.Sockets;
using ActorSockets.IO.Internal;

namespace ActorSockets.IO.Tests.Internal;

public class SocketErrorsTests
{
    [Theory]
    [InlineData(SocketError.ConnectionReset, "Reset")]
    [InlineData(SocketError.Shutdown, "Reset")]
    [InlineData(SocketError.OperationAborted, "Aborted")]
    [InlineData(SocketError.Interrupted, "Aborted")]
    [InlineData(SocketError.AccessDenied, "Unexpected")]
    [InlineData(SocketError.TooManyOpenSockets, "Unexpected")]
    public void Classify_SocketException_SortsByErrorCode(SocketError error, string expectedKind)
    {
        Assert.Equal(expectedKind, SocketErrors.Classify(new SocketException((int)error)).ToString());
    }

    [Fact]
    public void Classify_DisposedSocket_IsAborted()
    {
        Assert.Equal(SocketFailureKind.Aborted, SocketErrors.Classify(new ObjectDisposedException("socket")));
    }

    [Fact]
    public void Classify_AnyOtherException_IsUnexpected()
    {
        Assert.Equal(SocketFailureKind.Unexpected, SocketErrors.Classify(new InvalidOperationException("bug")));
    }

    [Fact]
    public void ClassifyAccept_ConnectionAborted_IsResetBecauseTheClientWentAway()
    {
        Assert.Equal(SocketFailureKind.Reset, SocketErrors.ClassifyAccept(new SocketException((int)SocketError.ConnectionAborted)));
    }

    [Theory]
    [InlineData(SocketError.ConnectionReset, "Reset")]
    [InlineData(SocketError.OperationAborted, "Aborted")]
    [InlineData(SocketError.TooManyOpenSockets, "Unexpected")]
    public void ClassifyAccept_AnyOtherError_SortsLikeClassify(SocketError error, string expectedKind)
    {
        Assert.Equal(expectedKind, SocketErrors.ClassifyAccept(new SocketException((int)error)).ToString());
    }

    [Fact]
    public void Describe_SocketException_NamesTheErrorCode()
    {
        Assert.StartsWith("ConnectionReset:", SocketErrors.Describe(new SocketException((int)SocketError.ConnectionReset)), StringComparison.Ordinal);
    }
}
