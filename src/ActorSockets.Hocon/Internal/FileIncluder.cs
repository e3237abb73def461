namespace ActorSockets.Hocon.Internal;

/// <summary>Resolves includes as files relative to a directory (the including file's directory).</summary>
internal sealed class FileIncluder : Includer
{
    private readonly string _directory;

    public FileIncluder(string directory) => _directory = directory;

    public static FileIncluder ForFile(string filePath) =>
        new(Path.GetDirectoryName(Path.GetFullPath(filePath)) ?? Directory.GetCurrentDirectory());

    public static FileIncluder ForCurrentDirectory() => new(Directory.GetCurrentDirectory());

    public override IncludeTarget? Open(string name)
    {
        var path = Path.Combine(_directory, name);
        if (!File.Exists(path))
        {
            // A name without an extension may mean name.conf or name.json (HOCON is a JSON superset).
            path = Path.HasExtension(name) ? "" : new[] { path + ".conf", path + ".json" }.FirstOrDefault(File.Exists) ?? "";
            if (path.Length == 0)
            {
                return null;
            }
        }

        var fullPath = Path.GetFullPath(path);
        return new IncludeTarget(File.ReadAllText(fullPath), path, fullPath, ForFile(fullPath));
    }

    public override string Describe(string name) => Path.GetFullPath(Path.Combine(_directory, name));
}
