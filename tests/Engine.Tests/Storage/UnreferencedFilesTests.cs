using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// The store's files nothing refers to (a crash between an erasure's commit and its deletions, an upload whose row never
/// committed) are deleted by the sweep, and only those: never a file a row refers to, one stored lately, or an upload
/// still being written.
/// </summary>
public sealed class UnreferencedFilesTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Youssef = TestStore.Applicant("youssef");

    private static async Task<string> StoreAsync(TestStore store, string text)
    {
        var stored = await store.Documents.SaveAsync(new MemoryStream(TestStore.Pdf(text)), 1 << 20, ["pdf"]);
        Assert.True(stored.Succeeded, stored.Refusal?.ToString());
        return stored.Value!.Hash;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DeleteUnreferencedFiles_OldOrphanAmongReferencedRecentAndSharedFiles_DeletesOnlyTheOrphan(bool documentsInDatabase)
    {
        await using var store = await TestStore.CreateAsync(documentsInDatabase: documentsInDatabase);
        // Two employers attach the same passport scan (the same bytes): one file is kept for both.
        var erased = await store.SubmittedAsync(Amina);
        var kept = await store.SubmittedAsync(Youssef);
        var shared = (string)(await store.ScalarAsync($"SELECT \"Hash\" FROM \"Documents\" WHERE \"ApplicationId\" = '{kept.Id.ToString().ToUpperInvariant()}'"))!;
        Assert.Equal(shared, await store.ScalarAsync($"SELECT \"Hash\" FROM \"Documents\" WHERE \"ApplicationId\" = '{erased.Id.ToString().ToUpperInvariant()}'"));
        Assert.True((await store.Applications.WithdrawAsync(erased.Id, Amina)).Succeeded);
        Assert.True(await store.Applications.EraseAsync(erased.Id, Applications.RetentionEnded));
        // An upload whose row never committed, and a temporary file an upload left.
        var orphan = await StoreAsync(store, "jamais enregistré");
        var part = Path.Combine(store.Folder, "documents", "incoming", Guid.NewGuid().ToString("N") + ".part");
        await File.WriteAllBytesAsync(part, TestStore.Pdf("en cours"));
        File.SetLastWriteTimeUtc(part, store.Clock.Now.UtcDateTime.AddHours(-1));
        store.Clock.Now = store.Clock.Now.Add(Applications.RecentlyStored).AddMinutes(1);
        // Stored a moment ago: its row may be about to commit.
        var recent = await StoreAsync(store, "à l'instant");
        var counted = (await store.VerifyDataAsync()).Unreferenced;

        var deleted = await store.Applications.DeleteUnreferencedFilesAsync();
        var again = await store.Applications.DeleteUnreferencedFilesAsync();

        Assert.Equal((2, 1, 0), (counted, deleted, again));
        Assert.False(store.Holds(orphan));
        Assert.True(store.Holds(shared));
        Assert.True(store.Holds(recent));
        Assert.True(File.Exists(part));
        var verified = await store.VerifyDataAsync();
        Assert.True(verified.Whole, verified.ToString());
        Assert.Equal(1, verified.Unreferenced);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DeleteUnreferencedFiles_UploadACrashInterrupted_DeletesItsTemporaryFileOnceADayOld(bool documentsInDatabase)
    {
        await using var store = await TestStore.CreateAsync(documentsInDatabase: documentsInDatabase);
        var incoming = Path.Combine(store.Folder, "documents", "incoming");
        var abandoned = Path.Combine(incoming, Guid.NewGuid().ToString("N") + ".part");
        var arriving = Path.Combine(incoming, Guid.NewGuid().ToString("N") + ".part");
        await File.WriteAllBytesAsync(abandoned, TestStore.Pdf("interrompu"));
        await File.WriteAllBytesAsync(arriving, TestStore.Pdf("en cours"));
        File.SetLastWriteTimeUtc(abandoned, store.Clock.Now.UtcDateTime - FileDocumentStore.AbandonedUpload - TimeSpan.FromMinutes(1));
        File.SetLastWriteTimeUtc(arriving, store.Clock.Now.UtcDateTime - FileDocumentStore.AbandonedUpload + TimeSpan.FromMinutes(1));

        var deleted = await store.Applications.DeleteUnreferencedFilesAsync();

        Assert.Equal(1, deleted);
        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(arriving));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PostMessage_UploadOutlastingRecentlyStoredWhileTheSweepRuns_NeverRefersToAMissingFile(bool documentsInDatabase)
    {
        await using var store = await TestStore.CreateAsync(documentsInDatabase: documentsInDatabase);
        var app = await store.SubmittedAsync(Amina);
        var swept = 0;
        // The first file is in the store; the second arrives slowly, and the sweep runs meanwhile.
        var slow = new SlowStream(TestStore.Pdf("deuxième"), async () =>
        {
            store.Clock.Now = store.Clock.Now.Add(Applications.RecentlyStored).AddMinutes(1);
            swept = await store.Applications.DeleteUnreferencedFilesAsync();
        });

        var posted = await store.Applications.PostMessageAsync(app.Id, Amina, "Les deux pièces demandées",
            [new MessageFile("premiere.pdf", new MemoryStream(TestStore.Pdf("première"))), new MessageFile("deuxieme.pdf", slow)]);

        Assert.Equal(1, swept);
        Assert.Equal(RefusalCodes.Busy, posted.Refusal?.Code);
        var verified = await store.VerifyDataAsync();
        Assert.True(verified.Whole, string.Join(", ", verified.Missing));
    }

    [Fact]
    public async Task MessageAll_UploadOutlastingRecentlyStoredWhileTheSweepRuns_SendsToNoFileRatherThanReferToAMissingOne()
    {
        await using var store = await TestStore.CreateAsync();
        var first = await store.SubmittedAsync(Amina);
        var second = await store.SubmittedAsync(TestStore.Applicant("brahim"));
        var slow = new SlowStream(TestStore.Pdf("deuxième"), async () =>
        {
            store.Clock.Now = store.Clock.Now.Add(Applications.RecentlyStored).AddMinutes(1);
            await store.Applications.DeleteUnreferencedFilesAsync();
        });

        var result = (await store.Applications.MessageAllAsync([first.Id, second.Id], TestStore.DeskAgent(), "Les deux nouveaux modèles",
            [new MessageFile("premiere.pdf", new MemoryStream(TestStore.Pdf("première"))), new MessageFile("deuxieme.pdf", slow)])).Value!;

        Assert.Equal([RefusalCodes.Busy, RefusalCodes.Busy], result.Lines.Select(l => l.Refusal?.Code));
        Assert.Empty((await store.Applications.MessagesAsync(first.Id, Amina)).Value!);
        var verified = await store.VerifyDataAsync();
        Assert.True(verified.Whole, string.Join(", ", verified.Missing));
    }

    /// <summary>Runs <paramref name="meanwhile"/> before its first byte is read: an upload that takes its time.</summary>
    private sealed class SlowStream(byte[] bytes, Func<Task> meanwhile) : MemoryStream(bytes)
    {
        private bool _waited;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_waited)
            {
                _waited = true;
                await meanwhile();
            }
            return await base.ReadAsync(buffer, cancellationToken);
        }
    }

    [Fact]
    public async Task DeleteUnreferencedFiles_MoreThanARoundsWorth_DeletesTheRestNextRound()
    {
        await using var store = await TestStore.CreateAsync();
        var documents = Path.Combine(store.Folder, "documents");
        var old = store.Clock.Now.UtcDateTime.AddDays(-1);
        for (var i = 0; i < Applications.UnreferencedFilesPerRound + 5; i++)
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)));
            var path = FileDocumentStore.PathIn(documents, hash);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, BitConverter.GetBytes(i));
            File.SetLastWriteTimeUtc(path, old);
        }

        var first = await store.Applications.DeleteUnreferencedFilesAsync();
        var second = await store.Applications.DeleteUnreferencedFilesAsync();

        Assert.Equal((Applications.UnreferencedFilesPerRound, 5), (first, second));
        Assert.Empty(FileDocumentStore.HashesIn(documents));
    }
}
