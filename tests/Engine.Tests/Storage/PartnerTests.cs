using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// The partners' list on a database seeded like the benchmarks' (many applications share a change time): a walk of pages
/// gives every submitted application of the grant once, in order, and each page reads an index range, never the table.
/// </summary>
public sealed class PartnerTests(InboxTests.Seeded seeded) : IClassFixture<InboxTests.Seeded>
{
    private const string ListIndex = "IX_Applications_ProcedureId_UpdatedAt_Id";

    [SqliteOnlyFact(InboxTests.Seeded.Reason)]
    public async Task Walk_PagesOf37_GiveEverySubmittedApplicationOfTheGrantOnceInOrder()
    {
        var (procedures, province) = await GrantAsync();
        var access = new PartnerAccess("c", "Client", procedures, new HashSet<string>());
        var applications = seeded.Store.Applications;

        var walked = new List<PartnerSummary>();
        PartnerCursor? after = null;
        do
        {
            var page = await applications.PartnerPageAsync(access, new PartnerFilter(After: after, Limit: 37));
            Assert.True(page.Items.Count <= 37);
            walked.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        await using var db = await seeded.Store.Databases.CreateDbContextAsync();
        var expected = await db.Applications.Where(a => procedures.Contains(a.ProcedureId) && a.Status != "draft")
            .OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync();
        Assert.True(expected.Count > 100);
        Assert.Equal(expected, walked.Select(w => w.Id));
        Assert.DoesNotContain(walked, w => w.Status == ApplicationStatus.Draft);
        Assert.True(walked.GroupBy(w => w.ChangedAt).Any(g => g.Count() > 37), "the seed gives many applications one change time: the id breaks the tie");
        Assert.NotNull(province);
    }

    [SqliteOnlyFact(InboxTests.Seeded.Reason)]
    public async Task Page_OneProvince_OnlyItsApplications()
    {
        var (procedures, province) = await GrantAsync();
        var access = new PartnerAccess("c", "Client", procedures, new HashSet<string> { province! });

        var page = await seeded.Store.Applications.PartnerPageAsync(access, new PartnerFilter(Limit: 100));

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, i => Assert.Equal(province, i.Province));
    }

    [SqliteOnlyFact(InboxTests.Seeded.Reason)]
    public async Task Range_AfterACursor_ReadsTheListIndexInOrder_WithAProvinceAndStatusSearchesAnIndex_NeverScansTheTable()
    {
        var (procedures, province) = await GrantAsync();
        await using var db = await seeded.Store.Databases.CreateDbContextAsync();
        var walk = new PartnerFilter(ChangedSince: new DateTime(2020, 1, 1), After: new PartnerCursor(new DateTime(2026, 1, 1), Guid.Empty));

        var plan = await QueryPlans.ExplainAsync(seeded.Store.DatabaseFile, Applications.PartnerRange(db, procedures.First(), null, walk).Take(101).ToQueryString());
        // Narrowed to a province and a status the planner may seek the backlog's index instead and sort the few rows it finds.
        var narrow = await QueryPlans.ExplainAsync(seeded.Store.DatabaseFile,
            Applications.PartnerRange(db, procedures.First(), [province!], walk with { Status = ApplicationStatus.InReview }).Take(101).ToQueryString());

        Assert.True(plan.Contains("SEARCH a USING INDEX " + ListIndex, StringComparison.Ordinal), plan);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        Assert.True(narrow.Contains("SEARCH a USING INDEX", StringComparison.Ordinal), narrow);
        foreach (var shown in new[] { plan, narrow })
            Assert.DoesNotContain(shown.Split(Environment.NewLine), line => line == "SCAN a" || line.StartsWith("SCAN a ", StringComparison.Ordinal));
    }

    /// <summary>Three routed procedures of the seed, and a province their applications are in.</summary>
    private async Task<(HashSet<string> Procedures, string? Province)> GrantAsync()
    {
        await using var db = await seeded.Store.Databases.CreateDbContextAsync();
        var routed = await db.Applications.Where(a => a.Province != null && a.Status != "draft").GroupBy(a => a.ProcedureId)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).Take(3).ToListAsync();
        var province = await db.Applications.Where(a => a.ProcedureId == routed[0] && a.Province != null).Select(a => a.Province).FirstAsync();
        return (routed.ToHashSet(), province);
    }
}
