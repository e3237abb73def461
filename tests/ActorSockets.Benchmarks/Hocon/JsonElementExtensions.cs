using System.Text.Json;

namespace ActorSockets.Benchmarks.Hocon;

internal static class JsonElementExtensions
{
    /// <summary>Touches the parsed document so the baseline's work cannot be skipped.</summary>
    public static int CountProperties(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject().Count() : 0;
}
