using System.Diagnostics;
using EmploymentProcedures.Engine.Postgres;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Tests.Loading;
using EmploymentProcedures.Engine.Workflow;
using Npgsql;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// Several host instances over one database (two factories, as two processes have, each with its own write turns): the
/// audit chain never forks, and a write that meets another instance's lock is told to try again within seconds. On
/// SQLite the "instances" share a file; on PostgreSQL (<c>EP_TEST_POSTGRES</c>) they are what the provider is for.
/// </summary>
public sealed class ManyInstancesTests
{
    private const int EachInstance = 20;

    [Fact]
    public async Task Audit_TwoInstancesAppendingAtOnce_LeaveOneChainThatVerifies()
    {
        await using var store = await TestStore.CreateAsync(TimeSpan.FromSeconds(30));
        var amina = TestStore.Applicant("amina");
        var draft = await store.DraftAsync(amina);
        var databases = store.AnotherProcess(TimeSpan.FromSeconds(31));
        var other = new Applications(databases, new DefinitionStore(databases, TestLibrary.Library, store.Clock), store.Documents, store.Clock);
        var before = (await store.AuditAsync()).Count;

        // Strangers trying to change Amina's draft: each refusal is one audit entry, appended in its own short transaction.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = Enumerable.Range(0, 2 * EachInstance).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await (i % 2 == 0 ? store.Applications : other).SaveAnswersAsync(draft.Id, TestStore.Applicant($"stranger-{i}"), TestStore.ValidAnswers());
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(racing);

        Assert.All(results, r => Assert.Equal(RefusalCodes.NotYours, r.Refusal?.Code));
        var audit = await store.AuditAsync();
        Assert.Equal(before + 2 * EachInstance, audit.Count);
        Assert.Equal(2 * EachInstance, audit.Count(a => a.Kind == WorkflowEvents.Refused && a.ActorId.StartsWith("stranger-", StringComparison.Ordinal)));
        var verification = await store.Audit.VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(audit.Count, verification.Entries);
    }

    [PostgresOnlyFact("migrates a PostgreSQL database from two instances")]
    public async Task Migrate_FourInstancesStartingTogetherOnAnEmptyDatabase_AllStartOnTheLatestSchema()
    {
        await using var database = await TestPostgres.CreateAsync();
        // Four, each with a connection string of its own (another pool): EF Core applies each migration in a transaction of
        // its own, and an instance slipping in between two of them once applied a migration twice ("relation already exists").
        var instances = Enumerable.Range(0, 4).Select(i => PostgresStorage.Create(database.ConnectionString, TimeSpan.FromSeconds(5 + i))).ToList();

        await Task.WhenAll(instances.Select(i => Task.Run(() => PostgresStorage.MigrateAsync(i))));

        foreach (var instance in instances)
            Assert.Empty(await PostgresStorage.PendingMigrationsAsync(instance));
        var definitions = new DefinitionStore(instances[1], TestLibrary.Library, new TestClock(TestStore.Monday));
        Assert.Null(await definitions.LatestAsync("store-visa"));
        Assert.True((await new AuditLog(instances[0]).VerifyAsync()).Intact);
    }

    [PostgresOnlyFact("holds PostgreSQL's writer lock (SQLite's counterpart: ConcurrencyTests.Save_WhileAnotherConnectionHoldsTheWriteLock_IsRefusedAsBusyWithinTheTimeout)")]
    public async Task Save_WhileAnotherInstanceHoldsTheWriterLock_IsRefusedAsBusyWithinTheLockTimeout()
    {
        await using var store = await TestStore.CreateAsync(busyTimeout: TimeSpan.FromSeconds(1));
        var amina = TestStore.Applicant("amina");
        var draft = await store.DraftAsync(amina);
        await using var holder = await HoldAsync(store, $"SELECT pg_advisory_xact_lock({PostgresStorage.WriterLockKey})");

        await AssertBusyThenFreeAsync(store, amina, draft, holder);
    }

    [PostgresOnlyFact("holds a row lock through PostgreSQL")]
    public async Task Save_WhileAnotherSessionLocksTheAuditHeadRow_IsRefusedAsBusyWithinTheLockTimeout()
    {
        await using var store = await TestStore.CreateAsync(busyTimeout: TimeSpan.FromSeconds(1));
        var amina = TestStore.Applicant("amina");
        var draft = await store.DraftAsync(amina);
        // A session that skips the writer lock (an operator's psql, a job of another version) and keeps a row the write needs.
        await using var holder = await HoldAsync(store, "SELECT 1 FROM \"AuditHead\" FOR UPDATE");

        await AssertBusyThenFreeAsync(store, amina, draft, holder);
    }

    private static async Task AssertBusyThenFreeAsync(TestStore store, Actor amina, Application draft, Held holder)
    {
        var clock = Stopwatch.StartNew();
        var result = await store.Applications.SaveAnswersAsync(draft.Id, amina, TestStore.ValidAnswers("rabat"));
        clock.Stop();

        Assert.Equal(RefusalCodes.Busy, result.Refusal?.Code);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        await holder.Transaction.RollbackAsync();
        Assert.True((await store.Applications.SaveAnswersAsync(draft.Id, amina, TestStore.ValidAnswers("rabat"))).Succeeded);
    }

    /// <summary>A transaction of another session on the store's database that has run <paramref name="sql"/> and holds what it locked.</summary>
    private static async Task<Held> HoldAsync(TestStore store, string sql)
    {
        var connection = new NpgsqlConnection(store.PostgresConnectionString);
        await connection.OpenAsync();
        var held = new Held(connection, await connection.BeginTransactionAsync());
        await using var command = new NpgsqlCommand(sql, connection, held.Transaction);
        await command.ExecuteNonQueryAsync();
        return held;
    }

    private sealed record Held(NpgsqlConnection Connection, NpgsqlTransaction Transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}
