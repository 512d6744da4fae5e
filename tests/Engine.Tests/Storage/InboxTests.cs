using EmploymentProcedures.Benchmarks;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>The reviewer inbox: the right rows, soonest due first, 50 a page, through its index (so a dropped index fails here, not in production).</summary>
public sealed class InboxTests
{
    private const string InboxIndex = "IX_PendingWork_Role_Territory_DueOn";

    [Theory]
    [InlineData("desk-agent", "province-07")]
    [InlineData("migrant-employment-service", null)]
    public async Task InboxQuery_OnASeededDatabase_IsServedByTheInboxIndex(string role, string? province)
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        InboxSeeder.Seed(store.DatabaseFile, 20_000);
        var reviewer = Actor.Reviewer("r", "R", role, province is null ? [] : [province]);

        await using var db = await store.Databases.CreateDbContextAsync();
        var plan = await ExplainAsync(store.DatabaseFile, Applications.InboxQuery(db, reviewer, 0).ToQueryString());

        Assert.Contains(InboxIndex, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN PendingWork", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_SeededRows_ComeSoonestDueFirstFiftyAPage()
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        InboxSeeder.Seed(store.DatabaseFile, 3_000);
        var reviewer = Actor.Reviewer("s", "S", "migrant-employment-service");
        await using var db = await store.Databases.CreateDbContextAsync();
        var expected = await db.PendingWork.AsNoTracking().Where(p => p.Role == "migrant-employment-service").CountAsync();

        var pages = new List<InboxItem>();
        for (var page = 0; ; page++)
        {
            var items = await store.Applications.InboxAsync(reviewer, page);
            Assert.InRange(items.Count, 0, Applications.PageSize);
            pages.AddRange(items);
            if (items.Count < Applications.PageSize)
                break;
        }

        Assert.Equal(expected, pages.Count);
        Assert.Equal(pages.Select(p => p.DueOn).Order(), pages.Select(p => p.DueOn));
        Assert.Equal(pages.Count, pages.Select(p => p.ApplicationId).Distinct().Count());
    }

    [Fact]
    public async Task Inbox_TerritorialReviewer_SeesTheirProvinceAndUnroutedProceduresOnly()
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        InboxSeeder.Seed(store.DatabaseFile, 3_000);
        var reviewer = Actor.Reviewer("d", "D", "desk-agent", InboxSeeder.Province(3), InboxSeeder.Province(4));

        await using var db = await store.Databases.CreateDbContextAsync();
        var all = await Applications.InboxQuery(db, reviewer, 0).Take(1000).ToListAsync();
        var visible = await db.PendingWork.AsNoTracking()
            .CountAsync(p => p.Role == "desk-agent" && (p.Territory == "" || p.Territory == InboxSeeder.Province(3) || p.Territory == InboxSeeder.Province(4)));

        Assert.All(all, p => Assert.Contains(p.Territory, new[] { "", InboxSeeder.Province(3), InboxSeeder.Province(4) }));
        Assert.Equal(Math.Min(visible, Applications.PageSize), all.Count);
    }

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
