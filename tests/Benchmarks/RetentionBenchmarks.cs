using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Engine.Storage;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// What the hourly sweep's retention passes cost a portal holding 1,000,000 applications (<see cref="SeededDatabase"/>)
/// on the many rounds where nothing is due: the seed's applications closed within the last year, kept five or ten years.
/// Both only read: the erasure pass looks for closed applications whose retention ended (none), the drafts pass for
/// drafts untouched for ten years (none), so every iteration asks the same questions of the same data.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class RetentionBenchmarks
{
    private static readonly TimeSpan TenYears = TimeSpan.FromDays(3653);

    private Applications _applications = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var (databases, definitions) = await SeededDatabase.OpenAsync();
        _applications = new Applications(databases, definitions, new FileDocumentStore(Path.GetTempPath()));
    }

    /// <summary>The erasure pass with nothing due: one question per procedure version, then one batch each.</summary>
    [Benchmark]
    public Task<int> ErasurePass_NothingDue() => _applications.EraseExpiredAsync();

    /// <summary>The drafts pass with nothing to announce or delete.</summary>
    [Benchmark]
    public async Task<int> DraftsPass_NothingDue()
    {
        var report = await _applications.SweepDraftsAsync(TenYears, TimeSpan.FromDays(14));
        return report.Announced + report.Deleted;
    }
}
