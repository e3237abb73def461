namespace ActorSockets.Protocols.Tests;

/// <summary>A clock stopped at one instant in one time zone.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now, TimeZoneInfo zone) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => zone;

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    /// <summary>A clock in a fixed +08:00 zone (no daylight saving) showing <paramref name="local"/>.</summary>
    public static FixedTimeProvider AtPlus8(DateTime local)
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test+8", TimeSpan.FromHours(8), "Test+8", "Test+8");
        return new FixedTimeProvider(new DateTimeOffset(local, TimeSpan.FromHours(8)), zone);
    }
}
