using System.Globalization;
using System.Text;

namespace ActorSockets.Protocols.UdpTime;

/// <summary>
/// C <c>strftime</c> in the POSIX ("C") locale, as the tutorial's Python time server uses it
/// (<c>time.strftime(fmt)</c>). English day and month names; <c>%X</c> is <c>HH:MM:SS</c>.
/// </summary>
/// <remarks>
/// <para>
/// Conversions: <c>%a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %k %l %m %M %n %p %P %r %R %s %S %t %T %u %U
/// %V %w %W %x %X %y %Y %z %Z %%</c>. The glibc flags <c>-</c> (no padding), <c>_</c> (pad with spaces),
/// <c>0</c> (pad with zeros) and <c>^</c> (upper case) are honoured, <c>#</c> is accepted and ignored, and the
/// <c>E</c> and <c>O</c> modifiers are accepted and ignored (the C locale has no alternatives).
/// </para>
/// <para>
/// An unknown conversion, or a <c>%</c> at the end of the format, is copied to the output unchanged (as glibc
/// does), never an error. <c>%Z</c> prints the zone name given by the caller; without one it prints <c>UTC</c>
/// for a zero offset and otherwise the numeric form the tz database uses for zones without an abbreviation
/// (<c>+08</c>, <c>+0530</c>), because .NET exposes no zone abbreviations.
/// </para>
/// <para>
/// The output is bounded: formatting stops once <c>maxLength</c> characters are produced and the result is cut
/// there (never inside a surrogate pair), so a hostile format costs at most that much work and memory.
/// </para>
/// </remarks>
public static class Strftime
{
    /// <summary>The format used for an empty request: <c>%Y-%m-%d %X</c>.</summary>
    public const string DefaultFormat = "%Y-%m-%d %X";

    /// <summary>The default bound on the output length in characters: 1024.</summary>
    public const int DefaultMaxLength = 1024;

    private static readonly string[] DayNames =
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Formats <paramref name="time"/> (its clock fields as given, with its offset for <c>%z</c>/<c>%s</c>).</summary>
    /// <param name="format">The strftime format.</param>
    /// <param name="time">The time to print.</param>
    /// <param name="zoneName">What <c>%Z</c> prints; see the remarks for the default.</param>
    /// <param name="maxLength">The most characters returned. Defaults to 1024.</param>
    public static string Format(string format, DateTimeOffset time, string? zoneName = null, int maxLength = DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        var output = new StringBuilder(Math.Min(maxLength, format.Length + 32) + 1);
        Append(output, format, time, zoneName ?? DefaultZoneName(time.Offset), maxLength);
        if (output.Length > maxLength)
        {
            output.Length = maxLength;
            if (maxLength > 0 && char.IsHighSurrogate(output[maxLength - 1]))
            {
                output.Length = maxLength - 1;
            }
        }

        return output.ToString();
    }

    /// <summary>The tz-database style name for a zone without an abbreviation: <c>UTC</c>, <c>+08</c>, <c>-0330</c>.</summary>
    public static string DefaultZoneName(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        var hours = abs.Hours.ToString("00", CultureInfo.InvariantCulture);
        return abs.Minutes == 0 ? $"{sign}{hours}" : $"{sign}{hours}{abs.Minutes.ToString("00", CultureInfo.InvariantCulture)}";
    }

    private static void Append(StringBuilder output, string format, DateTimeOffset time, string zone, int maxLength)
    {
        var i = 0;
        while (i < format.Length && output.Length <= maxLength)
        {
            var c = format[i];
            if (c != '%')
            {
                output.Append(c);
                i++;
                continue;
            }

            var start = i++;
            var pad = '\0';
            var upper = false;
            while (i < format.Length && format[i] is '-' or '_' or '0' or '^' or '#')
            {
                switch (format[i])
                {
                    case '-':
                        pad = '-';
                        break;
                    case '_':
                        pad = ' ';
                        break;
                    case '0':
                        pad = '0';
                        break;
                    case '^':
                        upper = true;
                        break;
                }

                i++;
            }

            if (i < format.Length && format[i] is 'E' or 'O')
            {
                i++;
            }

            if (i >= format.Length)
            {
                output.Append(format, start, i - start);
                break;
            }

            var conversion = format[i++];
            var before = output.Length;
            if (!Convert(output, conversion, time, zone, pad, maxLength))
            {
                output.Append(format, start, i - start);
            }
            else if (upper)
            {
                for (var k = before; k < output.Length; k++)
                {
                    output[k] = char.ToUpperInvariant(output[k]);
                }
            }
        }
    }

    private static bool Convert(StringBuilder output, char conversion, DateTimeOffset time, string zone, char pad, int maxLength)
    {
        var dayOfWeek = (int)time.DayOfWeek;
        var dayOfYear = time.DayOfYear - 1;
        var hour12 = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        switch (conversion)
        {
            case 'a':
                output.Append(DayNames[dayOfWeek].AsSpan(0, 3));
                return true;
            case 'A':
                output.Append(DayNames[dayOfWeek]);
                return true;
            case 'b' or 'h':
                output.Append(MonthNames[time.Month - 1].AsSpan(0, 3));
                return true;
            case 'B':
                output.Append(MonthNames[time.Month - 1]);
                return true;
            case 'c':
                Append(output, "%a %b %e %H:%M:%S %Y", time, zone, maxLength);
                return true;
            case 'C':
                return Number(output, time.Year / 100, 2, '0', pad);
            case 'd':
                return Number(output, time.Day, 2, '0', pad);
            case 'D' or 'x':
                Append(output, "%m/%d/%y", time, zone, maxLength);
                return true;
            case 'e':
                return Number(output, time.Day, 2, ' ', pad);
            case 'F':
                Append(output, "%Y-%m-%d", time, zone, maxLength);
                return true;
            case 'g':
                return Number(output, ISOWeek.GetYear(time.DateTime) % 100, 2, '0', pad);
            case 'G':
                return Number(output, ISOWeek.GetYear(time.DateTime), 4, '0', pad);
            case 'H':
                return Number(output, time.Hour, 2, '0', pad);
            case 'I':
                return Number(output, hour12, 2, '0', pad);
            case 'j':
                return Number(output, dayOfYear + 1, 3, '0', pad);
            case 'k':
                return Number(output, time.Hour, 2, ' ', pad);
            case 'l':
                return Number(output, hour12, 2, ' ', pad);
            case 'm':
                return Number(output, time.Month, 2, '0', pad);
            case 'M':
                return Number(output, time.Minute, 2, '0', pad);
            case 'n':
                output.Append('\n');
                return true;
            case 'p':
                output.Append(time.Hour < 12 ? "AM" : "PM");
                return true;
            case 'P':
                output.Append(time.Hour < 12 ? "am" : "pm");
                return true;
            case 'r':
                Append(output, "%I:%M:%S %p", time, zone, maxLength);
                return true;
            case 'R':
                Append(output, "%H:%M", time, zone, maxLength);
                return true;
            case 's':
                output.Append(time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
                return true;
            case 'S':
                return Number(output, time.Second, 2, '0', pad);
            case 't':
                output.Append('\t');
                return true;
            case 'T' or 'X':
                Append(output, "%H:%M:%S", time, zone, maxLength);
                return true;
            case 'u':
                return Number(output, dayOfWeek == 0 ? 7 : dayOfWeek, 1, '0', pad);
            case 'U':
                return Number(output, (dayOfYear + 7 - dayOfWeek) / 7, 2, '0', pad);
            case 'V':
                return Number(output, ISOWeek.GetWeekOfYear(time.DateTime), 2, '0', pad);
            case 'w':
                return Number(output, dayOfWeek, 1, '0', pad);
            case 'W':
                return Number(output, (dayOfYear + 7 - ((dayOfWeek + 6) % 7)) / 7, 2, '0', pad);
            case 'y':
                return Number(output, time.Year % 100, 2, '0', pad);
            case 'Y':
                return Number(output, time.Year, 4, '0', pad);
            case 'z':
                AppendOffset(output, time.Offset);
                return true;
            case 'Z':
                output.Append(zone);
                return true;
            case '%':
                output.Append('%');
                return true;
            default:
                return false;
        }
    }

    private static bool Number(StringBuilder output, int value, int width, char defaultPad, char pad)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture);
        var padding = pad == '\0' ? defaultPad : pad;
        if (padding != '-')
        {
            output.Append(padding, Math.Max(0, width - digits.Length));
        }

        output.Append(digits);
        return true;
    }

    private static void AppendOffset(StringBuilder output, TimeSpan offset)
    {
        var abs = offset.Duration();
        output.Append(offset < TimeSpan.Zero ? '-' : '+')
            .Append(abs.Hours.ToString("00", CultureInfo.InvariantCulture))
            .Append(abs.Minutes.ToString("00", CultureInfo.InvariantCulture));
    }
}
