using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// Format 2 of the audit chain: the personal texts (comments, an applicant's name, a message's fingerprint) are covered by
/// digests salted per entry, so the erasure forgets them and the chain still proves who did what and when.
/// </summary>
public sealed class AuditRedactionTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Youssef = TestStore.Applicant("youssef");
    private static readonly Actor Karim = TestStore.DeskAgent();

    /// <summary>Submitted, a message from the applicant, then rejected with a reason naming her.</summary>
    private static async Task<Application> RejectedAsync(TestStore store, Actor applicant)
    {
        var app = await store.SubmittedAsync(applicant);
        var posted = await store.Applications.PostMessageAsync(app.Id, applicant, "Voici le contrat signé par " + applicant.Name, []);
        Assert.True(posted.Succeeded, posted.Refusal?.ToString());
        var rejected = await store.Applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.Reject, "Effectif incohérent, " + applicant.Name));
        Assert.True(rejected.Succeeded, rejected.ToString());
        return rejected.Application!;
    }

    private static async Task<List<AuditEntry>> EntriesAsync(TestStore store, Guid id)
    {
        await using var db = await store.Databases.CreateDbContextAsync();
        return await db.Audit.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.Sequence).ToListAsync();
    }

    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    [Fact]
    public async Task Append_ApplicantAndReviewer_Format2WithTheirPersonalTextsDigestedUnderTheirOwnSalt()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await RejectedAsync(store, Amina);

        var entries = await EntriesAsync(store, app.Id);

        Assert.All(entries, e => Assert.Equal(2, e.Format));
        var submitted = Assert.Single(entries, e => e.Kind == WorkflowEvents.Submitted);
        Assert.NotNull(submitted.Salt);
        Assert.NotNull(submitted.ActorNameDigest);
        Assert.Equal(app.Reference, submitted.Detail);
        Assert.Null(submitted.DetailDigest);
        var message = Assert.Single(entries, e => e.Kind == StorageEvents.MessagePosted);
        Assert.NotNull(message.DetailDigest);
        var decided = Assert.Single(entries, e => e.Kind == WorkflowEvents.Decided);
        // A reviewer acts in their office: their name stays in clear, their reason is a personal text.
        Assert.Null(decided.ActorNameDigest);
        Assert.NotNull(decided.CommentDigest);
        Assert.Equal(entries.Count(e => e.Salt is not null), entries.Select(e => e.Salt).OfType<string>().Distinct().Count());
        var verification = await store.Audit.VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task Erase_RedactsTheApplicationsPersonalTextsAndNotAnothers_ChainStillVerifies()
    {
        await using var store = await TestStore.CreateAsync();
        var erased = await RejectedAsync(store, Amina);
        var other = await RejectedAsync(store, Youssef);
        var before = await EntriesAsync(store, erased.Id);
        var others = await EntriesAsync(store, other.Id);
        store.Clock.Now = store.Clock.Now.AddYears(10);

        Assert.True(await store.Applications.EraseAsync(erased.Id, Applications.RetentionEnded));

        var after = await EntriesAsync(store, erased.Id);
        Assert.Equal(before.Count + 1, after.Count);
        Assert.All(after, e => Assert.Null(e.Comment));
        Assert.All(after, e => Assert.Null(e.Salt));
        Assert.DoesNotContain(after, e => e.ActorName.Contains("Amina", StringComparison.Ordinal) || (e.Detail ?? "").Contains("sha256", StringComparison.Ordinal));
        Assert.All(before.Zip(after), pair => Assert.Equal(pair.First.Salt is null ? null : store.Clock.Now.UtcDateTime, pair.Second.RedactedAt));
        // Who, what and when stay: the actor's id and role, the kind, the step, the statuses, the date, and the hash.
        Assert.Equal(before.Select(e => (e.ActorId, e.ActorRole, e.Kind, e.Step, e.FromStatus, e.ToStatus, e.At, e.Hash, e.CommentDigest, e.ActorNameDigest)),
            after.Take(before.Count).Select(e => (e.ActorId, e.ActorRole, e.Kind, e.Step, e.FromStatus, e.ToStatus, e.At, e.Hash, e.CommentDigest, e.ActorNameDigest)));
        Assert.Equal("Karim karim", after.Single(e => e.Kind == WorkflowEvents.Decided).ActorName);
        Assert.Equal((StorageEvents.Erased, (string?)null), (after[^1].Kind, after[^1].Salt));
        Assert.Equal(others.Select(e => (e.Comment, e.ActorName, e.Detail, e.Salt)), (await EntriesAsync(store, other.Id)).Select(e => (e.Comment, e.ActorName, e.Detail, e.Salt)));
        var verification = await store.Audit.VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
        var dossier = await store.Applications.DossierAsync(erased.Id, Karim);
        Assert.True(dossier.Succeeded, dossier.Refusal?.ToString());
        Assert.All(dossier.Value!.Audit!.Entries, e => Assert.True(e.Verified, e.Record.Kind));
    }

    public static TheoryData<string, string> TamperingWithRedacted => new()
    {
        { "a comment's digest rewritten", "UPDATE \"Audit\" SET \"CommentDigest\" = '" + new string('a', 64) + "' WHERE \"Kind\" = 'decided'" },
        { "the applicant's name's digest rewritten", "UPDATE \"Audit\" SET \"ActorNameDigest\" = '" + new string('b', 64) + "' WHERE \"Kind\" = 'submitted'" },
        { "a comment put back without its salt", "UPDATE \"Audit\" SET \"Comment\" = 'Dossier conforme' WHERE \"Kind\" = 'decided'" },
        { "a comment put back with a salt of its own", "UPDATE \"Audit\" SET \"Comment\" = 'Dossier conforme', \"Salt\" = '" + new string('c', 32) + "' WHERE \"Kind\" = 'decided'" },
    };

    [Theory]
    [MemberData(nameof(TamperingWithRedacted))]
    public async Task Verify_RedactedEntryTampered_Fails(string tampering, string sql)
    {
        await using var store = await TestStore.CreateAsync();
        var app = await RejectedAsync(store, Amina);
        Assert.True(await store.Applications.EraseAsync(app.Id, Applications.RetentionEnded));
        Assert.True((await store.Audit.VerifyAsync()).Intact);

        Assert.Equal(1, await store.SqlAsync(sql + $" AND \"ApplicationId\" = '{Key(app.Id)}'"));
        var verification = await store.Audit.VerifyAsync();

        Assert.False(verification.Intact, tampering);
        var kind = sql.Contains("'submitted'", StringComparison.Ordinal) ? WorkflowEvents.Submitted : WorkflowEvents.Decided;
        Assert.Equal((await EntriesAsync(store, app.Id)).Single(e => e.Kind == kind).Sequence, verification.BrokenAt);
        var dossier = await store.Applications.DossierAsync(app.Id, Karim);
        Assert.Contains(dossier.Value!.Audit!.Entries, e => !e.Verified);
    }

    public static TheoryData<string, string> TamperingWithWhole => new()
    {
        { "the reviewer's reason", "UPDATE \"Audit\" SET \"Comment\" = 'Dossier conforme' WHERE \"Kind\" = 'decided'" },
        { "the applicant's name", "UPDATE \"Audit\" SET \"ActorName\" = 'Someone Else' WHERE \"Kind\" = 'submitted'" },
        { "the message's fingerprint", "UPDATE \"Audit\" SET \"Detail\" = 'sha256 " + new string('d', 64) + "; 0 attachment(s)' WHERE \"Kind\" = 'message_posted'" },
        { "the reviewer's reason and its digest, without the salt", "UPDATE \"Audit\" SET \"Comment\" = 'Dossier conforme', \"CommentDigest\" = '" + new string('e', 64) + "' WHERE \"Kind\" = 'decided'" },
        { "the salt", "UPDATE \"Audit\" SET \"Salt\" = '" + new string('f', 32) + "' WHERE \"Kind\" = 'decided'" },
        { "a reviewer's name in clear", "UPDATE \"Audit\" SET \"ActorName\" = 'Someone Else' WHERE \"Kind\" = 'decided'" },
    };

    [Theory]
    [MemberData(nameof(TamperingWithWhole))]
    public async Task Verify_WholeFormat2EntryTextChanged_Fails(string tampering, string sql)
    {
        await using var store = await TestStore.CreateAsync();
        var app = await RejectedAsync(store, Amina);
        Assert.True((await store.Audit.VerifyAsync()).Intact);

        Assert.Equal(1, await store.SqlAsync(sql + $" AND \"ApplicationId\" = '{Key(app.Id)}'"));
        var verification = await store.Audit.VerifyAsync();

        Assert.False(verification.Intact, tampering);
        Assert.NotNull(verification.BrokenAt);
    }

    [Fact]
    public async Task Verify_EntryOfAFileNotErasedRedactedInTheTable_FailsThere()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await RejectedAsync(store, Amina);
        var decided = (await EntriesAsync(store, app.Id)).Single(e => e.Kind == WorkflowEvents.Decided);

        Assert.Equal(1, await store.SqlAsync($"UPDATE \"Audit\" SET \"Comment\" = NULL, \"Salt\" = NULL, \"RedactedAt\" = '2026-03-02 10:00:00' WHERE \"Sequence\" = {decided.Sequence}"));
        var verification = await store.Audit.VerifyAsync();

        Assert.False(verification.Intact);
        Assert.Equal(decided.Sequence, verification.BrokenAt);
        Assert.Contains("not erased", verification.Problem, StringComparison.Ordinal);
    }

    [SqliteOnlyFact("stops the SQLite migrations before RedactableAudit to write format-1 entries; a PostgreSQL database starts at format 2")]
    public async Task Verify_Format1ChainWrittenBeforeTheUpgradeThenFormat2_Verifies()
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        // The database as it was before format 2: the entries' columns without the digests.
        await using (var db = await store.Databases.CreateDbContextAsync())
            await db.GetService<IMigrator>().MigrateAsync("20261130151333_Erasure");
        var previous = AuditHead.Genesis;
        var old = new List<AuditEntry>();
        for (var sequence = 1; sequence <= 3; sequence++)
        {
            var entry = new AuditEntry
            {
                Sequence = sequence,
                At = new DateTime(2026, 1, 5, 9, sequence, 0, DateTimeKind.Utc),
                ApplicationId = Guid.NewGuid(),
                ActorId = "amina",
                ActorName = "Amina El Idrissi",
                ActorRole = "employer",
                Kind = WorkflowEvents.Withdrawn,
                Comment = "Le salarié a renoncé",
                PreviousHash = previous,
                Hash = "",
                Format = 1,
            };
            entry.Hash = AuditLog.HashOf(previous, entry);
            previous = entry.Hash;
            old.Add(entry);
            await store.SqlAsync("INSERT INTO \"Audit\" (\"Sequence\", \"At\", \"ApplicationId\", \"ActorId\", \"ActorName\", \"ActorRole\", \"Kind\", \"Comment\", \"PreviousHash\", \"Hash\") VALUES "
                + $"({sequence}, '{entry.At:yyyy-MM-dd HH:mm:ss}', '{Key(entry.ApplicationId!.Value)}', 'amina', 'Amina El Idrissi', 'employer', 'withdrawn', 'Le salarié a renoncé', '{entry.PreviousHash}', '{entry.Hash}')");
        }
        await store.SqlAsync($"UPDATE \"AuditHead\" SET \"Sequence\" = 3, \"Hash\" = '{previous}'");
        await using (var db = await store.Databases.CreateDbContextAsync())
            await db.GetService<IMigrator>().MigrateAsync();

        var format1 = await store.Audit.VerifyAsync();
        foreach (var file in Directory.EnumerateFiles(TestStore.ProceduresFolder, "*.yaml"))
            await store.PublishAsync(File.ReadAllText(file));
        var app = await RejectedAsync(store, Amina);
        Assert.True(await store.Applications.EraseAsync(app.Id, Applications.RetentionEnded));
        var mixed = await store.Audit.VerifyAsync();

        Assert.True(format1.Intact, format1.Problem);
        Assert.Equal(3, format1.Entries);
        Assert.True(mixed.Intact, mixed.Problem);
        Assert.Equal((long)3, await store.ScalarAsync("SELECT COUNT(*) FROM \"Audit\" WHERE \"Format\" = 1 AND \"Comment\" = 'Le salarié a renoncé' AND \"RedactedAt\" IS NULL"));
        Assert.Equal(mixed.Entries - 3, (long)(await store.ScalarAsync("SELECT COUNT(*) FROM \"Audit\" WHERE \"Format\" = 2"))!);
        // A format-1 entry's text is still covered by its hash.
        await store.SqlAsync("UPDATE \"Audit\" SET \"Comment\" = 'Autre motif' WHERE \"Sequence\" = 2");
        Assert.Equal(2, (await store.Audit.VerifyAsync()).BrokenAt);
    }

    [Fact]
    public async Task DeleteAbandonedDraft_RedactsItsEntries_ChainStillVerifies()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        store.Clock.Now = store.Clock.Now.AddDays(200);
        await store.Applications.SweepDraftsAsync(TimeSpan.FromDays(183), TimeSpan.FromDays(14));
        store.Clock.Now = store.Clock.Now.AddDays(15);

        Assert.Equal(1, (await store.Applications.SweepDraftsAsync(TimeSpan.FromDays(183), TimeSpan.FromDays(14))).Deleted);

        var entries = await EntriesAsync(store, draft.Id);
        Assert.Contains(entries, e => e.Kind == StorageEvents.DraftDeleted);
        Assert.DoesNotContain(entries, e => e.ActorName.Contains("Amina", StringComparison.Ordinal) || e.Salt is not null);
        var verification = await store.Audit.VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
    }
}
