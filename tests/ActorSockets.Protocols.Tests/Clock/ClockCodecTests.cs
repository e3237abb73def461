using ActorSockets.Protocols.Clock;

namespace ActorSockets.Protocols.Tests.Clock;

public class ClockCodecTests
{
    [Fact]
    public void Message_IsPrefixAndLocalTime()
    {
        var clock = FixedTimeProvider.AtPlus8(new DateTime(2026, 3, 4, 5, 6, 7));
        var codec = new ClockCodec(clock);
        Assert.Equal("服务端消息: 2026-03-04 05:06:07", codec.MessageText());
        Assert.Equal("服务端消息: 2026-03-04 05:06:07", codec.Message().ToUtf8());
    }

    [Fact]
    public void Message_UsesProvidersZone_NotUtc()
    {
        var clock = FixedTimeProvider.AtPlus8(new DateTime(2026, 12, 31, 23, 30, 0));
        Assert.EndsWith("2026-12-31 23:30:00", new ClockCodec(clock).MessageText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_CustomPrefix_TwentyFourHourClock()
    {
        var codec = new ClockCodec(prefix: "now: ");
        Assert.Equal("now: 2026-01-02 15:04:05", codec.Format(new DateTimeOffset(2026, 1, 2, 15, 4, 5, TimeSpan.Zero)));
    }
}
