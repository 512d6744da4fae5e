using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Applying;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EmploymentProcedures.Host.Tests.Applying;

public sealed class DraftAutosaveTests(ApplyingPortal portal) : IClassFixture<ApplyingPortal>
{
    private static readonly TimeSpan Delay = DraftAutosave.DefaultDelay;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 13, 2, 0, TimeSpan.Zero));

    private DraftAutosave Autosave(Actor applicant, Application application) =>
        new(portal.Applications, applicant, application, _clock, NullLogger.Instance);

    private static Answers Named(string name) => Answers.From(new Dictionary<string, object?> { ["last_name"] = name });

    /// <summary>Waits (without moving the fake clock) until the autosave reaches <paramref name="state"/>; it writes on another thread.</summary>
    private static async Task ReachedAsync(DraftAutosave autosave, SaveState state)
    {
        for (var waited = 0; autosave.Status.State != state; waited += 10)
        {
            Assert.True(waited < 10_000, $"the autosave stayed {autosave.Status.State}, expected {state}");
            await Task.Delay(10);
        }
    }

    private async Task<Application> StoredAsync(Actor applicant, Guid id) => (await portal.Applications.GetAsync(id, applicant)).Value!;

    [Fact]
    public async Task Change_SeveralWithinThePause_WritesOnlyTheLastOnceThePauseIsOver()
    {
        var applicant = ApplyingPortal.NewApplicant();
        var draft = await portal.DraftAsync(applicant);
        await using var autosave = Autosave(applicant, draft);

        autosave.Change(Named("Mar"));
        _clock.Advance(Delay / 2);
        autosave.Change(Named("Martin"));
        _clock.Advance(Delay / 2);
        await Task.Delay(100);

        Assert.Equal(SaveState.Pending, autosave.Status.State);
        Assert.Equal(draft.Version, (await StoredAsync(applicant, draft.Id)).Version);

        _clock.Advance(Delay / 2);
        await ReachedAsync(autosave, SaveState.Saved);
        var stored = await StoredAsync(applicant, draft.Id);
        Assert.Equal("Martin", stored.Answers["last_name"]);
        Assert.Equal(draft.Version + 1, stored.Version);
        Assert.Equal(_clock.GetLocalNow(), autosave.Status.SavedAt);
    }

    [Fact]
    public async Task FlushAsync_OnAPageChange_WritesAtOnceWithoutWaitingForThePause()
    {
        var applicant = ApplyingPortal.NewApplicant();
        var draft = await portal.DraftAsync(applicant);
        await using var autosave = Autosave(applicant, draft);

        autosave.Change(Named("Martin"));
        await autosave.FlushAsync();

        Assert.Equal(SaveState.Saved, autosave.Status.State);
        Assert.Equal("Martin", (await StoredAsync(applicant, draft.Id)).Answers["last_name"]);
    }

    [Fact]
    public async Task DisposeAsync_TheTabClosedBeforeThePause_StillWritesTheLastChange()
    {
        var applicant = ApplyingPortal.NewApplicant();
        var draft = await portal.DraftAsync(applicant);
        var autosave = Autosave(applicant, draft);

        autosave.Change(Named("Martin"));
        await autosave.DisposeAsync();

        Assert.Equal("Martin", (await StoredAsync(applicant, draft.Id)).Answers["last_name"]);
    }

    [Fact]
    public async Task Change_BackToWhatIsStored_WritesNothing()
    {
        var applicant = ApplyingPortal.NewApplicant();
        var draft = await portal.DraftAsync(applicant, Named("Martin"));
        await using var autosave = Autosave(applicant, draft);

        autosave.Change(Named("Martin"));
        await autosave.FlushAsync();

        Assert.Equal(SaveState.Idle, autosave.Status.State);
        Assert.Equal(draft.Version, (await StoredAsync(applicant, draft.Id)).Version);
    }

    [Fact]
    public async Task Save_AfterAnotherTabSaved_DoesNotOverwriteItButReloadsAndTells()
    {
        var applicant = ApplyingPortal.NewApplicant();
        var draft = await portal.DraftAsync(applicant);
        await using var first = Autosave(applicant, draft);
        await using var second = Autosave(applicant, draft);
        Application? reloaded = null;
        second.Reloaded += application => reloaded = application;

        first.Change(Named("Martin"));
        await first.FlushAsync();
        second.Change(Named("Dupont"));
        await second.FlushAsync();

        Assert.Equal(SaveState.Reloaded, second.Status.State);
        Assert.Equal(RefusalCodes.Stale, second.Status.Refusal?.Code);
        Assert.Equal("Martin", reloaded?.Answers["last_name"]);
        Assert.Equal("Martin", (await StoredAsync(applicant, draft.Id)).Answers["last_name"]);

        // The reloaded tab carries on from what is stored: its next change is written.
        second.Change(Named("Dupont"));
        await second.FlushAsync();
        Assert.Equal(SaveState.Saved, second.Status.State);
        Assert.Equal("Dupont", (await StoredAsync(applicant, draft.Id)).Answers["last_name"]);
    }

    [Fact]
    public async Task AttachThenChange_InTheSameTab_IsNotTakenForAnotherTabsWrite()
    {
        var applicant = ApplyingPortal.NewApplicant();
        var draft = await portal.DraftAsync(applicant);
        await using var autosave = Autosave(applicant, draft);

        var attached = await autosave.AttachAsync("contract", "contrat.pdf", new MemoryStream(ApplyingPortal.Pdf()));
        autosave.Change(Named("Martin"));
        await autosave.FlushAsync();

        Assert.True(attached.Succeeded, attached.ToString());
        Assert.Equal(SaveState.Saved, autosave.Status.State);
        var stored = await StoredAsync(applicant, draft.Id);
        Assert.Equal("Martin", stored.Answers["last_name"]);
        Assert.Equal(["contract"], stored.Documents.Select(d => d.DocumentId));
    }

    [Fact]
    public async Task Save_OfAnApplicationSubmittedFromAnotherTab_IsReloadedWithItsNewStatus()
    {
        var applicant = ApplyingPortal.NewApplicant();
        var draft = await portal.DraftAsync(applicant, ApplyingPortal.VisaAnswers, documents: true);
        await using var autosave = Autosave(applicant, draft);
        ApplyingPortal.Ok(await portal.Applications.SubmitAsync(draft.Id, applicant));

        autosave.Change(ApplyingPortal.VisaAnswers.With("last_name", "Dupont"));
        await autosave.FlushAsync();

        Assert.Equal(SaveState.Reloaded, autosave.Status.State);
        Assert.Equal(ApplicationStatus.InReview, autosave.Application.Status);
        Assert.Equal("Martin", (await StoredAsync(applicant, draft.Id)).Answers["last_name"]);
    }
}
