using System.Text;
using System.Text.Json;
using ActorSockets.Hocon;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ActorSockets.Benchmarks.Hocon;

/// <summary>
/// Parse-and-resolve throughput of the HOCON library on a ~1 MB generated config, against
/// System.Text.Json parsing equivalent JSON as the baseline, and the cost of the host's own config.
/// The MB/s column is input size divided by the mean time.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[Config(typeof(ThroughputConfig))]
public class HoconParseBenchmarks
{
    private string _largeHocon = "";
    private string _largeJson = "";

    [GlobalSetup]
    public void Setup()
    {
        _largeHocon = HoconInputs.LargeHocon.Value;
        _largeJson = HoconInputs.LargeJson.Value;

        // Check the inputs mean what the benchmark claims before timing anything.
        var sections = HoconInputs.SectionCount(_largeHocon) / 2;
        var last = sections - 1;
        var config = ConfigFactory.ParseString(_largeHocon).Resolve();
        Check(config.GetInt($"section-{last}.endpoint.port") == 8000 + (last % 1000), "substitution in the last section");
        Check(config.GetTimeSpan($"section-{last}.timeout") == TimeSpan.FromSeconds(last % 60), "duration in the last section");
        Check(config.GetString("section-0.escaped") == "tab\there \u00e9 \"quoted\"", "escapes");
        Check(ConfigFactory.ParseString(_largeJson).GetInt($"section-{last}.nested.deep.value") == last, "JSON input");
        var host = ConfigFactory.ParseString(HoconInputs.SmallHostConfig).Resolve();
        Check(host.GetString("actorsockets.chat.default-room") == "lobby", "host config override");
        Check(host.GetString("actorsockets.endpoints.ok.host") == "0.0.0.0", "host config substitution");
        Check(host.GetByteSize("actorsockets.io.tcp.write-queue-limit") == 1 << 20, "host config size");
        Check(Encoding.UTF8.GetByteCount(_largeHocon) >= HoconInputs.TargetBytes, "input size");
        var layers = HoconInputs.HostLayers.Value;
        Console.WriteLine($"// repository host config layers: {layers.Count} files, {layers.Sum(l => l.Text.Split('\n').Length)} lines");
        Check(layers.Count == 0 || !Hocon_ParseMergeResolve_RepositoryHostLayers().IsEmpty, "repository host config");
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse 1 MB JSON")]
    [BenchmarkCategory("Large")]
    public int JsonDocument_Parse_1MB()
    {
        using var document = JsonDocument.Parse(_largeJson);
        return document.RootElement.CountProperties();
    }

    [Benchmark(Description = "HOCON parse+resolve 1 MB JSON")]
    [BenchmarkCategory("Large")]
    public Config Hocon_ParseResolve_1MB_Json() => ConfigFactory.ParseString(_largeJson).Resolve();

    [Benchmark(Description = "HOCON parse+resolve 1 MB HOCON")]
    [BenchmarkCategory("Large")]
    public Config Hocon_ParseResolve_1MB() => ConfigFactory.ParseString(_largeHocon).Resolve();

    [Benchmark(Baseline = true, Description = "HOCON parse+resolve host config (~60 lines)")]
    [BenchmarkCategory("Small")]
    public Config Hocon_ParseResolve_HostConfig() => ConfigFactory.ParseString(HoconInputs.SmallHostConfig).Resolve();

    [Benchmark(Description = "HOCON parse+merge+resolve repo hocon/actorsockets.conf over all reference.conf")]
    [BenchmarkCategory("Small")]
    public Config Hocon_ParseMergeResolve_RepositoryHostLayers()
    {
        var config = Config.Empty;
        foreach (var (name, text) in HoconInputs.HostLayers.Value)
        {
            config = config.WithFallback(ConfigFactory.ParseString(text, name));
        }

        return config.Resolve();
    }

    [Benchmark(Description = "HOCON parse+resolve+read 10 host settings")]
    [BenchmarkCategory("Small")]
    public long Hocon_ParseResolveRead_HostConfig()
    {
        var config = ConfigFactory.ParseString(HoconInputs.SmallHostConfig);
        var tcp = config.GetConfig("actorsockets.io.tcp");
        return tcp.GetTimeSpan("register-timeout").Ticks
            + tcp.GetByteSize("max-frame-size")
            + tcp.GetByteSize("write-queue-limit")
            + (tcp.GetBoolean("no-delay") ? 1 : 0)
            + config.GetInt("actorsockets.endpoints.ok.port")
            + config.GetInt("actorsockets.endpoints.chat.port")
            + config.GetString("actorsockets.host.name").Length
            + config.GetTimeSpan("actorsockets.host.shutdown-timeout").Ticks
            + config.GetStringList("actorsockets.chat.rooms").Count
            + config.GetInt("actorsockets.dispatcher.throughput");
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark input check failed: {what}");
        }
    }
}
