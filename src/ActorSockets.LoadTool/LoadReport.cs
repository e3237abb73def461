using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ActorSockets.LoadTool.Internal;

namespace ActorSockets.LoadTool;

/// <summary>Writes a <see cref="LoadResult"/> as the human-readable final table or as JSON for scripts.</summary>
public static class LoadReport
{
    /// <summary>Writes the final table.</summary>
    public static void WriteTable(TextWriter writer, LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        var options = result.Options;
        var operation = LoadMonitor.OperationName(options.Mode);
        var latency = result.Latency;
        var c = CultureInfo.InvariantCulture;
        writer.WriteLine();
        writer.WriteLine(string.Create(c, $"{"target",-18}{Describe(options)}"));
        writer.WriteLine(string.Create(c, $"{"load",-18}{ModeName(options.Mode)}, {options.Connections} connections, {options.Size} B messages, pipeline {options.Pipeline}"));
        writer.WriteLine(string.Create(c, $"{"measured",-18}{result.Measured.TotalSeconds:0.00} s after {options.Warmup.TotalSeconds:0.##} s warmup"));
        if (options.Mode == LoadMode.Idle)
        {
            writer.WriteLine(string.Create(c, $"{"held",-18}{result.OpenConnections:N0} of {options.Connections:N0} connections, each after one verified round trip"));
        }
        else
        {
            writer.WriteLine(string.Create(c, $"{operation + "/s",-18}{result.OperationsPerSecond:N0}  ({result.Operations:N0} {operation})"));
            writer.WriteLine(string.Create(c, $"{"latency",-18}p50 {FormatNanoseconds(latency.ValueAtPercentile(50))}  p99 {FormatNanoseconds(latency.ValueAtPercentile(99))}  p99.9 {FormatNanoseconds(latency.ValueAtPercentile(99.9))}  max {FormatNanoseconds(latency.MaxValue)}"));
        }

        writer.WriteLine(string.Create(c, $"{"bytes verified",-18}{result.BytesVerified:N0}"));
        writer.WriteLine(string.Create(c, $"{"mismatches",-18}{result.Mismatches:N0}"));
        writer.WriteLine(string.Create(c, $"{"errors",-18}{result.ErrorCount:N0}"));
        foreach (var (kind, count) in result.Errors.OrderBy(e => e.Key))
        {
            var example = result.FirstErrorMessages.TryGetValue(kind, out var message) ? $"  (first: {message})" : "";
            writer.WriteLine(string.Create(c, $"{"  " + kind,-18}{count:N0}{example}"));
        }

        writer.WriteLine(string.Create(c, $"{"open at end",-18}{result.OpenConnections:N0}"));
    }

    /// <summary>Writes the result as one JSON object; latencies are in nanoseconds.</summary>
    public static void WriteJson(TextWriter writer, LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var options = result.Options;
            json.WriteStartObject();
            json.WriteString("target", Describe(options));
            json.WriteString("mode", ModeName(options.Mode));
            json.WriteNumber("connections", options.Connections);
            json.WriteNumber("size", options.Size);
            json.WriteNumber("pipeline", options.Pipeline);
            json.WriteNumber("warmupSeconds", options.Warmup.TotalSeconds);
            json.WriteNumber("measuredSeconds", result.Measured.TotalSeconds);
            json.WriteNumber("operations", result.Operations);
            json.WriteNumber("operationsPerSecond", Math.Round(result.OperationsPerSecond, 1));
            json.WriteStartObject("latencyNanoseconds");
            json.WriteNumber("p50", result.Latency.ValueAtPercentile(50));
            json.WriteNumber("p99", result.Latency.ValueAtPercentile(99));
            json.WriteNumber("p99.9", result.Latency.ValueAtPercentile(99.9));
            json.WriteNumber("max", result.Latency.MaxValue);
            json.WriteEndObject();
            json.WriteNumber("bytesVerified", result.BytesVerified);
            json.WriteNumber("mismatches", result.Mismatches);
            json.WriteNumber("errorCount", result.ErrorCount);
            json.WriteStartObject("errors");
            foreach (var (kind, count) in result.Errors.OrderBy(e => e.Key))
            {
                json.WriteNumber(kind.ToString(), count);
            }

            json.WriteEndObject();
            json.WriteStartObject("firstErrorMessages");
            foreach (var (kind, message) in result.FirstErrorMessages.OrderBy(e => e.Key))
            {
                json.WriteString(kind.ToString(), message);
            }

            json.WriteEndObject();
            json.WriteNumber("openConnections", result.OpenConnections);
            json.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Formats a nanosecond figure in the unit that keeps it readable (ns, µs, ms or s).</summary>
    public static string FormatNanoseconds(long nanoseconds) => nanoseconds switch
    {
        < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds} ns"),
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e3:0.#} µs"),
        < 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e6:0.##} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e9:0.##} s"),
    };

    internal static string ModeName(LoadMode mode) => mode switch
    {
        LoadMode.ConnectStorm => "connect-storm",
        LoadMode.Idle => "idle",
        _ => "echo",
    };

    private static string Describe(LoadOptions options) =>
        options.UnixPath is { } path ? "unix:" + path : $"{options.Host}:{options.Port.ToString(CultureInfo.InvariantCulture)}";
}
