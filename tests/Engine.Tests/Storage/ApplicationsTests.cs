using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Tests.Storage;

public sealed class ApplicationsTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Karim = TestStore.DeskAgent("karim", "casablanca");

    [Fact]
    public async Task Start_PublishedProcedure_CreatesADraftPinnedToTheLatestVersion()
    {
        await using var store = await TestStore.CreateAsync();
        var result = await store.Applications.StartAsync("store-visa", Amina);

        var draft = result.Application!;
        Assert.Equal(ApplicationStatus.Draft, draft.Status);
        Assert.Equal(1, draft.DefinitionVersion);
        Assert.Equal("amina", draft.OwnerId);
        var read = (await store.Applications.GetAsync(draft.Id, Amina)).Value!;
        Assert.Equal((draft.Id, draft.ProcedureId, draft.DefinitionHash, draft.Version), (read.Id, read.ProcedureId, read.DefinitionHash, read.Version));
        Assert.Equal([(StorageEvents.Started, "amina")], (await store.AuditAsync()).Where(a => a.ApplicationId == draft.Id).Select(a => (a.Kind, a.ActorId)));
    }

    [Fact]
    public async Task Start_UnpublishedProcedure_IsRefusedAndAudited()
    {
        await using var store = await TestStore.CreateAsync();
        var result = await store.Applications.StartAsync("no-such-procedure", Amina);

        Assert.Equal(RefusalCodes.UnknownProcedure, result.Refusal?.Code);
        Assert.Contains((await store.AuditAsync()), a => a.Kind == WorkflowEvents.Refused && a.ActorId == "amina" && a.Detail == RefusalCodes.UnknownProcedure);
    }

    [Fact]
    public async Task Start_ByAWorkerAccountForAnEmployerProcedure_IsRefused()
    {
        await using var store = await TestStore.CreateAsync();
        var result = await store.Applications.StartAsync("store-visa", Actor.Applicant("omar", "Omar", "worker"));

        Assert.Equal(RefusalCodes.WrongApplicant, result.Refusal?.Code);
    }

    [Fact]
    public async Task SaveAnswers_Draft_KeepsTheAnswersAndIncrementsTheVersion()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = (await store.Applications.StartAsync("store-visa", Amina)).Application!;

        var saved = await store.Applications.SaveAnswersAsync(draft.Id, Amina, TestStore.ValidAnswers("rabat"));

        Assert.Equal(draft.Version + 1, saved.Application!.Version);
        var read = (await store.Applications.GetAsync(draft.Id, Amina)).Value!;
        Assert.Equal("rabat", read.Answers["province"]);
        Assert.Equal("Atlas Textile SARL", read.Answers["company_name"]);
        Assert.Equal(saved.Application.Version, read.Version);
    }

    [Fact]
    public async Task Submit_ValidDraft_GivesSequentialReferencesPerPrefixAndYear()
    {
        await using var store = await TestStore.CreateAsync();
        var first = await store.SubmittedAsync(Amina);
        var second = await store.SubmittedAsync(TestStore.Applicant("salma"));
        var other = await store.SubmittedAsync(Amina, "store-notice");

        Assert.Equal("STV-2026-000001", first.Reference);
        Assert.Equal("STV-2026-000002", second.Reference);
        Assert.Equal("STN-2026-000001", other.Reference);
        Assert.Equal(ApplicationStatus.InReview, first.Status);
        Assert.Equal("reception", first.Step);
        Assert.Equal("casablanca", first.Province);
    }

    [Fact]
    public async Task Submit_InvalidDraft_ReturnsTheErrorsAndChangesNothing()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = (await store.Applications.StartAsync("store-visa", Amina)).Application!;

        var result = await store.Applications.SubmitAsync(draft.Id, Amina);

        Assert.Contains(result.Validation!.Errors, e => e.Path == "company_name");
        Assert.Contains(result.Validation.Errors, e => e.Path == "passport");
        var read = (await store.Applications.GetAsync(draft.Id, Amina)).Value!;
        Assert.Equal(ApplicationStatus.Draft, read.Status);
        Assert.Equal(draft.Version, read.Version);
        // No reference number was used up by the failed submission.
        Assert.Equal("STV-2026-000001", (await store.SubmittedAsync(Amina)).Reference);
    }

    [Fact]
    public async Task Submit_WritesPendingWorkAuditAndOneNotificationForTheApplicant()
    {
        await using var store = await TestStore.CreateAsync();
        var submitted = await store.SubmittedAsync(Amina);

        var inbox = await store.Applications.InboxAsync(Karim);
        var item = Assert.Single(inbox);
        Assert.Equal((submitted.Id, "reception", "STV-2026-000001"), (item.ApplicationId, item.Step, item.Reference));
        Assert.Equal(new DateOnly(2026, 3, 4), item.DueOn);  // two business days after Monday

        var kinds = (await store.AuditAsync()).Where(a => a.ApplicationId == submitted.Id).Select(a => a.Kind).ToList();
        Assert.Equal([StorageEvents.Started, WorkflowEvents.Saved, WorkflowEvents.DocumentAttached, WorkflowEvents.Submitted, WorkflowEvents.StepEntered], kinds);
        var notices = await store.Outbox.ForUserAsync("amina");
        Assert.Equal([WorkflowEvents.Submitted], notices.Select(n => n.Kind));
        Assert.Null(notices[0].SentAt);
    }

    [Fact]
    public async Task Decide_WholeCircuit_EndsApprovedWithEachStepsPendingWorkInTurn()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        var inspector = Actor.Reviewer("ines", "Ines", "labour-inspector", "casablanca");
        var director = Actor.Reviewer("driss", "Driss", "regional-director", "casablanca");
        var service = Actor.Reviewer("sara", "Sara", "migrant-employment-service");

        Assert.True((await store.Applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.Approve))).Succeeded);
        Assert.Empty(await store.Applications.InboxAsync(Karim));
        Assert.Single(await store.Applications.InboxAsync(inspector));
        Assert.Single(await store.Applications.InboxAsync(director));

        Assert.True((await store.Applications.DecideAsync(app.Id, inspector, new WorkflowCommand.Decide("opinions", StepAction.Approve))).Succeeded);
        Assert.Empty(await store.Applications.InboxAsync(inspector));
        Assert.Single(await store.Applications.InboxAsync(director));

        Assert.True((await store.Applications.DecideAsync(app.Id, director, new WorkflowCommand.Decide("opinions", StepAction.Approve))).Succeeded);
        Assert.Single(await store.Applications.InboxAsync(service));

        var decided = await store.Applications.DecideAsync(app.Id, service, new WorkflowCommand.Decide("decision", StepAction.Approve, "Dossier complet"));

        Assert.Equal(ApplicationStatus.Approved, decided.Application!.Status);
        Assert.Empty(await store.Applications.InboxAsync(service));
        Assert.Equal(ApplicationStatus.Approved, (await store.Applications.GetAsync(app.Id, Amina)).Value!.Status);
        Assert.Contains(await store.Outbox.ForUserAsync("amina"), n => n.Kind == WorkflowEvents.Decided && n.Status == "approved");
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task RequestChanges_ThenResubmit_ReopensOnlyThoseAndStopsTheClockMeanwhile()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        var asked = await store.Applications.DecideAsync(app.Id, Karim,
            new WorkflowCommand.Decide("reception", StepAction.RequestChanges, "Raison sociale incomplète", ["company_name"]));
        Assert.Equal(ApplicationStatus.ChangesRequested, asked.Application!.Status);
        Assert.Empty(await store.Applications.InboxAsync(Karim));
        Assert.Null((await store.Applications.MineAsync(Amina)).Single().DueOn);

        var outside = await store.Applications.SaveAnswersAsync(app.Id, Amina, TestStore.ValidAnswers("rabat"));
        Assert.Equal(RefusalCodes.NotReopened, outside.Refusal?.Code);

        store.Clock.Set(TestStore.Monday.AddDays(3));
        var answers = TestStore.ValidAnswers().With("company_name", "Atlas Textile SA");
        Assert.True((await store.Applications.SaveAnswersAsync(app.Id, Amina, answers)).Succeeded);
        var resubmitted = await store.Applications.SubmitAsync(app.Id, Amina);

        Assert.Equal(ApplicationStatus.InReview, resubmitted.Application!.Status);
        Assert.Equal("STV-2026-000001", resubmitted.Application.Reference);
        Assert.Single(await store.Applications.InboxAsync(Karim));
        // Ten business days from Monday 2 March, 3-5 March not counted (paused): Thursday 19 March.
        Assert.Equal(new DateOnly(2026, 3, 19), (await store.Applications.MineAsync(Amina)).Single().DueOn);
    }

    [Fact]
    public async Task Withdraw_InReview_EndsItAndEmptiesTheInbox()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        var withdrawn = await store.Applications.WithdrawAsync(app.Id, Amina, "Contrat annulé");

        Assert.Equal(ApplicationStatus.Withdrawn, withdrawn.Application!.Status);
        Assert.Empty(await store.Applications.InboxAsync(Karim));
        var again = await store.Applications.WithdrawAsync(app.Id, Amina);
        Assert.Equal(RefusalCodes.WrongStatus, again.Refusal?.Code);
    }

    [Fact]
    public async Task RemoveDocument_Draft_RemovesItFromTheApplicationAndItsFileRows()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);

        var removed = await store.Applications.RemoveDocumentAsync(draft.Id, Amina, "passport", "passport.pdf");

        Assert.Empty(removed.Application!.Documents);
        await using var db = await store.Databases.CreateDbContextAsync();
        Assert.False(await db.Documents.AnyAsync(d => d.ApplicationId == draft.Id));
        var open = await store.Applications.OpenDocumentAsync(draft.Id, Amina, "passport", "passport.pdf");
        Assert.Equal(RefusalCodes.UnknownDocument, open.Refusal?.Code);
    }

    [Fact]
    public async Task Mine_ListsOnlyTheApplicantsOwnApplications_MostRecentFirst()
    {
        await using var store = await TestStore.CreateAsync();
        var first = await store.DraftAsync(Amina);
        store.Clock.Now = store.Clock.Now.AddMinutes(5);
        var second = await store.DraftAsync(Amina);
        await store.DraftAsync(TestStore.Applicant("salma"));

        var mine = await store.Applications.MineAsync(Amina);

        Assert.Equal([second.Id, first.Id], mine.Select(m => m.Id));
        Assert.Empty(await store.Applications.MineAsync(Karim));
    }

    [Fact]
    public async Task PermittedActions_FollowTheWorkflow_ForTheStoredApplication()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        var reviewer = await store.Applications.PermittedActionsAsync(app.Id, Karim);
        var applicant = await store.Applications.PermittedActionsAsync(app.Id, Amina);

        Assert.Equal([StepAction.Approve, StepAction.RequestChanges, StepAction.Reject], reviewer.Select(a => a.Action!.Value));
        Assert.Equal([ActionKind.Withdraw], applicant.Select(a => a.Kind));
        Assert.Empty(await store.Applications.PermittedActionsAsync(app.Id, TestStore.Applicant("salma")));
    }

    [Fact]
    public async Task Answers_RoundTripThroughTheDatabase_WithGroupsAndNestedValues()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = (await store.Applications.StartAsync("store-visa", Amina)).Application!;
        var answers = Answers.From(new Dictionary<string, object?>
        {
            ["company_name"] = "Société « Atlas » — الأطلس",
            ["rows"] = new List<object?> { new Dictionary<string, object?> { ["name"] = "A" }, new Dictionary<string, object?> { ["name"] = "B" } },
            ["address"] = new Dictionary<string, object?> { ["province"] = "rabat" },
        });

        await store.Applications.SaveAnswersAsync(draft.Id, Amina, answers);

        Assert.Equal(answers.ToJson(), (await store.Applications.GetAsync(draft.Id, Amina)).Value!.Answers.ToJson());
    }
}
