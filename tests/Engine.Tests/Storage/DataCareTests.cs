using EmploymentProcedures.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>An operator's checks and backups of a portal's data while it runs (<see cref="DataCare"/>).</summary>
public sealed class DataCareTests : IDisposable
{
    private readonly string _backups = Path.Combine(Path.GetTempPath(), "ep-backups-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_backups))
            Directory.Delete(_backups, recursive: true);
    }

    private static readonly DateTimeOffset Night = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [SqliteOnlyFact("DataCare checks the SQLite file and its documents (`procedures verify-data`); PostgreSQL has its own tools")]
    public async Task Verify_SubmittedApplications_AreWhole()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SubmittedAsync(TestStore.Applicant("amina"));
        await store.SubmittedAsync(TestStore.Applicant("youssef"));

        var found = await DataCare.VerifyAsync(store.Folder, store.DatabaseFile);

        Assert.True(found.Whole, found.ToString());
        Assert.Equal("ok", found.Integrity);
        Assert.True(found.Audit!.Entries > 0);
        Assert.Equal(1, found.Files); // both passports are the same bytes, kept once
    }

    [SqliteOnlyFact("DataCare checks the SQLite file and its documents (`procedures verify-data`); PostgreSQL has its own tools")]
    public async Task Verify_DocumentChangedOrLostOnDisk_NamesIt()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SubmittedAsync(TestStore.Applicant());
        var hash = (string)(await store.ScalarAsync("SELECT Hash FROM Documents"))!;
        await File.WriteAllTextAsync(store.Files!.PathOf(hash), "not the passport");

        var damaged = await DataCare.VerifyAsync(store.Folder, store.DatabaseFile);
        File.Delete(store.Files!.PathOf(hash));
        var missing = await DataCare.VerifyAsync(store.Folder, store.DatabaseFile);

        Assert.False(damaged.Whole);
        Assert.Equal([hash], damaged.Damaged);
        Assert.Equal([hash], missing.Missing);
    }

    [SqliteOnlyFact("DataCare checks the SQLite file and its documents (`procedures verify-data`); PostgreSQL has its own tools")]
    public async Task Verify_AuditEntryRewritten_SaysWhereTheChainBreaks()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SubmittedAsync(TestStore.Applicant());
        await store.SqlAsync("UPDATE Audit SET ActorId = 'someone-else' WHERE Sequence = 2");

        var found = await DataCare.VerifyAsync(store.Folder, store.DatabaseFile);

        Assert.False(found.Whole);
        Assert.Equal(2, found.Audit!.BrokenAt);
    }

    [SqliteOnlyFact("DataCare backs up the SQLite file; PostgreSQL is backed up with pg_dump")]
    public async Task Backup_WhileApplicationsAreSubmitted_IsAWholeCopyThatOpensWithItsApplications()
    {
        await using var store = await TestStore.CreateAsync();
        var before = await store.SubmittedAsync(TestStore.Applicant("amina"));
        Directory.CreateDirectory(Path.Combine(store.Folder, "keys"));
        await File.WriteAllTextAsync(Path.Combine(store.Folder, "keys", "key-1.xml"), "<key/>");
        // Submissions go on while the copy is taken: the copy is a consistent snapshot whatever it catches.
        var busy = Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
                await store.SubmittedAsync(TestStore.Applicant($"during-{i}"));
        });

        var report = await DataCare.BackupAsync(store.Folder, store.DatabaseFile, _backups, Night);
        await busy;

        Assert.True(report.Whole, report.ToString());
        Assert.Equal(Path.Combine(_backups, "20260302-020000"), report.Folder);
        Assert.Equal(1, report.Keys);
        Assert.Equal(1, report.DocumentsCopied);
        var copy = await SqliteStorage.OpenAsync(Path.Combine(report.Folder, "procedures.db"));
        var applications = new Applications(copy, store.Definitions, new FileDocumentStore(_backups), store.Clock);
        var restored = await applications.GetAsync(before.Id, TestStore.Applicant("amina"));
        Assert.True(restored.Succeeded, restored.ToString());
        Assert.Equal(before.Reference, restored.Value!.Reference);
        await using var passport = new FileDocumentStore(_backups).OpenRead((string)(await store.ScalarAsync("SELECT Hash FROM Documents"))!);
        Assert.NotNull(passport);
    }

    [SqliteOnlyFact("DataCare backs up the SQLite file; PostgreSQL is backed up with pg_dump")]
    public async Task Backup_Again_CopiesOnlyTheNewDocuments_AndLeavesOutADamagedOne()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SubmittedAsync(TestStore.Applicant());
        await DataCare.BackupAsync(store.Folder, store.DatabaseFile, _backups, Night);
        var png = await store.Documents.SaveAsync(new MemoryStream(TestStore.Png()), 1 << 20, ["png"]);
        var pdf = await store.Documents.SaveAsync(new MemoryStream(TestStore.Pdf("other")), 1 << 20, ["pdf"]);
        await File.WriteAllTextAsync(store.Files!.PathOf(pdf.Value!.Hash), "rotten");

        var second = await DataCare.BackupAsync(store.Folder, store.DatabaseFile, _backups, Night.AddDays(1));

        Assert.Equal((1, 1), (second.DocumentsCopied, second.DocumentsPresent));
        Assert.Equal([pdf.Value.Hash], second.DamagedInStore);
        Assert.False(second.Whole);
        Assert.True(File.Exists(Path.Combine(_backups, "documents", png.Value!.Hash[..2], png.Value.Hash[2..4], png.Value.Hash)));
        Assert.False(File.Exists(Path.Combine(_backups, "documents", pdf.Value.Hash[..2], pdf.Value.Hash[2..4], pdf.Value.Hash)));
    }
}
