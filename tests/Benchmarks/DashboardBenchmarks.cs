using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// The dashboard's figures over 1,000,000 applications (<see cref="SeededDatabase"/>), for the last twelve months:
/// the whole country (an administrator), and the busiest province (its provincial delegate). Target: under 500 ms.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class DashboardBenchmarks
{
    private Dashboard _dashboard = null!;
    private DashboardFilter _year = null!;
    private readonly Actor _administrator = new("admin", "Admin", "administrator", RoleKind.Staff, []);
    private Actor _delegate = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var (databases, definitions) = await SeededDatabase.OpenAsync();
        _dashboard = new Dashboard(databases, definitions);
        _year = DashboardFilter.LastTwelveMonths(DateOnly.FromDateTime(DateTime.Today));
        await using var db = await databases.CreateDbContextAsync();
        var province = await db.MonthlyFigures.Where(f => f.Province != "").GroupBy(f => f.Province)
            .OrderByDescending(g => g.Sum(f => f.Submitted)).Select(g => g.Key).FirstAsync();
        _delegate = Actor.Reviewer("delegate", "Delegate", "provincial-delegate", province);
    }

    [Benchmark]
    public async Task<int> Nationwide_TwelveMonths() => (await _dashboard.FiguresAsync(_administrator, _year)).Value!.Volumes.Count;

    [Benchmark]
    public async Task<int> OneProvince_TwelveMonths() => (await _dashboard.FiguresAsync(_delegate, _year)).Value!.Volumes.Count;
}
