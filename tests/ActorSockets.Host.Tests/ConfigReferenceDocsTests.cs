using System.Reflection;
using System.Text.RegularExpressions;
using ActorSockets.Hocon;
using ActorSockets.Host.Tests.Support;

namespace ActorSockets.Host.Tests;

/// <summary>
/// Holds the README's configuration reference to the <c>reference.conf</c> each library embeds: every key is
/// listed with the default it really has, and no row names a key that does not exist. The meanings are the
/// files' comments, written by hand; only keys and defaults are checked.
/// </summary>
public sealed partial class ConfigReferenceDocsTests
{
    /// <summary>A row of the reference tables: <c>| `key` | default | meaning |</c> (the host's reference.conf also sets <c>akka.*</c> keys).</summary>
    [GeneratedRegex(@"^\| `(?<key>(actorsockets|akka)\.[^`]+)` \| (?<default>[^|]*?) \|", RegexOptions.Multiline)]
    private static partial Regex ReferenceRow();

    private static readonly string[] Libraries =
        ["ActorSockets.IO", "ActorSockets.Protocols", "ActorSockets.Host"];

    private static readonly Lazy<Dictionary<string, string>> Rows = new(() =>
        ReferenceRow().Matches(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "RepositoryReadme.md")))
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["default"].Value.Trim(), StringComparer.Ordinal));

    public static TheoryData<string> LibraryNames() => [.. Libraries];

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void Readme_EveryKeyOfTheLibrarysReferenceConf_IsListedWithItsDefault(string library)
    {
        Config reference = ReferenceConf(library);
        var problems = new List<string>();
        foreach ((string path, bool isObject) in Walk(reference, ""))
        {
            bool hasRow = Rows.Value.TryGetValue(path, out string? documented);
            if (isObject)
            {
                // A section needs a row only when it is an empty object (a place for the user's own entries);
                // one with keys is documented through them, and gets a row of its own only for its comment.
                bool isEmpty = !reference.GetKeys(path).Any();
                if (!hasRow && isEmpty)
                {
                    problems.Add($"{path}: no row in the README");
                }
                else if (hasRow && documented is not ("*(section)*" or "`{}`"))
                {
                    problems.Add($"{path}: an object, documented as {documented}");
                }
            }
            else if (!hasRow)
            {
                problems.Add($"{path}: no row in the README");
            }
            else if (Unquote(documented!) is not { } text || text != DefaultText(reference, path))
            {
                problems.Add($"{path}: default is \"{DefaultText(reference, path)}\", the README says {documented}");
            }
        }

        Assert.True(problems.Count == 0, $"README.md's configuration reference is out of date for {library}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Readme_EveryKeyItLists_ExistsInAReferenceConf()
    {
        Config all = Libraries.Select(ReferenceConf).Aggregate(Config.Empty, (merged, next) => merged.WithFallback(next));
        string[] unknown = Rows.Value
            .Where(row => !row.Value.StartsWith("unset", StringComparison.Ordinal) && !all.HasPath(row.Key) && !IsEmptyObject(all, row.Key))
            .Select(row => row.Key)
            .ToArray();

        Assert.True(unknown.Length == 0, "README.md lists keys no reference.conf has: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Readme_ReferenceRows_AreFound()
    {
        // Guards the two tests above against a README whose table format changed so that nothing matches.
        Assert.True(Rows.Value.Count > 50, $"only {Rows.Value.Count} reference rows parsed from the README");
        Assert.Equal("`10s`", Rows.Value["actorsockets.host.shutdown-timeout"]);
    }

    private static Config ReferenceConf(string library)
    {
        Assembly assembly = Assembly.Load(library);
        using Stream stream = assembly.GetManifestResourceStream(library + ".reference.conf")
            ?? throw new InvalidOperationException($"{library} embeds no {library}.reference.conf");
        using var reader = new StreamReader(stream);
        return ConfigFactory.ParseString(reader.ReadToEnd()).Resolve();
    }

    /// <summary>Every path of the config, objects included, in file order.</summary>
    private static IEnumerable<(string Path, bool IsObject)> Walk(Config config, string prefix)
    {
        foreach (string key in prefix.Length == 0 ? config.Keys : config.GetKeys(prefix))
        {
            string path = prefix.Length == 0 ? key : prefix + "." + key;
            bool isObject = HoconTree.IsObject(config, path);
            yield return (path, isObject);
            if (isObject)
            {
                foreach (var child in Walk(config, path))
                {
                    yield return child;
                }
            }
        }
    }

    /// <summary>An empty object (<c>dispatchers {}</c>) is not found by <c>HasPath</c>, which looks for values.</summary>
    private static bool IsEmptyObject(Config config, string path)
    {
        int dot = path.LastIndexOf('.');
        return dot > 0 && HoconTree.IsObject(config, path[..dot]) && config.GetKeys(path[..dot]).Contains(path[(dot + 1)..]);
    }

    /// <summary>A default as the README shows it: a scalar's text, a list of strings as <c>["a", "b"]</c>.</summary>
    private static string DefaultText(Config config, string path)
    {
        try
        {
            return config.GetString(path);
        }
        catch (ConfigException)
        {
            return "[" + string.Join(", ", config.GetStringList(path).Select(item => "\"" + item + "\"")) + "]";
        }
    }

    /// <summary>The README's default cell as the value's text: <c>`on`</c> is on, <c>`"a\nb"`</c> is a, newline, b.</summary>
    private static string? Unquote(string cell)
    {
        if (cell.Length < 2 || cell[0] != '`' || cell[^1] != '`')
        {
            return null;
        }

        string text = cell[1..^1];
        return text.Length >= 2 && text[0] == '"' && text[^1] == '"'
            ? text[1..^1].Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal)
            : text;
    }
}
