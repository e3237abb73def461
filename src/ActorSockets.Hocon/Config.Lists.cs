using ActorSockets.Hocon.Internal;

namespace ActorSockets.Hocon;

public sealed partial class Config
{
    /// <summary>Reads a list of strings; numbers and booleans in it are returned as written.</summary>
    public IReadOnlyList<string> GetStringList(string path) => ReadList(FullPath(path), Require(path, "a list of strings"), "a list of strings", AsString);

    /// <summary>Reads a list of strings, or returns <paramref name="defaultValue"/> when the path is missing or null.</summary>
    public IReadOnlyList<string> GetStringList(string path, IReadOnlyList<string> defaultValue) =>
        Find(path) is { } value ? ReadList(FullPath(path), value, "a list of strings", AsString) : defaultValue;

    /// <summary>Reads a list of 32-bit integers.</summary>
    public IReadOnlyList<int> GetIntList(string path) => ReadList(FullPath(path), Require(path, "a list of ints"), "a list of ints", AsInt);

    /// <summary>Reads a list of 32-bit integers, or returns <paramref name="defaultValue"/> when the path is missing or null.</summary>
    public IReadOnlyList<int> GetIntList(string path, IReadOnlyList<int> defaultValue) =>
        Find(path) is { } value ? ReadList(FullPath(path), value, "a list of ints", AsInt) : defaultValue;

    /// <summary>Reads a list of 64-bit integers.</summary>
    public IReadOnlyList<long> GetLongList(string path) => ReadList(FullPath(path), Require(path, "a list of longs"), "a list of longs", AsLong);

    /// <summary>Reads a list of floating-point numbers.</summary>
    public IReadOnlyList<double> GetDoubleList(string path) => ReadList(FullPath(path), Require(path, "a list of numbers"), "a list of numbers", AsDouble);

    /// <summary>Reads a list of booleans.</summary>
    public IReadOnlyList<bool> GetBooleanList(string path) => ReadList(FullPath(path), Require(path, "a list of booleans"), "a list of booleans", AsBoolean);

    /// <summary>Reads a list of durations (see <see cref="GetTimeSpan(string)"/>).</summary>
    public IReadOnlyList<TimeSpan> GetTimeSpanList(string path) =>
        ReadList(FullPath(path), Require(path, "a list of durations"), "a list of durations", (p, v) => AsTimeSpan(p, v, allowInfinite: true));

    /// <summary>Reads a list of objects, each as a config.</summary>
    public IReadOnlyList<Config> GetConfigList(string path) =>
        ReadList(FullPath(path), Require(path, "a list of objects"), "a list of objects", (p, v) => v is HoconObject obj ? FromResolved(obj, p) : throw WrongType(p, v, "an object"));

    private static T[] ReadList<T>(string path, HoconValue value, string expected, Func<string, HoconValue, T> convert)
    {
        if (value is not HoconArray array)
        {
            throw WrongType(path, value, expected);
        }

        var result = new T[array.Items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = convert($"{path}[{i}]", array.Items[i]);
        }

        return result;
    }
}
