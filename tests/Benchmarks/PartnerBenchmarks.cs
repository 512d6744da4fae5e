using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// The partners' API's list (<c>GET /api/v1/applications</c>: <see cref="Applications.PartnerPageAsync"/>) over the
/// 1,000,000 seeded applications (<see cref="SeededDatabase"/>): the first page of 100 for a client granted the most
/// common procedure everywhere, for one granted a rarer procedure in one province, for one granted every procedure, and a
/// page far into a walk (after a cursor) for the first client. The seed gives many applications the same change time, so
/// the cursor's tie-break on the id is exercised.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class PartnerBenchmarks
{
    private Applications _applications = null!;
    private PartnerAccess _common = null!;
    private PartnerAccess _narrow = null!;
    private PartnerAccess _everything = null!;
    private PartnerCursor _middle = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var (databases, definitions) = await SeededDatabase.OpenAsync();
        _applications = new Applications(databases, definitions, new FileDocumentStore(Path.GetTempPath()));
        await using var db = await databases.CreateDbContextAsync();
        var byProcedure = await db.Applications.Where(a => a.Status != "draft").GroupBy(a => a.ProcedureId)
            .Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ToListAsync();
        var routed = await db.Applications.Where(a => a.Province != null).GroupBy(a => new { a.ProcedureId, a.Province })
            .Select(g => new { g.Key.ProcedureId, g.Key.Province, Count = g.Count() }).OrderBy(g => g.Count).Skip(100).FirstAsync();
        _common = Access(byProcedure[0].Key);
        _narrow = new PartnerAccess("narrow", "Narrow", new HashSet<string> { routed.ProcedureId }, new HashSet<string> { routed.Province! });
        _everything = new PartnerAccess("all", "All", byProcedure.Select(p => p.Key).ToHashSet(), new HashSet<string>());
        var middle = await db.Applications.Where(a => a.ProcedureId == byProcedure[0].Key && a.Status != "draft")
            .OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id).Skip(byProcedure[0].Count / 2).Select(a => new { a.UpdatedAt, a.Id }).FirstAsync();
        _middle = new PartnerCursor(middle.UpdatedAt, middle.Id);
        Console.WriteLine($"// common: {byProcedure[0].Key} ({byProcedure[0].Count}); narrow: {routed.ProcedureId} in {routed.Province} ({routed.Count}); all: {byProcedure.Count} procedures");
    }

    private static PartnerAccess Access(string procedure) => new("common", "Common", new HashSet<string> { procedure }, new HashSet<string>());

    [Benchmark]
    public async Task<int> FirstPage_OneCommonProcedure() => (await _applications.PartnerPageAsync(_common, new PartnerFilter(Limit: 100))).Items.Count;

    [Benchmark]
    public async Task<int> FirstPage_RareProcedureInOneProvince() => (await _applications.PartnerPageAsync(_narrow, new PartnerFilter(Limit: 100))).Items.Count;

    [Benchmark]
    public async Task<int> FirstPage_EveryProcedure() => (await _applications.PartnerPageAsync(_everything, new PartnerFilter(Limit: 100))).Items.Count;

    [Benchmark]
    public async Task<int> MiddleOfAWalk_OneCommonProcedure() => (await _applications.PartnerPageAsync(_common, new PartnerFilter(After: _middle, Limit: 100))).Items.Count;
}
