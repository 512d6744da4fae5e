using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>Who may see and change what (ASVS 8.2.2): every refusal is a value and an audit entry naming who tried what.</summary>
public sealed class AuthorizationTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Salma = TestStore.Applicant("salma");

    [Fact]
    public async Task Applicant_AnothersApplication_CannotOpenListOrChangeIt()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        var id = draft.Id;

        var refusals = new[]
        {
            (await store.Applications.GetAsync(id, Salma)).Refusal,
            (await store.Applications.SaveAnswersAsync(id, Salma, TestStore.ValidAnswers())).Refusal,
            (await store.Applications.AttachDocumentAsync(id, Salma, "passport", "x.pdf", new MemoryStream(TestStore.Pdf()))).Refusal,
            (await store.Applications.RemoveDocumentAsync(id, Salma, "passport", "passport.pdf")).Refusal,
            (await store.Applications.SubmitAsync(id, Salma)).Refusal,
            (await store.Applications.WithdrawAsync(id, Salma)).Refusal,
            (await store.Applications.OpenDocumentAsync(id, Salma, "passport", "passport.pdf")).Refusal,
            (await store.Applications.HistoryAsync(id, Salma)).Refusal,
        };

        Assert.All(refusals, r => Assert.Equal(RefusalCodes.NotYours, r?.Code));
        Assert.Empty(await store.Applications.MineAsync(Salma));
        Assert.Empty(await store.Applications.PermittedActionsAsync(id, Salma));
        var read = (await store.Applications.GetAsync(id, Amina)).Value!;
        Assert.Equal(draft.Version, read.Version);
        Assert.Equal(refusals.Length, (await store.AuditAsync()).Count(a => a.Kind == WorkflowEvents.Refused && a.ActorId == "salma" && a.ApplicationId == id));
    }

    [Fact]
    public async Task History_OfTheOwner_ShowsWhatWasDoneButNotWhoElseTriedToOpenIt()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        await store.Applications.GetAsync(app.Id, Salma);

        var owner = (await store.Applications.HistoryAsync(app.Id, Amina)).Value!;
        var reviewer = (await store.Applications.HistoryAsync(app.Id, TestStore.DeskAgent())).Value!;

        Assert.Contains(owner, e => e.Kind == WorkflowEvents.Submitted && e.Detail == "STV-2026-000001");
        Assert.DoesNotContain(owner, e => e.ActorId == "salma");
        Assert.Contains(reviewer, e => e.ActorId == "salma" && e.Kind == WorkflowEvents.Refused);
    }

    [Fact]
    public async Task Applicant_UnknownId_GetsTheSameRefusalAsForAnothersApplication()
    {
        await using var store = await TestStore.CreateAsync();

        var refusal = (await store.Applications.GetAsync(Guid.NewGuid(), Amina)).Refusal;

        Assert.Equal(RefusalCodes.NotYours, refusal?.Code);
    }

    [Fact]
    public async Task Reviewer_OfAnotherProvince_CannotListOpenOrDecide()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina, province: "casablanca");
        var rabat = TestStore.DeskAgent("rachid", "rabat");

        Assert.Empty(await store.Applications.InboxAsync(rabat));
        Assert.Equal(RefusalCodes.NotYours, (await store.Applications.GetAsync(app.Id, rabat)).Refusal?.Code);
        var decided = await store.Applications.DecideAsync(app.Id, rabat, new WorkflowCommand.Decide("reception", StepAction.Approve));
        Assert.Equal(RefusalCodes.NotYours, decided.Refusal?.Code);
        Assert.Equal(ApplicationStatus.InReview, (await store.Applications.GetAsync(app.Id, Amina)).Value!.Status);
        Assert.Equal(2, (await store.AuditAsync()).Count(a => a.Kind == WorkflowEvents.Refused && a.ActorId == "rachid"));
    }

    [Fact]
    public async Task Reviewer_OfAnotherRole_CannotListOpenOrDecide()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        var stranger = Actor.Reviewer("nadia", "Nadia", "occupational-health-inspector", "casablanca");

        Assert.Empty(await store.Applications.InboxAsync(stranger));
        Assert.Equal(RefusalCodes.NotYours, (await store.Applications.GetAsync(app.Id, stranger)).Refusal?.Code);
        var decided = await store.Applications.DecideAsync(app.Id, stranger, new WorkflowCommand.Decide("reception", StepAction.Approve));
        Assert.Equal(RefusalCodes.NotYours, decided.Refusal?.Code);
    }

    [Fact]
    public async Task Reviewer_OfALaterStep_SeesTheApplicationButCannotDecideTheCurrentStep()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        var service = Actor.Reviewer("sara", "Sara", "migrant-employment-service");

        Assert.Empty(await store.Applications.InboxAsync(service));
        var decided = await store.Applications.DecideAsync(app.Id, service, new WorkflowCommand.Decide("reception", StepAction.Approve));

        Assert.Equal(RefusalCodes.NotYourRole, decided.Refusal?.Code);
        var refused = (await store.AuditAsync()).Last();
        Assert.Equal((WorkflowEvents.Refused, "sara", RefusalCodes.NotYourRole), (refused.Kind, refused.ActorId, refused.Detail));
    }

    [Fact]
    public async Task Reviewer_NonRoutedProcedure_SeesItWhateverTheirProvince()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina, "store-notice");

        var item = Assert.Single(await store.Applications.InboxAsync(TestStore.DeskAgent("rachid", "rabat")));
        Assert.Equal(app.Id, item.ApplicationId);
    }

    [Fact]
    public async Task Reviewer_DraftOfAnApplicant_IsNotVisible()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);

        Assert.Equal(RefusalCodes.NotYours, (await store.Applications.GetAsync(draft.Id, TestStore.DeskAgent())).Refusal?.Code);
    }
}
