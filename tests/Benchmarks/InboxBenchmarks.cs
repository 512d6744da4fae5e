using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// The inbox over 1,000,000 applications of the 55 procedures (<see cref="SeededDatabase"/>): the plain first page
/// (target T5: p95 under 10 ms), and the first page with filters, search and the filter panel's counts (target:
/// p95 under 50 ms), for the busiest territorial desk agent and the busiest central service of the seed.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class InboxBenchmarks
{
    private Applications _applications = null!;
    private Actor _territorial = null!;
    private Actor _central = null!;
    private InboxFilter _narrow = InboxFilter.None;
    private Actor _labelledCentral = null!;
    private InboxFilter _label = InboxFilter.None;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var (databases, definitions) = await SeededDatabase.OpenAsync();
        _applications = new Applications(databases, definitions, new FileDocumentStore(Path.GetTempPath()));
        await using var db = await databases.CreateDbContextAsync();
        var territorial = await db.PendingWork.Where(p => p.Role == "desk-agent" && p.Territory != "").GroupBy(p => p.Territory)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var central = await db.PendingWork.Where(p => p.Territory == "").GroupBy(p => p.Role)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        _territorial = Actor.Reviewer("agent", "Agent", "desk-agent", territorial);
        _central = Actor.Reviewer("service", "Service", central);
        var procedure = await db.PendingWork.Where(p => p.Role == central).GroupBy(p => p.ProcedureId)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        _narrow = new InboxFilter { Procedures = [procedure], Statuses = [ApplicationStatus.InReview], Urgencies = [Urgency.Overdue, Urgency.DueSoon] };
        // The label the most files carry, and the central service with the most labelled files waiting for it.
        var label = await db.ApplicationLabels.GroupBy(l => l.Label).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var labelledCentral = await db.PendingWork.Where(p => p.Territory == "" && db.ApplicationLabels.Any(l => l.ApplicationId == p.ApplicationId))
            .GroupBy(p => p.Role).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        _labelledCentral = Actor.Reviewer("labelled-service", "Service", labelledCentral);
        _label = new InboxFilter { Labels = [label] };
        Console.WriteLine($"// territorial: desk-agent of {territorial}; central: {central}; narrow filter: {procedure}; label: {label}, central with labelled files: {labelledCentral}");
    }

    /// <summary>A territorial reviewer: their province's rows and those of unrouted procedures, merged by due date.</summary>
    [Benchmark]
    public async Task<int> FirstPage_TerritorialReviewer() => (await _applications.InboxAsync(_territorial)).Count;

    /// <summary>A central service: one range of the index, already in due-date order.</summary>
    [Benchmark]
    public async Task<int> FirstPage_CentralService() => (await _applications.InboxAsync(_central)).Count;

    [Benchmark]
    public async Task<int> WithCounts_TerritorialReviewer() => (await _applications.InboxAsync(_territorial, InboxFilter.None)).Total;

    [Benchmark]
    public async Task<int> WithCounts_CentralService() => (await _applications.InboxAsync(_central, InboxFilter.None)).Total;

    /// <summary>The counts of a service whose procedures declare labels: the labels' counts start from the labelled files.</summary>
    [Benchmark]
    public async Task<int> WithCounts_LabelledCentralService() => (await _applications.InboxAsync(_labelledCentral, InboxFilter.None)).Total;

    /// <summary>The first page filtered by the most common label, with its total and counts.</summary>
    [Benchmark]
    public async Task<int> WithLabel_TerritorialReviewer() => (await _applications.InboxAsync(_territorial, _label)).Total;

    [Benchmark]
    public async Task<int> WithLabel_CentralService() => (await _applications.InboxAsync(_labelledCentral, _label)).Total;

    /// <summary>One procedure, in review, overdue or due soon: the counts, and a page read further down the index.</summary>
    [Benchmark]
    public async Task<int> Filtered_CentralService() => (await _applications.InboxAsync(_central, _narrow)).Total;

    [Benchmark]
    public async Task<int> OldestSubmitted_CentralService() => (await _applications.InboxAsync(_central, new InboxFilter { Order = InboxOrder.OldestSubmitted })).Total;

    /// <summary>A word of a company name in Arabic, without its ta marbuta: every row of the role is searched.</summary>
    [Benchmark]
    public async Task<int> SearchName_CentralService() => (await _applications.InboxAsync(_central, new InboxFilter { Search = "الواحه" })).Total;

    [Benchmark]
    public async Task<int> SearchReference_CentralService() => (await _applications.InboxAsync(_central, new InboxFilter { Search = "2026-0001" })).Total;
}
