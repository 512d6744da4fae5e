using System.Text.Json;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// Law 09-08: when a closed application's retention ends, its personal data goes (answers, documents on disk, messages,
/// letters, texts), and what the statistics and the legal record need stays, with a tombstone in the audit.
/// </summary>
public sealed class ErasureTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Karim = TestStore.DeskAgent();

    /// <summary>Ten years after closing, whatever the definition says.</summary>
    private static Task<DateTime?> TenYears(ProcedureDefinition definition, DateTime closedAt) => Task.FromResult<DateTime?>(closedAt.AddYears(10));

    private static readonly DashboardFilter Year2026 = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    /// <summary>Submitted with a passport, a message with a contract from the applicant, then rejected with a reason.</summary>
    private static async Task<Application> RejectedAsync(TestStore store, Actor applicant, string contract = "contrat")
    {
        var app = await store.SubmittedAsync(applicant);
        var posted = await store.Applications.PostMessageAsync(app.Id, applicant, "Voici le contrat signé par Amina El Idrissi",
            [new MessageFile("contrat.pdf", new MemoryStream(TestStore.Pdf(contract)))]);
        Assert.True(posted.Succeeded, posted.Refusal?.ToString());
        var rejected = await store.Applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.Reject, "Effectif déclaré de Mme El Idrissi incohérent"));
        Assert.True(rejected.Succeeded, rejected.ToString());
        return rejected.Application!;
    }

    private static async Task<string> FiguresAsync(TestStore store) =>
        JsonSerializer.Serialize((await new Dashboard(store.Databases, store.Definitions, store.Clock).FiguresAsync(Actor.System, Year2026)).Value);

    /// <summary><c>verify-data</c> finds the data whole (no file reported missing, the audit chain intact), referring to <paramref name="files"/> files.</summary>
    private static async Task AssertWholeAsync(TestStore store, int files)
    {
        var verified = await store.VerifyDataAsync();
        Assert.True(verified.Whole, verified.ToString());
        Assert.Equal(files, verified.Files);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EraseExpired_TimeTravelPastTheRetention_ErasesPersonalDataAndKeepsTheRecord(bool documentsInDatabase)
    {
        await using var store = await TestStore.CreateAsync(documentsInDatabase: documentsInDatabase);
        var app = await RejectedAsync(store, Amina);
        var passport = (string)(await store.ScalarAsync("SELECT \"Hash\" FROM \"Documents\""))!;
        var contract = (string)(await store.ScalarAsync("SELECT \"Hash\" FROM \"MessageAttachments\""))!;
        var figures = await FiguresAsync(store);
        var closed = store.Clock.Now;

        // store-visa says 'retention: 5y'.
        store.Clock.Now = closed.AddYears(5).AddMinutes(-1);
        var early = await store.Applications.EraseExpiredAsync();
        store.Clock.Now = closed.AddYears(5).AddDays(1);
        var erased = await store.Applications.EraseExpiredAsync();
        var again = await store.Applications.EraseExpiredAsync();

        Assert.Equal((0, 1, 0), (early, erased, again));
        var kept = (await store.Applications.GetAsync(app.Id, Amina)).Value!;
        Assert.Equal((ApplicationStatus.Rejected, app.Reference, "casablanca", app.SubmittedOn, app.DecidedOn, app.DefinitionVersion, "store-visa"),
            (kept.Status, kept.Reference, kept.Province, kept.SubmittedOn, kept.DecidedOn, kept.DefinitionVersion, kept.ProcedureId));
        Assert.Equal(store.Clock.Now.UtcDateTime, kept.ErasedAt);
        Assert.Equal("", kept.ApplicantName);
        Assert.Empty(kept.Answers);
        Assert.Empty(kept.Documents);
        Assert.Empty(kept.StepFields);
        Assert.Null(kept.AnswersBeforeChanges);
        Assert.Empty((await store.Applications.MessagesAsync(app.Id, Amina)).Value!);
        Assert.Empty((await store.Applications.IssuedAsync(app.Id, Amina)).Value!);
        Assert.False(store.Holds(passport));
        Assert.False(store.Holds(contract));
        Assert.All(await store.Outbox.ForUserAsync("amina"), n => Assert.Null(n.Comment));
        var history = (await store.Applications.HistoryAsync(app.Id, Karim)).Value!;
        Assert.Contains(history, h => h.Kind == WorkflowEvents.Decided && h.ToStatus == "rejected");
        Assert.All(history, h => Assert.Null(h.Comment));
        Assert.DoesNotContain(history, h => h.ActorName.Contains("Amina", StringComparison.Ordinal));
        var tombstone = (await store.AuditAsync())[^1];
        Assert.Equal((StorageEvents.Erased, Actor.SystemId, Applications.RetentionEnded, (Guid?)app.Id), tombstone);
        // Statistics do not move, whether read from the figures the transitions kept or rebuilt from the rows.
        Assert.Equal(figures, await FiguresAsync(store));
        await new Dashboard(store.Databases, store.Definitions, store.Clock).RebuildAsync();
        Assert.Equal(figures, await FiguresAsync(store));
        await AssertWholeAsync(store, files: 0);
    }

    [SqliteOnlyFact("reads the SQLite file's bytes")]
    public async Task EraseExpired_DatabaseFileRead_HoldsNoByteOfTheErasedTexts()
    {
        await using var store = await TestStore.CreateAsync();
        await RejectedAsync(store, Amina);
        store.Clock.Now = store.Clock.Now.AddYears(10);

        Assert.Equal(1, await store.Applications.EraseExpiredAsync());
        // The night's backup, then what a copy of the files would hold: the log written back into the database and emptied.
        var backups = Path.Combine(store.Folder, "..", Path.GetFileName(store.Folder) + "-backups");
        var backup = await DataCare.BackupAsync(store.Folder, store.DatabaseFile, backups, store.Clock.Now);
        await store.SqlAsync("PRAGMA wal_checkpoint(TRUNCATE);");

        try
        {
            foreach (var file in new[] { store.DatabaseFile, Path.Combine(backup.Folder, Path.GetFileName(store.DatabaseFile)) })
            {
                var bytes = await File.ReadAllBytesAsync(file);
                foreach (var erased in new[] { "Voici le contrat signé par Amina El Idrissi", "Effectif déclaré de Mme El Idrissi", Amina.Name })
                    Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(erased)) < 0, $"{file} still holds '{erased}'");
            }
        }
        finally
        {
            Directory.Delete(backups, recursive: true);
        }
    }

    [Fact]
    public async Task EraseExpired_ApplicationsStillOpen_AreNeverErasedWhateverTheClock()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(TestStore.Applicant("youssef"));
        var inReview = await store.SubmittedAsync(Amina);
        var waiting = await store.SubmittedAsync(TestStore.Applicant("salma"));
        Assert.True((await store.Applications.DecideAsync(waiting.Id, Karim,
            new WorkflowCommand.Decide("reception", StepAction.RequestChanges, "Précisez", ["company_name"]))).Succeeded);

        store.Clock.Now = store.Clock.Now.AddYears(80);
        var erased = await store.Applications.EraseExpiredAsync();

        Assert.Equal(0, erased);
        foreach (var id in new[] { draft.Id, inReview.Id, waiting.Id })
            Assert.False(await store.Applications.EraseAsync(id, Applications.RetentionEnded));
        var stillThere = (await store.Applications.GetAsync(inReview.Id, Amina)).Value!;
        Assert.Null(stillThere.ErasedAt);
        Assert.Equal("Atlas Textile SARL", stillThere.Answers["company_name"]);
        Assert.Single(stillThere.Documents);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Erase_PassportSharedWithAnotherApplication_KeepsTheFileForIt(bool documentsInDatabase)
    {
        await using var store = await TestStore.CreateAsync(documentsInDatabase: documentsInDatabase);
        var erased = await RejectedAsync(store, Amina);
        var other = await store.SubmittedAsync(TestStore.Applicant("youssef"));
        var passport = (string)(await store.ScalarAsync($"SELECT \"Hash\" FROM \"Documents\" WHERE \"ApplicationId\" = '{other.Id.ToString().ToUpperInvariant()}'"))!;

        Assert.True(await store.Applications.EraseAsync(erased.Id, Applications.RetentionEnded));

        Assert.True(store.Holds(passport));
        var opened = await store.Applications.OpenDocumentAsync(other.Id, TestStore.Applicant("youssef"), "passport", "passport.pdf");
        await using (opened.Value)
            Assert.True(opened.Succeeded, opened.Refusal?.ToString());
        await AssertWholeAsync(store, files: 1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Erase_ContentStoredAgainJustNow_KeepsTheFile(bool documentsInDatabase)
    {
        await using var store = await TestStore.CreateAsync(documentsInDatabase: documentsInDatabase);
        var app = await RejectedAsync(store, Amina, "contrat-unique");
        var contract = (string)(await store.ScalarAsync("SELECT \"Hash\" FROM \"MessageAttachments\""))!;
        store.Clock.Now = store.Clock.Now.AddYears(10).AddDays(1);
        // Someone uploads the same bytes now: the file is placed before the row that refers to it commits.
        var stored = await store.Documents.SaveAsync(new MemoryStream(TestStore.Pdf("contrat-unique")), 1 << 20, ["pdf"]);
        Assert.Equal(contract, stored.Value!.Hash);

        Assert.True(await store.Applications.EraseAsync(app.Id, Applications.RetentionEnded));

        Assert.True(store.Holds(contract));
    }

    [Fact]
    public async Task Erase_Withdrawn_ErasesAndTheAuditChainStillVerifies()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        Assert.True((await store.Applications.WithdrawAsync(app.Id, Amina, "Le salarié a renoncé")).Succeeded);
        store.Clock.Now = store.Clock.Now.AddYears(10).AddDays(1);

        Assert.Equal(1, await store.Applications.EraseExpiredAsync(TenYears));

        var kept = (await store.Applications.GetAsync(app.Id, Amina)).Value!;
        Assert.Equal((ApplicationStatus.Withdrawn, true), (kept.Status, kept.ErasedAt is not null));
        Assert.True((await store.Audit.VerifyAsync()).Intact);
        Assert.Empty(await store.Applications.PermittedActionsAsync(app.Id, Amina));
    }

    [Fact]
    public async Task EraseExpired_NewerVersionKeepsLonger_TheRetentionOfThePinnedVersionApplies()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await RejectedAsync(store, Amina);
        var yaml = File.ReadAllText(Path.Combine(TestStore.ProceduresFolder, "store-visa.yaml"));
        await store.PublishAsync(yaml.Replace("retention: 5y", "retention: 10y", StringComparison.Ordinal));
        var closed = store.Clock.Now;
        var later = await store.SubmittedAsync(TestStore.Applicant("youssef"));
        Assert.True((await store.Applications.WithdrawAsync(later.Id, TestStore.Applicant("youssef"))).Succeeded);

        store.Clock.Now = closed.AddYears(5).AddDays(1);
        var erased = await store.Applications.EraseExpiredAsync();

        Assert.Equal(1, erased);
        Assert.NotNull((await store.Applications.GetAsync(app.Id, Amina)).Value!.ErasedAt);
        Assert.Null((await store.Applications.GetAsync(later.Id, TestStore.Applicant("youssef"))).Value!.ErasedAt);
    }

    [Fact]
    public async Task Erase_TwoInstancesAtOnce_ErasesOnceWithOneTombstone()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await RejectedAsync(store, Amina);

        var erased = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => store.Applications.EraseAsync(app.Id, Applications.RetentionEnded))));

        Assert.Single(erased, e => e);
        Assert.Single(await store.AuditAsync(), a => a.Kind == StorageEvents.Erased);
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [SqliteOnlyFact("checks a step of the SQLite migrations; a PostgreSQL database starts from a schema that has the column")]
    public async Task Migration_ApplicationsClosedBeforeIt_TakeTheirLastChangeAsClosingTime()
    {
        await using var store = await TestStore.CreateAsync();
        var closed = await RejectedAsync(store, Amina);
        var open = await store.SubmittedAsync(TestStore.Applicant("youssef"));
        var updated = (string)(await store.ScalarAsync($"SELECT \"UpdatedAt\" FROM \"Applications\" WHERE \"Id\" = '{closed.Id.ToString().ToUpperInvariant()}'"))!;
        await using (var db = await store.Databases.CreateDbContextAsync())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261130083137_NotificationDeliveries");
            await migrator.MigrateAsync();
        }

        Assert.Equal(updated, await store.ScalarAsync($"SELECT \"ClosedAt\" FROM \"Applications\" WHERE \"Id\" = '{closed.Id.ToString().ToUpperInvariant()}'"));
        Assert.Equal(DBNull.Value, await store.ScalarAsync($"SELECT \"ClosedAt\" FROM \"Applications\" WHERE \"Id\" = '{open.Id.ToString().ToUpperInvariant()}'"));
    }
}
