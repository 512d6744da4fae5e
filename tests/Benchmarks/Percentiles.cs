using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace EmploymentProcedures.Benchmarks;

/// <summary>The 95th percentile next to the mean: the speed targets of the pages over a large database are p95s.</summary>
internal sealed class Percentiles : ManualConfig
{
    public Percentiles() => AddColumn(StatisticColumn.P95);
}
