using System.Security.Cryptography;
using System.Text;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Tests.Loading;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// What an applicant was told stays true after a crash: a submission acknowledged by <c>SubmitAsync</c> is on disk with
/// its reference, its receipt (byte for byte what was issued) and its audit entries; references stay unique and without
/// gaps when submissions race and some fail.
/// </summary>
public sealed class DurabilityTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");

    [SqliteOnlyFact("copies the SQLite file and its WAL as a killed process leaves them")]
    public async Task Submit_ProcessKilledRightAfterItReturns_TheApplicationAndItsReceiptAreOnDiskAsIssued()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        var submitted = await store.Applications.SubmitAsync(draft.Id, Amina);
        Assert.True(submitted.Succeeded, submitted.ToString());
        var letter = Assert.Single((await store.Applications.IssuedAsync(draft.Id, Amina)).Value!);
        var issued = await BytesAsync(await store.Applications.OpenIssuedAsync(draft.Id, Amina, letter.Id));

        // What a process killed now leaves: the database file and its write-ahead log as they are on disk, never
        // closed, never checkpointed; and an empty document store, since a receipt must need nothing but the database.
        await using var crashed = CrashedCopy(store);

        var reopened = (await crashed.Applications.GetAsync(draft.Id, Amina)).Value!;
        Assert.Equal((ApplicationStatus.InReview, "STV-2026-000001"), (reopened.Status, reopened.Reference));
        var kept = Assert.Single((await crashed.Applications.IssuedAsync(draft.Id, Amina)).Value!);
        Assert.Equal(letter, kept);
        var html = await BytesAsync(await crashed.Applications.OpenIssuedAsync(draft.Id, Amina, kept.Id));
        Assert.Equal(issued, html);
        Assert.Equal(kept.Hash, Convert.ToHexStringLower(SHA256.HashData(html)));
        Assert.Contains("STV-2026-000001", Encoding.UTF8.GetString(html), StringComparison.Ordinal);
        Assert.Contains((await crashed.Applications.HistoryAsync(draft.Id, Amina)).Value!, e => e.Kind == WorkflowEvents.Submitted && e.Detail == "STV-2026-000001");
        Assert.True((await crashed.Audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task OpenIssued_LetterIssuedBeforeLettersWereKeptInTheirRow_IsReadFromTheDocumentStore()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        var letter = Assert.Single((await store.Applications.IssuedAsync(app.Id, Amina)).Value!);
        var issued = await BytesAsync(await store.Applications.OpenIssuedAsync(app.Id, Amina, letter.Id));
        // A database migrated from before: the letter's row has no content, its HTML is a file named by its SHA-256.
        var path = store.Files!.PathOf(letter.Hash);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, issued);
        await store.SqlAsync("UPDATE \"Letters\" SET \"Content\" = NULL;");

        Assert.Equal(issued, await BytesAsync(await store.Applications.OpenIssuedAsync(app.Id, Amina, letter.Id)));
        File.Delete(path);
        Assert.Equal(RefusalCodes.UnknownLetter, (await store.Applications.OpenIssuedAsync(app.Id, Amina, letter.Id)).Refusal?.Code);
    }

    [SqliteOnlyFact("makes one insert fail with a SQLite trigger")]
    public async Task Submit_EightAtOnceWhileOneFails_TheOthersTakeConsecutiveReferencesAndTheFailedOneTheNextWhenRetried()
    {
        await using var store = await TestStore.CreateAsync();
        var drafts = await store.DraftsAsync(8);
        // The fourth submission's transaction fails at its last write, after it has taken a reference.
        await store.SqlAsync($"CREATE TRIGGER refuse_one BEFORE INSERT ON \"Notifications\" WHEN NEW.Recipient = '{drafts[3].Applicant.UserId}' BEGIN SELECT RAISE(ABORT, 'disk full'); END;");

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = drafts.Select(d => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                return await store.Applications.SubmitAsync(d.Draft.Id, d.Applicant);
            }
            catch (DbUpdateException)
            {
                return null;
            }
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(racing);

        Assert.Null(results[3]);
        var references = results.Where(r => r is not null).Select(r => r!.Application!.Reference).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 7).Select(n => $"STV-2026-{n:D6}"), references);
        await store.SqlAsync("DROP TRIGGER refuse_one;");
        var retried = await store.Applications.SubmitAsync(drafts[3].Draft.Id, drafts[3].Applicant);
        Assert.Equal("STV-2026-000008", retried.Application?.Reference);
        await AssertEachReceiptPrintsItsReferenceAsync(store, drafts);
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Submit_FromTwoProcessesAtOnce_ReferencesStayUniqueAndGaplessAndEachReceiptPrintsItsOwn()
    {
        await using var store = await TestStore.CreateAsync(TimeSpan.FromSeconds(30));
        var drafts = await store.DraftsAsync(12);
        // Another process on the same database: its own connections, its own turns and its own memory of the last number it
        // took, so its receipts' forecasts go wrong as this one's submissions commit, and only the database keeps the two apart.
        var otherDatabases = store.AnotherProcess(TimeSpan.FromSeconds(31));
        var other = new Applications(otherDatabases, new DefinitionStore(otherDatabases, TestLibrary.Library, store.Clock), store.Documents, store.Clock);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = drafts.Select((d, i) => Task.Run(async () =>
        {
            await start.Task;
            return await (i % 2 == 0 ? store.Applications : other).SubmitAsync(d.Draft.Id, d.Applicant);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(racing);

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        var references = results.Select(r => r.Application!.Reference).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"STV-2026-{n:D6}"), references);
        await AssertEachReceiptPrintsItsReferenceAsync(store, drafts);
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    private static async Task AssertEachReceiptPrintsItsReferenceAsync(TestStore store, List<(Actor Applicant, Application Draft)> drafts)
    {
        foreach (var (applicant, draft) in drafts)
        {
            var reference = (await store.Applications.GetAsync(draft.Id, applicant)).Value!.Reference!;
            var letter = Assert.Single((await store.Applications.IssuedAsync(draft.Id, applicant)).Value!);
            var html = Encoding.UTF8.GetString(await BytesAsync(await store.Applications.OpenIssuedAsync(draft.Id, applicant, letter.Id)));
            Assert.Contains($"<dd>{reference}</dd>", html, StringComparison.Ordinal);
        }
    }

    /// <summary>The services over a copy of the store's database files as they are on disk now, with an empty document store.</summary>
    private static Crashed CrashedCopy(TestStore store)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ep-crashed-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "procedures.db");
        foreach (var suffix in new[] { "", "-wal" })
        {
            if (File.Exists(store.DatabaseFile + suffix))
                File.Copy(store.DatabaseFile + suffix, file + suffix);
        }
        var databases = SqliteStorage.Create(file);
        var definitions = new DefinitionStore(databases, TestLibrary.Library, store.Clock);
        var applications = new Applications(databases, definitions, new FileDocumentStore(Path.Combine(folder, "empty")), store.Clock);
        return new Crashed(folder, applications, new AuditLog(databases));
    }

    private static async Task<byte[]> BytesAsync(Outcome<Stream> opened)
    {
        Assert.True(opened.Succeeded, opened.Refusal?.ToString());
        await using var stream = opened.Value!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private sealed record Crashed(string Folder, Applications Applications, AuditLog Audit) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow machine: the temporary folder is left behind, nothing else.
            }
            return ValueTask.CompletedTask;
        }
    }
}
