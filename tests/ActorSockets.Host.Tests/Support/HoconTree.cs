using ActorSockets.Hocon;

namespace ActorSockets.Host.Tests.Support;

/// <summary>Walking a resolved config of our HOCON library, which has no "is this an object" query of its own.</summary>
public static class HoconTree
{
    /// <summary>Whether <paramref name="path"/> holds an object (empty ones included) rather than a value.</summary>
    public static bool IsObject(Config config, string path)
    {
        try
        {
            _ = config.GetKeys(path);
            return true;
        }
        catch (ConfigException)
        {
            return false;
        }
    }
}
