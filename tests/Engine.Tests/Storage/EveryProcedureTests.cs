using EmploymentProcedures.Engine.Tests.Loading;
using Xunit.Abstractions;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// Every procedure of the repository, all published in one SQLite store as the portal has them, with each of its scenarios that ends in a
/// status (not the ones that expect validation errors: those never reach a reviewer) played through the application
/// service as the portal plays it (<see cref="ScenarioPlayer"/>). Half the procedures are applied for in French, the
/// other half in Arabic, so every letter is issued and read in both languages somewhere.
/// </summary>
public sealed class EveryProcedureTests(EveryProcedureTests.Published published, ITestOutputHelper output) : IClassFixture<EveryProcedureTests.Published>
{
    /// <summary>One database for the class with the 55 procedures published, as the portal has them: reviewers' inboxes mix procedures.</summary>
    public sealed class Published : IAsyncLifetime
    {
        internal TestStore Store { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Store = await TestStore.CreateAsync(publish: false);
            await Store.Definitions.PublishAllAsync(TestLibrary.Catalog);
        }

        public async Task DisposeAsync() => await Store.DisposeAsync();
    }

    /// <summary>
    /// Scenarios that cannot be played through storage as written, each with why (by procedure, then scenario). Keep it
    /// empty: a scenario lands here only when storage has no way to do what it says, never because it fails.
    /// </summary>
    private static readonly Dictionary<(string Procedure, string Scenario), string> Unplayable = [];

    public static TheoryData<string, string> Procedures()
    {
        var data = new TheoryData<string, string>();
        var ids = TestLibrary.Catalog.Definitions.Keys.Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < ids.Count; i++)
            data.Add(ids[i], i % 2 == 0 ? "fr" : "ar");
        return data;
    }

    [Theory]
    [MemberData(nameof(Procedures))]
    public async Task Procedure_EveryScenarioThroughStorage_EndsAsItSaysWithItsLettersNotificationsAndAudit(string procedure, string language)
    {
        var definition = TestLibrary.Catalog.Definitions[procedure];
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var store = published.Store;
        var player = new ScenarioPlayer(store, definition, TestLibrary.Library.Roles, language);

        var unknown = Unplayable.Keys.Where(k => k.Procedure == procedure && definition.Tests.All(s => s.Name != k.Scenario || s.ExpectStatus is null)).ToList();
        Assert.True(unknown.Count == 0, $"skipped scenarios that {procedure} does not have: {string.Join(", ", unknown.Select(k => k.Scenario))}");
        var failures = new List<string>();
        var played = 0;
        foreach (var scenario in definition.Tests.Where(s => s.ExpectStatus is not null))
        {
            if (Unplayable.TryGetValue((procedure, scenario.Name), out var why))
            {
                output.WriteLine($"skipped {procedure}/{scenario.Name}: {why}");
                continue;
            }
            try
            {
                await player.PlayAsync(scenario);
                played++;
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add($"{scenario.Name}: {e.Message}");
            }
        }
        var audit = await store.Audit.VerifyAsync();

        output.WriteLine($"{procedure} ({language}): {played} scenarios, {player.Decisions} decisions, {player.Strangers} reviewers of another province refused, {player.Letters} letters read, {watch.ElapsedMilliseconds} ms");
        Assert.True(failures.Count == 0, $"{procedure} ({language}):{Environment.NewLine}" + string.Join(Environment.NewLine, failures));
        Assert.True(played > 0, $"{procedure} has no scenario that ends in a status");
        Assert.True(audit.Intact, $"the audit chain is broken at {audit.BrokenAt}: {audit.Problem}");
    }
}
