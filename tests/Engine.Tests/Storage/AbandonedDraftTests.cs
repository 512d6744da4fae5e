using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>A draft nobody touches for six months goes with its files, its applicant told two weeks before, once.</summary>
public sealed class AbandonedDraftTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly TimeSpan Retention = TimeSpan.FromDays(183);
    private static readonly TimeSpan Warning = TimeSpan.FromDays(14);

    [Fact]
    public async Task SweepDrafts_UntouchedDraft_IsAnnouncedOnceThenDeletedWithItsFile()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        var passport = (string)(await store.ScalarAsync("SELECT \"Hash\" FROM \"Documents\""))!;
        var touched = store.Clock.Now;

        store.Clock.Now = touched + Retention - Warning - TimeSpan.FromMinutes(1);
        var tooEarly = await store.Applications.SweepDraftsAsync(Retention, Warning);
        store.Clock.Now = touched + Retention - Warning;
        var announced = await store.Applications.SweepDraftsAsync(Retention, Warning);
        store.Clock.Now = touched + Retention - TimeSpan.FromDays(1);
        var notYet = await store.Applications.SweepDraftsAsync(Retention, Warning);

        Assert.Equal((new DraftSweepReport(0, 0), new DraftSweepReport(1, 0), new DraftSweepReport(0, 0)), (tooEarly, announced, notYet));
        var told = Assert.Single(await store.Outbox.ForUserAsync("amina"), n => n.Kind == StorageEvents.DraftExpiring);
        Assert.Equal((draft.Id, "draft", DateOnly.FromDateTime((touched + Retention).UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), (told.ApplicationId, told.Status, told.Comment));

        store.Clock.Now = touched + Retention;
        var deleted = await store.Applications.SweepDraftsAsync(Retention, Warning);

        Assert.Equal(new DraftSweepReport(0, 1), deleted);
        Assert.Equal(RefusalCodes.NotYours, (await store.Applications.GetAsync(draft.Id, Amina)).Refusal?.Code);
        Assert.Empty(await store.Applications.MineAsync(Amina));
        Assert.False(store.Holds(passport));
        Assert.Contains(await store.AuditAsync(), a => a.Kind == StorageEvents.DraftDeleted && a.ApplicationId == draft.Id && a.Detail == "store-visa");
        var verified = await store.VerifyDataAsync();
        Assert.True(verified.Whole, verified.ToString());
    }

    [Fact]
    public async Task SweepDrafts_DraftTouchedAfterTheWarning_SurvivesAndIsAnnouncedAgainLater()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        var start = store.Clock.Now;
        store.Clock.Now = start + Retention - Warning;
        Assert.Equal(new DraftSweepReport(1, 0), await store.Applications.SweepDraftsAsync(Retention, Warning));

        store.Clock.Now += TimeSpan.FromDays(3);
        Assert.True((await store.Applications.SaveAnswersAsync(draft.Id, Amina, TestStore.ValidAnswers("rabat"))).Succeeded);
        var touched = store.Clock.Now;
        store.Clock.Now = start + Retention + TimeSpan.FromDays(30);
        var after = await store.Applications.SweepDraftsAsync(Retention, Warning);
        store.Clock.Now = touched + Retention - Warning;
        var later = await store.Applications.SweepDraftsAsync(Retention, Warning);

        Assert.Equal(new DraftSweepReport(0, 0), after);
        Assert.Equal(new DraftSweepReport(1, 0), later);
        Assert.Equal("rabat", (await store.Applications.GetAsync(draft.Id, Amina)).Value!.Answers["province"]);
        Assert.Equal(2, (await store.Outbox.ForUserAsync("amina")).Count(n => n.Kind == StorageEvents.DraftExpiring));
    }

    [Fact]
    public async Task SweepDrafts_OldDraftNeverAnnounced_IsAnnouncedFirstAndKeptForTheWarningPeriod()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        var announcedAt = store.Clock.Now += Retention * 2;

        var first = await store.Applications.SweepDraftsAsync(Retention, Warning);
        store.Clock.Now = announcedAt + Warning - TimeSpan.FromMinutes(1);
        var before = await store.Applications.SweepDraftsAsync(Retention, Warning);
        store.Clock.Now = announcedAt + Warning;
        var then = await store.Applications.SweepDraftsAsync(Retention, Warning);

        Assert.Equal((new DraftSweepReport(1, 0), new DraftSweepReport(0, 0), new DraftSweepReport(0, 1)), (first, before, then));
        Assert.Equal(RefusalCodes.NotYours, (await store.Applications.GetAsync(draft.Id, Amina)).Refusal?.Code);
    }

    [Fact]
    public async Task SweepDrafts_FileSharedWithASubmittedApplication_KeepsIt()
    {
        await using var store = await TestStore.CreateAsync();
        await store.DraftAsync(Amina);
        var submitted = await store.SubmittedAsync(TestStore.Applicant("youssef"));
        var passport = (string)(await store.ScalarAsync("SELECT DISTINCT \"Hash\" FROM \"Documents\""))!;
        store.Clock.Now += Retention - Warning;
        await store.Applications.SweepDraftsAsync(Retention, Warning);
        store.Clock.Now += Warning;

        Assert.Equal(new DraftSweepReport(0, 1), await store.Applications.SweepDraftsAsync(Retention, Warning));

        Assert.True(store.Holds(passport));
        Assert.Single((await store.Applications.GetAsync(submitted.Id, TestStore.Applicant("youssef"))).Value!.Documents);
        Assert.True((await store.VerifyDataAsync()).Whole);
    }

    [Fact]
    public async Task SweepDrafts_ApplicantSavingAtTheSameTime_EitherKeepsTheDraftOrRefusesTheSaveNeverBoth()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        store.Clock.Now += TimeSpan.FromDays(200);
        Assert.Equal(1, (await store.Applications.SweepDraftsAsync(Retention, Warning)).Announced);
        store.Clock.Now += TimeSpan.FromDays(14);

        var sweep = Task.Run(() => store.Applications.SweepDraftsAsync(Retention, Warning));
        var save = Task.Run(() => store.Applications.SaveAnswersAsync(draft.Id, Amina, TestStore.ValidAnswers("rabat")));
        var (swept, saved) = (await sweep, await save);

        var still = await store.Applications.GetAsync(draft.Id, Amina);
        Assert.Equal(swept.Deleted == 1, !saved.Succeeded);
        Assert.Equal(saved.Succeeded, still.Succeeded);
    }
}
