using System.Globalization;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ActorSockets.Benchmarks.Hocon;

/// <summary>Adds an MB/s column: the benchmark's input size divided by its mean time.</summary>
internal sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(new ThroughputColumn());

    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "HoconThroughput";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Input megabytes (10^6 bytes of UTF-8) parsed per second";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            var input = benchmarkCase.Descriptor.WorkloadMethod.Name switch
            {
                nameof(HoconParseBenchmarks.JsonDocument_Parse_1MB) or nameof(HoconParseBenchmarks.Hocon_ParseResolve_1MB_Json) => HoconInputs.LargeJson.Value,
                nameof(HoconParseBenchmarks.Hocon_ParseResolve_1MB) => HoconInputs.LargeHocon.Value,
                nameof(HoconParseBenchmarks.Hocon_ParseMergeResolve_RepositoryHostLayers) => string.Concat(HoconInputs.HostLayers.Value.Select(l => l.Text)),
                _ => HoconInputs.SmallHostConfig,
            };
            if (mean is null or <= 0)
            {
                return "-";
            }

            var megabytes = Encoding.UTF8.GetByteCount(input) / 1e6;
            return (megabytes / (mean.Value / 1e9)).ToString("F1", CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
