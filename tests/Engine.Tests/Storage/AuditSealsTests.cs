using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// The daily seals of the audit chain: one per Moroccan day, chained, written once, the days a stopped portal missed filled
/// when it comes back; a chain rewritten with every hash recomputed is found at the sealed heads, and, when the seals were
/// rewritten too, against a copy saved earlier; an erasure's redaction leaves every seal valid.
/// </summary>
public sealed class AuditSealsTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Karim = TestStore.DeskAgent();
    private static readonly DateOnly Tuesday = TestStore.Monday.AddDays(1);

    /// <summary>The instant <paramref name="hour"/>:<paramref name="minute"/> of <paramref name="day"/>, UTC (the test clock's zone).</summary>
    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    private static async Task<List<AuditEntry>> EntriesAsync(TestStore store)
    {
        await using var db = await store.Databases.CreateDbContextAsync();
        return await db.Audit.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync();
    }

    private static async Task<IReadOnlyList<PublishedSeal>> SavedCopyAsync(AuditSeals seals)
    {
        using var file = new MemoryStream();
        await AuditSealFiles.WriteJsonAsync(await seals.ListAsync(), file);
        file.Position = 0;
        return AuditSealFiles.ReadJson(file);
    }

    /// <summary>
    /// What someone who can write to the database does to hide an edit: changes entry <paramref name="sequence"/>'s final
    /// status, then computes the hash of every entry from there on again, and the head's, as the portal would have.
    /// </summary>
    private static async Task RewriteChainFromAsync(TestStore store, long sequence)
    {
        await using var db = await store.Databases.CreateDbContextAsync();
        var entries = await db.Audit.Where(a => a.Sequence >= sequence).OrderBy(a => a.Sequence).ToListAsync();
        var previous = (await db.Audit.AsNoTracking().SingleOrDefaultAsync(a => a.Sequence == sequence - 1))?.Hash ?? AuditHead.Genesis;
        entries[0].ToStatus = "approved";
        foreach (var entry in entries)
        {
            entry.PreviousHash = previous;
            entry.Hash = AuditLog.HashOf(previous, entry);
            previous = entry.Hash;
        }
        (await db.AuditHeads.SingleAsync()).Hash = previous;
        await db.SaveChangesAsync();
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    /// <summary>Amina's application submitted on Monday, and Monday sealed on Tuesday at 01:00.</summary>
    private static async Task<(AuditSeals Seals, PublishedSeal Monday, Application Application)> MondaySealedAsync(TestStore store)
    {
        var app = await store.SubmittedAsync(Amina);
        var seals = new AuditSeals(store.Databases, store.Clock);
        store.Clock.Now = At(Tuesday, 1);
        return (seals, Assert.Single(await seals.SealAsync()), app);
    }

    [Fact]
    public async Task Seal_DayOverForFiveMinutes_RecordsItsLastEntryAndCountChainedFromTheStart()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SubmittedAsync(Amina);
        var seals = new AuditSeals(store.Databases, store.Clock);
        store.Clock.Now = At(Tuesday, 0, 4);
        Assert.Empty(await seals.SealAsync());

        store.Clock.Now = At(Tuesday, 0, 6);
        var seal = Assert.Single(await seals.SealAsync());

        var entries = await EntriesAsync(store);
        Assert.Equal((TestStore.Monday, entries[^1].Sequence, entries[^1].Hash, (long)entries.Count, AuditSeals.Genesis),
            (seal.Day, seal.HeadSequence, seal.HeadHash, seal.Entries, seal.PreviousHash));
        Assert.Equal(AuditSeals.HashOf(seal), seal.Hash);
        Assert.Equal(store.Clock.Now.UtcDateTime, seal.SealedAt);
        Assert.Equal([seal], await seals.ListAsync());
        var verification = await seals.VerifyAsync();
        Assert.True(verification.Intact, string.Join("; ", verification.Problems));
    }

    [Fact]
    public async Task Seal_Again_WritesNothingMoreAndKeepsTheFirst()
    {
        await using var store = await TestStore.CreateAsync();
        var (seals, first, _) = await MondaySealedAsync(store);
        await store.SubmittedAsync(TestStore.Applicant("youssef"));

        store.Clock.Now = At(Tuesday, 2);
        Assert.Empty(await seals.SealAsync());

        Assert.Equal([first], await seals.ListAsync());
    }

    [Fact]
    public async Task Seal_AfterTheWholeDaysPortalWasDown_SealsEachMissedDayWithTheChainAsItStoodAtItsEnd()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SubmittedAsync(Amina);
        var monday = (await EntriesAsync(store))[^1];
        store.Clock.Now = At(Tuesday, 10);
        await store.SubmittedAsync(TestStore.Applicant("youssef"));
        var tuesday = (await EntriesAsync(store))[^1];
        var seals = new AuditSeals(store.Databases, store.Clock);

        // Down from Tuesday evening to Friday morning: nothing sealed Monday to Thursday, nothing written Wednesday or Thursday.
        store.Clock.Now = At(TestStore.Monday.AddDays(4), 8);
        var written = await seals.SealAsync();

        Assert.Equal([TestStore.Monday, Tuesday, Tuesday.AddDays(1), Tuesday.AddDays(2)], written.Select(s => s.Day));
        Assert.Equal([(monday.Sequence, monday.Hash, monday.Sequence), (tuesday.Sequence, tuesday.Hash, tuesday.Sequence - monday.Sequence),
            (tuesday.Sequence, tuesday.Hash, 0L), (tuesday.Sequence, tuesday.Hash, 0L)],
            written.Select(s => (s.HeadSequence, s.HeadHash, s.Entries)));
        Assert.Equal(written.SkipLast(1).Select(s => s.Hash), written.Skip(1).Select(s => s.PreviousHash));
        Assert.True((await seals.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Seal_ChainEmpty_SealsYesterdayAsTheStart()
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        var seals = new AuditSeals(store.Databases, store.Clock);

        var seal = Assert.Single(await seals.SealAsync());

        Assert.Equal((TestStore.Monday.AddDays(-1), 0L, AuditSeals.Genesis, 0L), (seal.Day, seal.HeadSequence, seal.HeadHash, seal.Entries));
        Assert.True((await seals.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Seal_InMoroccosZone_AnEntryAfterMidnightThereIsTheNextDays()
    {
        await using var store = await TestStore.CreateAsync();
        var moroccan = new ZonedClock(store.Clock, TimeZoneInfo.CreateCustomTimeZone("UTC+1", TimeSpan.FromHours(1), "UTC+1", "UTC+1"));
        store.Clock.Now = At(TestStore.Monday, 22, 30);
        await store.SubmittedAsync(Amina);
        var beforeMidnight = (await EntriesAsync(store))[^1];
        // 23:30 UTC is half past midnight on Tuesday in Morocco.
        store.Clock.Now = At(TestStore.Monday, 23, 30);
        await store.SubmittedAsync(TestStore.Applicant("youssef"));
        var seals = new AuditSeals(store.Databases, moroccan);

        store.Clock.Now = At(Tuesday, 23, 10);
        var written = await seals.SealAsync();

        Assert.Equal([(TestStore.Monday, beforeMidnight.Sequence), (Tuesday, (await EntriesAsync(store))[^1].Sequence)], written.Select(s => (s.Day, s.HeadSequence)));
    }

    [Fact]
    public async Task Verify_ChainRewrittenWithEveryHashRecomputed_PassesTheChainsOwnCheckButNotTheSeals()
    {
        await using var store = await TestStore.CreateAsync();
        var (seals, seal, app) = await MondaySealedAsync(store);
        var submitted = (await EntriesAsync(store)).Single(e => e.ApplicationId == app.Id && e.Kind == WorkflowEvents.Submitted);

        await RewriteChainFromAsync(store, submitted.Sequence);
        var verification = await seals.VerifyAsync();

        Assert.False(verification.Intact);
        Assert.Contains($"the chain's entry {seal.HeadSequence} has the hash", Assert.Single(verification.Problems), StringComparison.Ordinal);
        Assert.Contains("the chain was rewritten", verification.Problems[0], StringComparison.Ordinal);
        var data = await store.VerifyDataAsync();
        Assert.True(data.Audit!.Intact);
        Assert.False(data.Whole);
    }

    [Fact]
    public async Task Verify_ChainAndSealsRewritten_PassesAloneButFailsAgainstTheCopySavedEarlier()
    {
        await using var store = await TestStore.CreateAsync();
        var (seals, _, app) = await MondaySealedAsync(store);
        var saved = await SavedCopyAsync(seals);
        var submitted = (await EntriesAsync(store)).Single(e => e.ApplicationId == app.Id && e.Kind == WorkflowEvents.Submitted);

        await RewriteChainFromAsync(store, submitted.Sequence);
        Assert.Equal(1, await store.SqlAsync("DELETE FROM \"AuditSeals\""));
        Assert.Single(await seals.SealAsync());
        Assert.True((await seals.VerifyAsync()).Intact);
        var verification = await seals.VerifyAsync(saved);

        Assert.False(verification.Intact);
        Assert.Equal(1, verification.Saved);
        Assert.Contains(verification.Problems, p => p.StartsWith("the database's seal of 2026-03-02 differs from the saved one", StringComparison.Ordinal));
        Assert.Contains(verification.Problems, p => p.Contains("the saved seal of 2026-03-02 says", StringComparison.Ordinal));
        Assert.False((await DataCare.VerifyAsync(store.Folder, store.Databases, saved)).Whole);
    }

    [Fact]
    public async Task Verify_UntouchedAgainstTheSavedCopy_IsIntact()
    {
        await using var store = await TestStore.CreateAsync();
        var (seals, _, _) = await MondaySealedAsync(store);
        var saved = await SavedCopyAsync(seals);
        await store.SubmittedAsync(TestStore.Applicant("youssef"));
        store.Clock.Now = At(Tuesday.AddDays(1), 1);
        await seals.SealAsync();

        var verification = await seals.VerifyAsync(saved);

        Assert.True(verification.Intact, string.Join("; ", verification.Problems));
        Assert.Equal((2, Tuesday, (int?)1), (verification.Seals, verification.LastDay, verification.Saved));
    }

    [Fact]
    public async Task Erase_AfterTheSeals_RedactionKeepsEverySealValidAndTheSavedCopyMatching()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        var rejected = await store.Applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.Reject, "Effectif incohérent, Amina"));
        Assert.True(rejected.Succeeded, rejected.ToString());
        var seals = new AuditSeals(store.Databases, store.Clock);
        store.Clock.Now = At(Tuesday, 1);
        await seals.SealAsync();
        var saved = await SavedCopyAsync(seals);
        var head = (await EntriesAsync(store)).Single(e => e.Sequence == saved[0].HeadSequence);
        Assert.Equal(app.Id, head.ApplicationId);
        Assert.NotNull(head.Salt);

        store.Clock.Now = store.Clock.Now.AddYears(10);
        Assert.True(await store.Applications.EraseAsync(app.Id, Applications.RetentionEnded));

        // The sealed head is one of the erased application's entries: its texts are gone, its hash is the same.
        var redacted = (await EntriesAsync(store)).Single(e => e.Sequence == head.Sequence);
        Assert.Equal((null, (string?)null, head.Hash), (redacted.Comment, redacted.Salt, redacted.Hash));
        await seals.SealAsync();
        var verification = await seals.VerifyAsync(saved);
        Assert.True(verification.Intact, string.Join("; ", verification.Problems));
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    public static TheoryData<string, string, string> TamperingWithSeals => new()
    {
        { "a seal's count", "UPDATE \"AuditSeals\" SET \"Entries\" = \"Entries\" + 1 WHERE \"Day\" = '2026-03-03'", "the seal of 2026-03-03 was changed after it was written" },
        { "a seal's head", "UPDATE \"AuditSeals\" SET \"HeadSequence\" = 1 WHERE \"Day\" = '2026-03-03'", "the seal of 2026-03-03 was changed after it was written" },
        { "a seal removed", "DELETE FROM \"AuditSeals\" WHERE \"Day\" = '2026-03-03'", "no seal from 2026-03-03 to 2026-03-03: removed" },
        { "the last entries removed", "DELETE FROM \"Audit\" WHERE \"Sequence\" > (SELECT \"HeadSequence\" FROM \"AuditSeals\" WHERE \"Day\" = '2026-03-02')", "which the seal of 2026-03-03 ends with: entries were removed" },
    };

    [Theory]
    [MemberData(nameof(TamperingWithSeals))]
    public async Task Verify_SealsTamperedWith_SaysWhichAndWhy(string tampering, string sql, string problem)
    {
        await using var store = await TestStore.CreateAsync();
        await store.SubmittedAsync(Amina);
        store.Clock.Now = At(Tuesday, 10);
        await store.SubmittedAsync(TestStore.Applicant("youssef"));
        var seals = new AuditSeals(store.Databases, store.Clock);
        store.Clock.Now = At(Tuesday.AddDays(2), 1);
        Assert.Equal(3, (await seals.SealAsync()).Count);

        Assert.True(await store.SqlAsync(sql) > 0, tampering);
        var verification = await seals.VerifyAsync();

        Assert.False(verification.Intact, tampering);
        Assert.Contains(verification.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadJson_WrittenSeals_ReadsThemBackFieldForField()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SubmittedAsync(Amina);
        var seals = new AuditSeals(store.Databases, store.Clock);
        store.Clock.Now = At(Tuesday.AddDays(1), 1);
        await seals.SealAsync();

        Assert.Equal(await seals.ListAsync(), await SavedCopyAsync(seals));
    }

    [Theory]
    [InlineData("{", "not JSON")]
    [InlineData("{\"format\":\"statistics\",\"seals\":[]}", "not a file of audit seals")]
    [InlineData("{\"format\":\"audit-seals-1\",\"seals\":[{\"day\":\"2026-03-02\"}]}", "seal 1: no \"headSequence\" number")]
    [InlineData("{\"format\":\"audit-seals-1\",\"seals\":[{\"day\":\"2 March\",\"headSequence\":1,\"entries\":1}]}", "seal 1: \"day\" is not a date")]
    public void ReadJson_NotAFileOfSeals_SaysWhatIsWrong(string json, string message)
    {
        using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<FormatException>(() => AuditSealFiles.ReadJson(file));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>The test clock's instant in another zone (Morocco's offset), for the day a seal is of.</summary>
    private sealed class ZonedClock(TestClock inner, TimeZoneInfo zone) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => inner.Now;

        public override TimeZoneInfo LocalTimeZone => zone;
    }
}
