using EmploymentProcedures.Benchmarks;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Tests.Loading;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// The reviewer inbox on a database seeded like the benchmarks' (the 55 procedures): the right rows, in order, 50 a
/// page, and through its indexes (so a dropped index fails here, not in production).
/// </summary>
public sealed class InboxTests(InboxTests.Seeded seeded) : IClassFixture<InboxTests.Seeded>
{
    /// <summary>One database of 30,000 applications for the whole class (the tests only read it).</summary>
    public sealed class Seeded : IAsyncLifetime
    {
        public const string Reason = "seeded by InboxSeeder, which writes its 30,000 applications straight into the SQLite file (the benchmark's bulk loader)";

        internal TestStore Store { get; private set; } = null!;
        public Actor Territorial { get; private set; } = null!;
        public Actor Central { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            // The seeder writes SQLite: on PostgreSQL the class's tests skip themselves and nothing is seeded.
            if (TestPostgres.Server is not null)
                return;
            Store = await TestStore.CreateAsync(publish: false);
            await InboxSeeder.SeedAsync(Store.DatabaseFile, TestLibrary.Catalog, 30_000, TestStore.Monday);
            (Territorial, Central) = await ReviewersAsync(Store);
        }

        public async Task DisposeAsync()
        {
            // Null when nothing was seeded (PostgreSQL).
            if (Store is { } store)
                await store.DisposeAsync();
        }
    }

    private const string InboxIndex = "IX_PendingWork_Role_Territory_DueOn";
    private const string SubmittedIndex = "IX_PendingWork_Role_Territory_SubmittedOn";
    private const string CountsIndex = "IX_PendingWork_Role_Territory_ProcedureId_Step_Status_Province_ClaimedBy_AwaitingReply_DueOn";

    /// <summary>The busiest territorial reviewer (a role in one province) and the busiest central role of the seed.</summary>
    private static async Task<(Actor Territorial, Actor Central)> ReviewersAsync(TestStore store)
    {
        await using var db = await store.Databases.CreateDbContextAsync();
        var territorial = await db.PendingWork.Where(p => p.Territory != "").GroupBy(p => new { p.Role, p.Territory })
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var central = await db.PendingWork.Where(p => p.Territory == "").GroupBy(p => p.Role)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        return (Actor.Reviewer("d", "D", territorial.Role, territorial.Territory), Actor.Reviewer("c", "C", central));
    }

    [SqliteOnlyFact(Seeded.Reason)]
    public async Task InboxQueries_OnASeededDatabase_AreServedByTheInboxIndexes()
    {
        var (store, territorial, central) = (seeded.Store, seeded.Territorial, seeded.Central);
        var filtered = new InboxFilter { Statuses = [ApplicationStatus.InReview], Urgencies = [Urgency.Overdue, Urgency.DueSoon], Search = "atlas" };
        await using var db = await store.Databases.CreateDbContextAsync();

        foreach (var reviewer in new[] { territorial, central })
        {
            foreach (var filter in new[] { InboxFilter.None, filtered })
            {
                var query = InboxQuery.For(reviewer, filter, null, TestStore.Monday, TestStore.Monday.AddDays(2));
                var page = await QueryPlans.ExplainAsync(store.DatabaseFile, query.Page(db, 0).ToQueryString());
                var counts = await QueryPlans.ExplainAsync(store.DatabaseFile, InboxFacets.GroupsQuery(db, query).ToQueryString());
                var bySubmission = await QueryPlans.ExplainAsync(store.DatabaseFile, (query with { Filter = filter with { Order = InboxOrder.NewestSubmitted } }).Page(db, 0).ToQueryString());

                Assert.True(page.Contains(InboxIndex, StringComparison.Ordinal), page);
                Assert.True(bySubmission.Contains(SubmittedIndex, StringComparison.Ordinal), bySubmission);
                // Without a search the counts read the role's rows from the index that holds every column they group;
                // a search reads the rows' keys too, through one of the (Role, Territory, ...) indexes.
                var expected = filter.Search is null ? "COVERING INDEX " + CountsIndex : "INDEX IX_PendingWork_Role_Territory_";
                Assert.True(counts.Contains(expected, StringComparison.Ordinal), counts);
                // EF names the pending-work table "p": a scan of it would be "SCAN p" (the merged page rows are "p1").
                foreach (var plan in new[] { page, counts, bySubmission })
                    Assert.DoesNotContain(plan.Split(Environment.NewLine), line => line == "SCAN p" || line.StartsWith("SCAN p ", StringComparison.Ordinal));
            }
        }
    }

    [SqliteOnlyFact(Seeded.Reason)]
    public async Task LabelAndAwaitingReplyFilters_OnASeededDatabase_KeepTheInboxIndexesAndCountLabelsFromTheLabelledFiles()
    {
        var (store, territorial) = (seeded.Store, seeded.Territorial);
        var filter = new InboxFilter { Labels = ["priority", "site-visit"], AwaitingReply = true };
        await using var db = await store.Databases.CreateDbContextAsync();
        var query = InboxQuery.For(territorial, filter, null, TestStore.Monday, TestStore.Monday.AddDays(2));

        var page = await QueryPlans.ExplainAsync(store.DatabaseFile, query.Page(db, 0).ToQueryString());
        var counts = await QueryPlans.ExplainAsync(store.DatabaseFile, InboxFacets.GroupsQuery(db, query).ToQueryString());
        var labels = await QueryPlans.ExplainAsync(store.DatabaseFile, InboxFacets.LabelCountsQuery(db, query).ToQueryString());

        Assert.True(page.Contains(InboxIndex, StringComparison.Ordinal), page);
        // The chosen labels' files are read once from the index (Label, ApplicationId), on the page and in the counts.
        foreach (var plan in new[] { page, counts })
        {
            Assert.True(plan.Contains("USING COVERING INDEX IX_ApplicationLabels_Label_ApplicationId (Label=?)", StringComparison.Ordinal), plan);
            Assert.DoesNotContain(plan.Split(Environment.NewLine), line => line == "SCAN p" || line.StartsWith("SCAN p ", StringComparison.Ordinal));
        }
        // The labels' counts start from the labelled files and reach the reviewer's rows by ApplicationId.
        Assert.True(labels.StartsWith("SCAN a USING COVERING INDEX IX_ApplicationLabels_Label_ApplicationId", StringComparison.Ordinal), labels);
        Assert.True(labels.Contains("SEARCH p EXISTS USING INDEX IX_PendingWork_ApplicationId (ApplicationId=?)", StringComparison.Ordinal), labels);
    }

    [SqliteOnlyTheory(Seeded.Reason)]
    [InlineData(InboxOrder.DueDate)]
    [InlineData(InboxOrder.OldestSubmitted)]
    [InlineData(InboxOrder.NewestSubmitted)]
    public async Task Inbox_PageByPage_GivesEveryLineOnceInOrderWithTheTotal(InboxOrder order)
    {
        var (store, territorial, central) = (seeded.Store, seeded.Territorial, seeded.Central);

        foreach (var reviewer in new[] { territorial, central })
        {
            var filter = new InboxFilter { Order = order };
            var all = await store.Applications.InboxLinesAsync(reviewer, filter).ToListAsync();
            var pages = new List<InboxItem>();
            InboxPage page;
            var number = 0;
            do
            {
                page = await store.Applications.InboxAsync(reviewer, filter, number++);
                Assert.InRange(page.Items.Count, 0, Applications.PageSize);
                Assert.Equal(all.Count, page.Total);
                pages.AddRange(page.Items);
            }
            while (page.Items.Count == Applications.PageSize);

            Assert.True(all.Count > Applications.PageSize, $"{reviewer.Role} has {all.Count} lines");
            Assert.Equal(all.Select(i => i.ApplicationId), pages.Select(i => i.ApplicationId));
            Assert.Equal(pages.Count, pages.Select(p => p.ApplicationId).Distinct().Count());
            Assert.Equal(number, page.Pages + (all.Count % Applications.PageSize == 0 ? 1 : 0));
            var keys = pages.Select(p => order == InboxOrder.DueDate ? p.DueOn ?? DateOnly.MaxValue : p.SubmittedOn!.Value).ToList();
            Assert.Equal(order == InboxOrder.NewestSubmitted ? keys.OrderDescending() : keys.Order(), keys);
        }
    }

    [SqliteOnlyFact(Seeded.Reason)]
    public async Task Inbox_SeededTerritorialReviewer_SeesTheirProvinceAndUnroutedProceduresOnly()
    {
        var (store, territorial) = (seeded.Store, seeded.Territorial);
        await using var db = await store.Databases.CreateDbContextAsync();
        var visible = await db.PendingWork.AsNoTracking()
            .CountAsync(p => p.Role == territorial.Role && (p.Territory == "" || p.Territory == territorial.Provinces[0]));
        var toActOn = await db.PendingWork.AsNoTracking()
            .CountAsync(p => p.Role == territorial.Role && p.Status == "in_review" && (p.Territory == "" || p.Territory == territorial.Provinces[0]));

        var lines = await store.Applications.InboxLinesAsync(territorial, InboxFilter.None).ToListAsync();

        Assert.Equal(visible, lines.Count);
        Assert.All(lines, l => Assert.True(l.Province is null || l.Province == territorial.Provinces[0] || !IsRouted(l), l.ToString()));
        Assert.Equal(Math.Min(toActOn, Applications.PageSize), (await store.Applications.InboxAsync(territorial)).Count);
    }

    private static bool IsRouted(InboxItem line) => TestLibrary.Catalog.Definitions[line.ProcedureId].Routing is not null;
}
