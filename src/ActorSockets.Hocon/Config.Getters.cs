using System.Globalization;
using ActorSockets.Hocon.Internal;

namespace ActorSockets.Hocon;

public sealed partial class Config
{
    /// <summary>True when <paramref name="path"/> holds a value other than <c>null</c>.</summary>
    public bool HasPath(string path) => Find(path) is not null;

    /// <summary>Reads a string; numbers and booleans are returned as written.</summary>
    public string GetString(string path) => AsString(FullPath(path), Require(path, "a string"));

    /// <summary>Reads a string, or returns <paramref name="defaultValue"/> when the path is missing or null.</summary>
    public string? GetString(string path, string? defaultValue) => Find(path) is { } value ? AsString(FullPath(path), value) : defaultValue;

    /// <summary>Reads a 32-bit integer.</summary>
    public int GetInt(string path) => AsInt(FullPath(path), Require(path, "an int"));

    /// <summary>Reads a 32-bit integer, or returns <paramref name="defaultValue"/> when the path is missing or null.</summary>
    public int GetInt(string path, int defaultValue) => Find(path) is { } value ? AsInt(FullPath(path), value) : defaultValue;

    /// <summary>Reads a 64-bit integer.</summary>
    public long GetLong(string path) => AsLong(FullPath(path), Require(path, "a long"));

    /// <summary>Reads a 64-bit integer, or returns <paramref name="defaultValue"/> when the path is missing or null.</summary>
    public long GetLong(string path, long defaultValue) => Find(path) is { } value ? AsLong(FullPath(path), value) : defaultValue;

    /// <summary>Reads a floating-point number.</summary>
    public double GetDouble(string path) => AsDouble(FullPath(path), Require(path, "a number"));

    /// <summary>Reads a floating-point number, or returns <paramref name="defaultValue"/> when the path is missing or null.</summary>
    public double GetDouble(string path, double defaultValue) => Find(path) is { } value ? AsDouble(FullPath(path), value) : defaultValue;

    /// <summary>Reads a boolean: <c>true</c>/<c>false</c>, <c>yes</c>/<c>no</c> or <c>on</c>/<c>off</c>.</summary>
    public bool GetBoolean(string path) => AsBoolean(FullPath(path), Require(path, "a boolean"));

    /// <summary>Reads a boolean, or returns <paramref name="defaultValue"/> when the path is missing or null.</summary>
    public bool GetBoolean(string path, bool defaultValue) => Find(path) is { } value ? AsBoolean(FullPath(path), value) : defaultValue;

    /// <summary>
    /// Reads a duration such as <c>10s</c>, <c>100 ms</c> or <c>5 minutes</c>; a bare number is milliseconds,
    /// and <c>infinite</c> is <see cref="Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    public TimeSpan GetTimeSpan(string path) => AsTimeSpan(FullPath(path), Require(path, "a duration"), allowInfinite: true);

    /// <summary>
    /// Reads a duration, or returns <paramref name="defaultValue"/> when the path is missing or null.
    /// <c>infinite</c> gives <see cref="Timeout.InfiniteTimeSpan"/> when <paramref name="allowInfinite"/> is true
    /// (the default) and throws <see cref="ConfigException"/> otherwise.
    /// </summary>
    public TimeSpan? GetTimeSpan(string path, TimeSpan? defaultValue, bool allowInfinite = true) =>
        Find(path) is { } value ? AsTimeSpan(FullPath(path), value, allowInfinite) : defaultValue;

    /// <summary>Reads a size in bytes such as <c>64k</c>, <c>1MiB</c> or <c>10 kB</c>; a bare number is bytes.</summary>
    public long GetByteSize(string path) => AsByteSize(FullPath(path), Require(path, "a byte size"));

    /// <summary>Reads a size in bytes, or returns <paramref name="defaultValue"/> when the path is missing or null.</summary>
    public long? GetByteSize(string path, long? defaultValue) => Find(path) is { } value ? AsByteSize(FullPath(path), value) : defaultValue;

    /// <summary>Returns the object at <paramref name="path"/> as a config, or <see cref="Empty"/> when the path is missing.</summary>
    public Config GetConfig(string path)
    {
        var value = Find(path);
        return value switch
        {
            null => Empty,
            HoconObject obj => obj.Count == 0 ? Empty : FromResolved(obj, FullPath(path)),
            _ => throw WrongType(FullPath(path), value, "an object"),
        };
    }

    /// <summary>The keys of the object at <paramref name="path"/> in the order they were first written; none when the path is missing.</summary>
    public IEnumerable<string> GetKeys(string path)
    {
        var value = Find(path);
        return value switch
        {
            null => [],
            HoconObject obj => obj.Keys,
            _ => throw WrongType(FullPath(path), value, "an object"),
        };
    }

    /// <summary>Finds the resolved value at a path, or null when it is missing or null.</summary>
    internal HoconValue? Find(string path) => FindIncludingNull(path) is { } value && value is not HoconScalar { Kind: ScalarKind.Null } ? value : null;

    /// <summary>Finds the resolved value at a path, a HOCON null included; null when it is missing.</summary>
    private HoconValue? FindIncludingNull(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        HoconValue current = Resolved;
        if (path.AsSpan().ContainsAny(SpecialPathCharacters))
        {
            // Quoted segments and other unusual paths take the full path-expression parser.
            var segments = HoconPath.TryParse(path, out var error) ?? throw InvalidPath(path, error);
            foreach (var segment in segments)
            {
                if (current is not HoconObject obj || !obj.TryGetValue(segment, out current!))
                {
                    return null;
                }
            }
        }
        else
        {
            // The common case, a.b.c, walks the tree without allocating.
            var span = path.AsSpan();
            if (span.IsEmpty || span[0] == '.' || span[^1] == '.' || span.IndexOf("..", StringComparison.Ordinal) >= 0)
            {
                throw InvalidPath(path, "empty segment (two dots, or a leading or trailing dot)");
            }

            foreach (var range in span.Split('.'))
            {
                var segment = span[range];
                if (current is not HoconObject obj || !obj.TryGetValue(segment, out current!))
                {
                    return null;
                }
            }
        }

        return current;
    }

    private static readonly System.Buffers.SearchValues<char> SpecialPathCharacters =
        System.Buffers.SearchValues.Create("\"$ \t\r\n{}[]:=,+#`^?!@*&\\\u00A0\uFEFF");

    private static ConfigException InvalidPath(string path, string? reason) => new($"Invalid configuration path '{path}': {reason}");

    private HoconValue Require(string path, string expected)
    {
        var value = FindIncludingNull(path);
        return value switch
        {
            null => throw new ConfigException($"Missing configuration path '{FullPath(path)}' ({expected} was expected){DescribeSource()}"),
            HoconScalar { Kind: ScalarKind.Null } => throw new ConfigException($"Configuration path '{FullPath(path)}' at {value.Origin} is null, but {expected} was expected"),
            _ => value,
        };
    }

    /// <summary>The path as seen from the root config this one was taken from with <see cref="GetConfig"/>, for messages.</summary>
    private string FullPath(string path) => _prefix.Length == 0 ? path : _prefix + "." + path;

    private string DescribeSource() => _root.Origin.Line > 0 ? $" in the config from {_root.Origin.Source}" : "";

    private static string AsString(string path, HoconValue value) =>
        value is HoconScalar scalar ? scalar.Text : throw WrongType(path, value, "a string");

    private static int AsInt(string path, HoconValue value)
    {
        var number = AsLong(path, value, "an int");
        return number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw Invalid(path, value, "an int", $"{number} is outside the range of a 32-bit integer");
    }

    private static long AsLong(string path, HoconValue value) => AsLong(path, value, "a long");

    private static long AsLong(string path, HoconValue value, string expected)
    {
        var text = ScalarText(path, value, expected);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            && real == Math.Floor(real) && real >= long.MinValue && real < long.MaxValue)
        {
            return (long)real;
        }

        throw Invalid(path, value, expected, $"'{text}' is not a whole number");
    }

    private static double AsDouble(string path, HoconValue value)
    {
        var text = ScalarText(path, value, "a number");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Invalid(path, value, "a number", $"'{text}' is not a number");
    }

    private static bool AsBoolean(string path, HoconValue value)
    {
        var text = ScalarText(path, value, "a boolean");
        return text.ToUpperInvariant() switch
        {
            "TRUE" or "YES" or "ON" => true,
            "FALSE" or "NO" or "OFF" => false,
            _ => throw Invalid(path, value, "a boolean", $"'{text}' is not one of true/false, yes/no, on/off"),
        };
    }

    private static TimeSpan AsTimeSpan(string path, HoconValue value, bool allowInfinite)
    {
        var text = ScalarText(path, value, "a duration");
        if (string.Equals(text.Trim(), "infinite", StringComparison.OrdinalIgnoreCase))
        {
            return allowInfinite
                ? Timeout.InfiniteTimeSpan
                : throw Invalid(path, value, "a finite duration", "'infinite' is not allowed here");
        }

        return Units.TryParseDuration(text, out var duration)
            ? duration
            : throw Invalid(path, value, "a duration", $"'{text}' is not a duration such as '10s', '100 ms' or '5 minutes' (units: {Units.DurationUnits})");
    }

    private static long AsByteSize(string path, HoconValue value)
    {
        var text = ScalarText(path, value, "a byte size");
        return Units.TryParseByteSize(text, out var bytes)
            ? bytes
            : throw Invalid(path, value, "a byte size", $"'{text}' is not a size such as '64k', '1MiB' or '10 kB' (units: {Units.SizeUnits})");
    }

    private static string ScalarText(string path, HoconValue value, string expected) =>
        value is HoconScalar { Kind: not ScalarKind.Null } scalar ? scalar.Text : throw WrongType(path, value, expected);

    internal static ConfigException WrongType(string path, HoconValue value, string expected) =>
        new($"Configuration path '{path}' at {value.Origin} is {Article(value.TypeName)} {value.TypeName}, but {expected} was expected");

    private static ConfigException Invalid(string path, HoconValue value, string expected, string reason) =>
        new($"Configuration path '{path}' at {value.Origin}: {expected} was expected, but {reason}");

    private static string Article(string word) => word.Length > 0 && "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";
}
