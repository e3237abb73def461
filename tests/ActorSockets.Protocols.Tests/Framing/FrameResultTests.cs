using ActorSockets.Protocols.Framing;
using Akka.IO;

namespace ActorSockets.Protocols.Tests.Framing;

public class FrameResultTests
{
    [Fact]
    public void Failure_WithNone_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameResult<string>.Failure(FrameError.None));
    }

    [Fact]
    public void SuccessAndFailure_AreDistinguishable_AndPrintable()
    {
        var ok = FrameResult<string>.Success("x");
        var bad = FrameResult<string>.Failure(FrameError.LineTooLong);
        Assert.True(ok.IsFrame);
        Assert.False(bad.IsFrame);
        Assert.Null(bad.Frame);
        Assert.Equal("Frame(x)", ok.ToString());
        Assert.Equal("Error(LineTooLong)", bad.ToString());
    }
}
