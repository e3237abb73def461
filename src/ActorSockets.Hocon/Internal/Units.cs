using System.Globalization;

namespace ActorSockets.Hocon.Internal;

/// <summary>Parsing of durations (<c>10s</c>, <c>100 ms</c>, <c>5 minutes</c>) and byte sizes (<c>64k</c>, <c>1MiB</c>, <c>10 kB</c>).</summary>
internal static class Units
{
    public const string DurationUnits = "ns, us, ms, s, m, h, d (or nanoseconds, microseconds, milliseconds, seconds, minutes, hours, days)";
    public const string SizeUnits = "B, kB, KiB/K/k, MB, MiB/M/m, GB, GiB/G/g, TB, TiB/T/t, PB, PiB/P/p, EB, EiB/E/e (or bytes, kilobytes, kibibytes, ...)";

    /// <summary>Parses a duration; a bare number is milliseconds.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (!TrySplit(text, out var number, out var unit))
        {
            return false;
        }

        double ticksPerUnit = unit switch
        {
            "" or "ms" or "milli" or "millis" or "millisecond" or "milliseconds" => TimeSpan.TicksPerMillisecond,
            "ns" or "nano" or "nanos" or "nanosecond" or "nanoseconds" => 0.01,
            "us" or "micro" or "micros" or "microsecond" or "microseconds" => 10,
            "s" or "second" or "seconds" => TimeSpan.TicksPerSecond,
            "m" or "minute" or "minutes" => TimeSpan.TicksPerMinute,
            "h" or "hour" or "hours" => TimeSpan.TicksPerHour,
            "d" or "day" or "days" => TimeSpan.TicksPerDay,
            _ => -1,
        };
        if (ticksPerUnit < 0)
        {
            return false;
        }

        var ticks = Math.Round(number * ticksPerUnit);
        if (double.IsNaN(ticks) || ticks >= long.MaxValue || ticks <= long.MinValue)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>Parses a size in bytes; a bare number is bytes. Single letters and "i" units are powers of 1024.</summary>
    public static bool TryParseByteSize(string text, out long bytes)
    {
        bytes = 0;
        if (!TrySplit(text, out var number, out var unit))
        {
            return false;
        }

        double multiplier = unit switch
        {
            "" or "B" or "b" or "byte" or "bytes" => 1,
            "kB" or "kilobyte" or "kilobytes" => 1e3,
            "MB" or "megabyte" or "megabytes" => 1e6,
            "GB" or "gigabyte" or "gigabytes" => 1e9,
            "TB" or "terabyte" or "terabytes" => 1e12,
            "PB" or "petabyte" or "petabytes" => 1e15,
            "EB" or "exabyte" or "exabytes" => 1e18,
            "K" or "k" or "Ki" or "KiB" or "kibibyte" or "kibibytes" => 1L << 10,
            "M" or "m" or "Mi" or "MiB" or "mebibyte" or "mebibytes" => 1L << 20,
            "G" or "g" or "Gi" or "GiB" or "gibibyte" or "gibibytes" => 1L << 30,
            "T" or "t" or "Ti" or "TiB" or "tebibyte" or "tebibytes" => 1L << 40,
            "P" or "p" or "Pi" or "PiB" or "pebibyte" or "pebibytes" => 1L << 50,
            "E" or "e" or "Ei" or "EiB" or "exbibyte" or "exbibytes" => 1L << 60,
            _ => -1,
        };
        if (multiplier < 0)
        {
            return false;
        }

        var value = Math.Round(number * multiplier);
        if (double.IsNaN(value) || value >= long.MaxValue || value <= long.MinValue)
        {
            return false;
        }

        bytes = (long)value;
        return true;
    }

    private static bool TrySplit(string text, out double number, out string unit)
    {
        var s = text.AsSpan().Trim();
        var end = 0;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] is '.' or '-' or '+' || (end > 0 && s[end] is 'e' or 'E' && end + 1 < s.Length && (char.IsAsciiDigit(s[end + 1]) || s[end + 1] == '-'))))
        {
            end++;
        }

        unit = s[end..].Trim().ToString();
        return double.TryParse(s[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }
}
