using EmploymentProcedures.Benchmarks;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Tests.Loading;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// The reviewer inbox on a database seeded like the benchmarks' (the 55 procedures): the right rows, in order, 50 a
/// page, and through its indexes (so a dropped index fails here, not in production).
/// </summary>
public sealed class InboxTests
{
    private const string InboxIndex = "IX_PendingWork_Role_Territory_DueOn";
    private const string SubmittedIndex = "IX_PendingWork_Role_Territory_SubmittedOn";

    private static async Task<TestStore> SeededAsync(int applications)
    {
        var store = await TestStore.CreateAsync(publish: false);
        await InboxSeeder.SeedAsync(store.DatabaseFile, TestLibrary.Catalog, applications, TestStore.Monday);
        return store;
    }

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

    [Fact]
    public async Task InboxQueries_OnASeededDatabase_AreServedByTheInboxIndexes()
    {
        await using var store = await SeededAsync(20_000);
        var (territorial, central) = await ReviewersAsync(store);
        var filtered = new InboxFilter { Statuses = [ApplicationStatus.InReview], Urgencies = [Urgency.Overdue, Urgency.DueSoon], Search = "atlas" };
        await using var db = await store.Databases.CreateDbContextAsync();

        foreach (var reviewer in new[] { territorial, central })
        {
            foreach (var filter in new[] { InboxFilter.None, filtered })
            {
                var query = InboxQuery.For(reviewer, filter, null, TestStore.Monday, TestStore.Monday.AddDays(2));
                var page = await ExplainAsync(store.DatabaseFile, query.Page(db, 0).ToQueryString());
                var counts = await ExplainAsync(store.DatabaseFile, InboxFacets.GroupsQuery(db, query).ToQueryString());
                var bySubmission = await ExplainAsync(store.DatabaseFile, (query with { Filter = filter with { Order = InboxOrder.NewestSubmitted } }).Page(db, 0).ToQueryString());

                Assert.Contains(InboxIndex, page, StringComparison.Ordinal);
                // The counts read the role's rows from the index that holds every column they group.
                Assert.Contains("INDEX IX_PendingWork_Role_Territory_ProcedureId_Step_Status_Province_DueOn", counts, StringComparison.Ordinal);
                Assert.Contains(SubmittedIndex, bySubmission, StringComparison.Ordinal);
                foreach (var plan in new[] { page, counts, bySubmission })
                    Assert.DoesNotContain("SCAN PendingWork", plan, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(InboxOrder.DueDate)]
    [InlineData(InboxOrder.OldestSubmitted)]
    [InlineData(InboxOrder.NewestSubmitted)]
    public async Task Inbox_PageByPage_GivesEveryLineOnceInOrderWithTheTotal(InboxOrder order)
    {
        await using var store = await SeededAsync(12_000);
        var (territorial, central) = await ReviewersAsync(store);

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

    [Fact]
    public async Task Inbox_SeededTerritorialReviewer_SeesTheirProvinceAndUnroutedProceduresOnly()
    {
        await using var store = await SeededAsync(6_000);
        var (territorial, _) = await ReviewersAsync(store);
        await using var db = await store.Databases.CreateDbContextAsync();
        var visible = await db.PendingWork.AsNoTracking()
            .CountAsync(p => p.Role == territorial.Role && (p.Territory == "" || p.Territory == territorial.Provinces[0]));

        var lines = await store.Applications.InboxLinesAsync(territorial, InboxFilter.None).ToListAsync();

        Assert.Equal(visible, lines.Count);
        Assert.All(lines, l => Assert.True(l.Province is null || l.Province == territorial.Provinces[0] || !IsRouted(l), l.ToString()));
        Assert.Equal(Math.Min(visible, Applications.PageSize), (await store.Applications.InboxAsync(territorial)).Count);
    }

    private static bool IsRouted(InboxItem line) => TestLibrary.Catalog.Definitions[line.ProcedureId].Routing is not null;

    /// <summary>Runs <c>EXPLAIN QUERY PLAN</c> on EF's SQL, with the parameter values <c>ToQueryString</c> prints as <c>.param set</c> lines.</summary>
    private static async Task<string> ExplainAsync(string databaseFile, string queryString)
    {
        var lines = queryString.Split('\n');
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Split(' ', 2);
            var value = parts[1].Trim();
            command.Parameters.AddWithValue(parts[0], value.StartsWith('\'') ? value[1..^1].Replace("''", "'", StringComparison.Ordinal) : long.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));
        return string.Join(Environment.NewLine, plan);
    }
}
