using System.Globalization;
using Akka.IO;

namespace ActorSockets.Protocols.Clock;

/// <summary>
/// The <c>clock</c> protocol from the PHP tutorial: on accept the server writes <c>服务端消息: </c> + the local
/// time as <c>yyyy-MM-dd HH:mm:ss</c> (PHP's <c>date('Y-m-d H:i:s')</c>), with no terminator, and closes. What the
/// client sends afterwards is ignored.
/// Instances are immutable and safe to share between sessions.
/// </summary>
public sealed class ClockCodec
{
    /// <summary>The default text before the time: <c>服务端消息: </c>.</summary>
    public const string DefaultPrefix = "服务端消息: ";

    /// <summary>The time format, in .NET notation.</summary>
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    private readonly TimeProvider _time;
    private readonly string _prefix;

    /// <summary>Creates the codec.</summary>
    /// <param name="time">The clock and local time zone. Defaults to <see cref="TimeProvider.System"/>.</param>
    /// <param name="prefix">The text before the time. Defaults to <c>服务端消息: </c>.</param>
    public ClockCodec(TimeProvider? time = null, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        _time = time ?? TimeProvider.System;
        _prefix = prefix;
    }

    /// <summary>Returns the message text for the current local time.</summary>
    public string MessageText() => Format(_time.GetLocalNow());

    /// <summary>Returns the message bytes (UTF-8) for the current local time.</summary>
    public ByteString Message() => ByteString.FromString(MessageText());

    /// <summary>Returns the message text for <paramref name="localTime"/>, taken as already local.</summary>
    public string Format(DateTimeOffset localTime) =>
        _prefix + localTime.ToString(TimeFormat, CultureInfo.InvariantCulture);
}
