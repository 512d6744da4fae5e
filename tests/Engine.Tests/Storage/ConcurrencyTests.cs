using System.Diagnostics;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>Optimistic concurrency on a real SQLite file: races are won once, never lost silently, and a locked database answers "busy" quickly.</summary>
public sealed class ConcurrencyTests
{
    private const int Reviewers = 50;
    private static readonly Actor Amina = TestStore.Applicant("amina");

    [Fact]
    public async Task Decide_FiftyReviewersAtOnce_ExactlyOneWinsAndTheOthersAreToldWhoDecided()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        var results = await TestStore.RaceAsync(Reviewers, reviewer => store.Applications.DecideAsync(app.Id, reviewer, new WorkflowCommand.Decide("reception", StepAction.Approve)));

        var winner = Assert.Single(results, r => r.Result.Succeeded);
        var losers = results.Where(r => !r.Result.Succeeded).ToList();
        Assert.Equal(Reviewers - 1, losers.Count);
        Assert.All(losers, r =>
        {
            Assert.Equal(RefusalCodes.AlreadyDecided, r.Result.Refusal!.Code);
            Assert.Contains(winner.Reviewer.Name, r.Result.Refusal.Message.Get("en"), StringComparison.Ordinal);
        });

        var audit = (await store.AuditAsync()).Where(a => a.ApplicationId == app.Id).ToList();
        var approval = Assert.Single(audit, a => a.Kind == WorkflowEvents.StepApproved);
        Assert.Equal(winner.Reviewer.UserId, approval.ActorId);
        Assert.Equal(Reviewers - 1, audit.Count(a => a.Kind == WorkflowEvents.Refused && a.Detail == RefusalCodes.AlreadyDecided));
        var stored = (await store.Applications.GetAsync(app.Id, Amina)).Value!;
        Assert.Equal(("opinions", app.Version + 1), (stored.Step, stored.Version));
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Opinions_TwoRolesAtOnce_BothCountBecauseTheLoserIsRerunOnTheFreshApplication()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        await store.Applications.DecideAsync(app.Id, TestStore.DeskAgent(), new WorkflowCommand.Decide("reception", StepAction.Approve));
        var inspector = Actor.Reviewer("ines", "Ines", "labour-inspector", "casablanca");
        var director = Actor.Reviewer("driss", "Driss", "regional-director", "casablanca");

        var results = await Task.WhenAll(
            Task.Run(() => store.Applications.DecideAsync(app.Id, inspector, new WorkflowCommand.Decide("opinions", StepAction.Approve))),
            Task.Run(() => store.Applications.DecideAsync(app.Id, director, new WorkflowCommand.Decide("opinions", StepAction.Approve))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal("decision", (await store.Applications.GetAsync(app.Id, Amina)).Value!.Step);
    }

    /// <summary>
    /// The negative control (L15): the same kind of race, each of 50 writers reading the row, then all writing
    /// back their change without the version check. The harness must see the lost updates; with the check
    /// (and a re-run on conflict) it must see none.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LostUpdateCanary_ReadThenWrite_LosesUpdatesOnlyWithoutTheVersionCheck(bool checkVersion)
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        var reads = 0;
        var allRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var writers = Enumerable.Range(0, Reviewers).Select(i => Task.Run(async () =>
        {
            var first = true;
            while (true)
            {
                await using var db = await store.Databases.CreateDbContextAsync();
                var row = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == app.Id);
                if (first)
                {
                    if (Interlocked.Increment(ref reads) == Reviewers)
                        allRead.SetResult();
                    await allRead.Task;
                    first = false;
                }
                var opinions = ApplicationJson.ReadOpinions(row.Opinions).Append(new Opinion("desk-agent", $"agent-{i}", StepAction.Approve, null)).ToList();
                var update = db.Applications.Where(a => a.Id == app.Id);
                if (checkVersion)
                    update = update.Where(a => a.Version == row.Version);
                var written = await update.ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Opinions, ApplicationJson.Opinions(opinions))
                    .SetProperty(a => a.Version, row.Version + 1));
                if (written == 1)
                    return;
            }
        })).ToList();
        await Task.WhenAll(writers);

        await using var check = await store.Databases.CreateDbContextAsync();
        var final = await check.Applications.AsNoTracking().SingleAsync(a => a.Id == app.Id);
        var kept = ApplicationJson.ReadOpinions(final.Opinions).Count;
        if (checkVersion)
            Assert.Equal(Reviewers, kept);
        else
            Assert.True(kept < Reviewers, $"the harness saw no lost update ({kept} of {Reviewers} kept): it cannot detect one");
    }

    [SqliteOnlyFact("holds SQLite's write lock (PostgreSQL's counterpart: Save_WhileAnotherInstanceHoldsTheWriterLock_IsRefusedAsBusyWithinTheLockTimeout)")]
    public async Task Save_WhileAnotherConnectionHoldsTheWriteLock_IsRefusedAsBusyWithinTheTimeout()
    {
        await using var store = await TestStore.CreateAsync(busyTimeout: TimeSpan.FromSeconds(1));
        var draft = await store.DraftAsync(Amina);
        await using var holder = new SqliteConnection($"Data Source={store.DatabaseFile};Pooling=False");
        await holder.OpenAsync();
        await using var locked = (SqliteTransaction)await holder.BeginTransactionAsync();
        await using (var write = holder.CreateCommand())
        {
            write.Transaction = locked;
            write.CommandText = "UPDATE \"AuditHead\" SET \"Hash\" = \"Hash\"";
            await write.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        var result = await store.Applications.SaveAnswersAsync(draft.Id, Amina, TestStore.ValidAnswers("rabat"));
        clock.Stop();

        Assert.Equal(RefusalCodes.Busy, result.Refusal?.Code);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        await locked.RollbackAsync();
        Assert.True((await store.Applications.SaveAnswersAsync(draft.Id, Amina, TestStore.ValidAnswers("rabat"))).Succeeded);
    }

    [Fact]
    public async Task SaveAnswers_FromATabOpenedBeforeAnotherTabSaved_IsRefusedAsStaleAndKeepsTheOtherTabsAnswers()
    {
        await using var store = await TestStore.CreateAsync();
        var opened = (await store.Applications.StartAsync("store-visa", Amina)).Application!;
        var first = await store.Applications.SaveAnswersAsync(opened.Id, Amina, TestStore.ValidAnswers("rabat"), opened.Version);
        Assert.True(first.Succeeded, first.ToString());

        var second = await store.Applications.SaveAnswersAsync(opened.Id, Amina, TestStore.ValidAnswers("casablanca"), opened.Version);

        Assert.Equal(RefusalCodes.Stale, second.Refusal?.Code);
        var stored = (await store.Applications.GetAsync(opened.Id, Amina)).Value!;
        Assert.Equal("rabat", stored.Answers["province"]);
        Assert.True((await store.Applications.SaveAnswersAsync(opened.Id, Amina, TestStore.ValidAnswers("casablanca"), stored.Version)).Succeeded);
    }
}
