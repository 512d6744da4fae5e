using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// The first inbox page (50 rows, through EF, materialised) over 1,000,000 applications (200,000 pending),
/// seeded once by <see cref="InboxSeeder"/> into <c>$TMP/ep-inbox-1m.db</c> and reused by later runs (delete
/// the file to reseed). Target T5: p95 under 10 ms. Set <c>INBOX_APPLICATIONS</c> to try another size.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class InboxBenchmarks
{
    private Applications _applications = null!;
    private readonly Actor _deskAgent = Actor.Reviewer("agent", "Agent", "desk-agent", InboxSeeder.Province(7));
    private readonly Actor _centralService = Actor.Reviewer("service", "Service", "migrant-employment-service");

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var size = int.TryParse(Environment.GetEnvironmentVariable("INBOX_APPLICATIONS"), out var n) ? n : 1_000_000;
        var file = Path.Combine(Path.GetTempPath(), $"ep-inbox-{size}.db");
        var ready = file + ".seeded";
        if (!File.Exists(ready))
        {
            File.Delete(file);
            await using (var db = new ProceduresDb(SqliteStorage.Options(file)))
                await db.Database.MigrateAsync();
            var pending = InboxSeeder.Seed(file, size);
            await File.WriteAllTextAsync(ready, $"{size} applications, {pending} pending");
        }
        var databases = await SqliteStorage.OpenAsync(file);
        var library = ProcedureLibrary.Load(Paths.Procedures);
        _applications = new Applications(databases, new DefinitionStore(databases, library), new FileDocumentStore(Path.GetTempPath()));
    }

    /// <summary>A territorial reviewer: their province's rows and those of the unrouted procedure, merged by due date.</summary>
    [Benchmark]
    public async Task<int> FirstPage_TerritorialReviewer() => (await _applications.InboxAsync(_deskAgent)).Count;

    /// <summary>A central service: one range of the index, already in due-date order.</summary>
    [Benchmark]
    public async Task<int> FirstPage_CentralService() => (await _applications.InboxAsync(_centralService)).Count;

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95);
    }
}
