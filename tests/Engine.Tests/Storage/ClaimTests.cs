using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>Claims: a reviewer says "I am on this file" so that two agents do not work on it unknowingly.</summary>
public sealed class ClaimTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Karim = TestStore.DeskAgent("karim", "casablanca");
    private static readonly Actor Nadia = TestStore.DeskAgent("nadia", "casablanca");
    private static readonly Actor Ines = Actor.Reviewer("ines", "Ines Inspectrice", "labour-inspector", "casablanca");
    private static readonly Actor Driss = Actor.Reviewer("driss", "Driss Directeur", "regional-director", "casablanca");
    private static readonly Actor Administrator = new("admin", "Admin", "administrator", RoleKind.Staff, []);

    [Fact]
    public async Task Claim_ReviewerOfTheCurrentStep_ShowsTheClaimerInTheInboxAndOnTheCasePage()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        var claim = await store.Applications.ClaimAsync(app.Id, Karim);

        Assert.Equal(("reception", "desk-agent", "karim", "Karim karim"), (claim.Value!.Step, claim.Value.Role, claim.Value.UserId, claim.Value.Name));
        var item = Assert.Single(await store.Applications.InboxAsync(Nadia));
        Assert.Equal(("karim", "Karim karim"), (item.ClaimedBy, item.ClaimedByName));
        Assert.Equal([claim.Value], (await store.Applications.ClaimsAsync(app.Id, Nadia)).Value!);
        Assert.Empty((await store.Applications.ClaimsAsync(app.Id, Amina)).Value!);
        Assert.Single(await store.AuditAsync(), a => a.Kind == StorageEvents.Claimed && a.ActorId == "karim");
    }

    [Fact]
    public async Task Claim_HeldBySomeoneElse_IsRefusedNamingThemWhileTheHolderMayClaimAgain()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        var first = (await store.Applications.ClaimAsync(app.Id, Karim)).Value!;

        var refusal = (await store.Applications.ClaimAsync(app.Id, Nadia)).Refusal;
        var again = await store.Applications.ClaimAsync(app.Id, Karim);

        Assert.Equal(RefusalCodes.AlreadyClaimed, refusal?.Code);
        Assert.Equal("Already claimed by Karim karim.", refusal!.Message.Get("en"));
        Assert.Contains("Karim karim", refusal.Message.Get("ar"), StringComparison.Ordinal);
        Assert.Equal(first, again.Value);
        Assert.Contains(await store.AuditAsync(), a => a.Kind == WorkflowEvents.Refused && a.ActorId == "nadia" && a.Detail == RefusalCodes.AlreadyClaimed);
    }

    [Fact]
    public async Task Claim_ByWhoCannotActOnTheStepNow_IsRefused()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        var app = await store.SubmittedAsync(Amina);

        Assert.Equal(RefusalCodes.NotYourStep, (await store.Applications.ClaimAsync(app.Id, Ines)).Refusal?.Code);
        Assert.Equal(RefusalCodes.NotYours, (await store.Applications.ClaimAsync(app.Id, TestStore.DeskAgent("rachid", "rabat"))).Refusal?.Code);
        Assert.Equal(RefusalCodes.NotYourStep, (await store.Applications.ClaimAsync(app.Id, Amina)).Refusal?.Code);
        Assert.Equal(RefusalCodes.NotYours, (await store.Applications.ClaimAsync(draft.Id, Karim)).Refusal?.Code);
        Assert.Empty((await store.Applications.ClaimsAsync(app.Id, Karim)).Value!);
    }

    [Fact]
    public async Task Claim_StepChanges_IsCleared()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        await store.Applications.ClaimAsync(app.Id, Karim);

        await store.Applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.Approve));

        Assert.Empty((await store.Applications.ClaimsAsync(app.Id, Karim)).Value!);
        Assert.Null(Assert.Single(await store.Applications.InboxAsync(Ines)).ClaimedBy);
        Assert.True((await store.Applications.ClaimAsync(app.Id, Ines)).Succeeded);
    }

    [Fact]
    public async Task Claim_AnotherRoleGivesItsOpinionOnTheParallelStep_TheClaimOfTheRoleStillToActStays()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        await store.Applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.Approve));
        await store.Applications.ClaimAsync(app.Id, Ines);
        await store.Applications.ClaimAsync(app.Id, Driss);

        await store.Applications.DecideAsync(app.Id, Driss, new WorkflowCommand.Decide("opinions", StepAction.Approve));

        var claim = Assert.Single((await store.Applications.ClaimsAsync(app.Id, Ines)).Value!);
        Assert.Equal(("labour-inspector", "ines"), (claim.Role, claim.UserId));
        Assert.Equal("ines", Assert.Single(await store.Applications.InboxAsync(Ines)).ClaimedBy);
    }

    [Fact]
    public async Task Claim_RequestForChanges_ClearsIt()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        await store.Applications.ClaimAsync(app.Id, Karim);

        await store.Applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.RequestChanges, "Précisez", ["company_name"]));
        await store.Applications.SubmitAsync(app.Id, Amina);

        Assert.Null(Assert.Single(await store.Applications.InboxAsync(Karim)).ClaimedBy);
    }

    [Fact]
    public async Task Release_ByTheClaimerOrAnAdministrator_ClearsItButNotByAnotherReviewer()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        await store.Applications.ClaimAsync(app.Id, Karim);

        var refused = (await store.Applications.ReleaseAsync(app.Id, Nadia)).Refusal;
        var released = await store.Applications.ReleaseAsync(app.Id, Karim);
        await store.Applications.ClaimAsync(app.Id, Nadia);
        var byStaff = await store.Applications.ReleaseAsync(app.Id, Administrator);

        Assert.Equal(RefusalCodes.AlreadyClaimed, refused?.Code);
        Assert.Contains("Karim karim", refused!.Message.Get("fr"), StringComparison.Ordinal);
        Assert.Empty(released.Value!);
        Assert.Empty(byStaff.Value!);
        Assert.Null(Assert.Single(await store.Applications.InboxAsync(Karim)).ClaimedBy);
        var releases = (await store.AuditAsync()).Where(a => a.Kind == StorageEvents.Released).ToList();
        Assert.Equal([("karim", "desk-agent: Karim karim"), ("admin", "desk-agent: Karim nadia")], releases.Select(a => (a.ActorId, a.Detail)));
    }

    [Fact]
    public async Task ReleaseClaimsOf_ReviewerNoLongerCoversAProvince_ReleasesThatFileOnlyAndColleaguesMayTakeIt()
    {
        await using var store = await TestStore.CreateAsync();
        var karim = TestStore.DeskAgent("karim", "casablanca", "rabat");
        var inCasablanca = await store.SubmittedAsync(Amina);
        var inRabat = await store.SubmittedAsync(TestStore.Applicant("salma"), province: "rabat");
        await store.Applications.ClaimAsync(inCasablanca.Id, karim);
        await store.Applications.ClaimAsync(inRabat.Id, karim);

        var released = await store.Applications.ReleaseClaimsOfAsync("karim", karim with { Name = "Karim Rabat", Provinces = ["rabat"] }, Administrator);

        Assert.Equal([inCasablanca.Id], released.Value!.Select(r => r.ApplicationId));
        Assert.True((await store.Applications.ClaimAsync(inCasablanca.Id, Nadia)).Succeeded);
        var kept = Assert.Single((await store.Applications.ClaimsAsync(inRabat.Id, Administrator)).Value!);
        Assert.Equal(("karim", "Karim Rabat"), (kept.UserId, kept.Name));
        Assert.Single(await store.AuditAsync(), a => a.Kind == StorageEvents.Released && a.ActorId == "admin" && a.ApplicationId == inCasablanca.Id && a.Detail == "desk-agent: Karim karim");
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task ReleaseClaimsOf_DeactivatedOrMovedToAnotherRole_ReleasesEveryClaim()
    {
        await using var store = await TestStore.CreateAsync();
        var first = await store.SubmittedAsync(Amina);
        var second = await store.SubmittedAsync(TestStore.Applicant("salma"));
        await store.Applications.ClaimAsync(first.Id, Karim);
        await store.Applications.ClaimAsync(second.Id, Nadia);

        var moved = await store.Applications.ReleaseClaimsOfAsync("karim", Karim with { Role = "labour-inspector" }, Administrator);
        var deactivated = await store.Applications.ReleaseClaimsOfAsync("nadia", null, Administrator);

        Assert.Equal([first.Id], moved.Value!.Select(r => r.ApplicationId));
        Assert.Equal([second.Id], deactivated.Value!.Select(r => r.ApplicationId));
        Assert.All(await store.Applications.InboxAsync(Karim), item => Assert.Null(item.ClaimedBy));
    }

    [Fact]
    public async Task ReleaseClaimsOf_AskedByAnyoneButAnAdministrator_IsRefusedAndReleasesNothing()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        await store.Applications.ClaimAsync(app.Id, Karim);

        var byColleague = await store.Applications.ReleaseClaimsOfAsync("karim", null, Nadia);
        var byAnalyst = await store.Applications.ReleaseClaimsOfAsync("karim", null, new Actor("ana", "Ana", "analyst", RoleKind.Staff, []));

        Assert.Equal((RefusalCodes.NotAllowed, RefusalCodes.NotAllowed), (byColleague.Refusal?.Code, byAnalyst.Refusal?.Code));
        Assert.Equal("karim", Assert.Single(await store.Applications.InboxAsync(Nadia)).ClaimedBy);
    }

    [Fact]
    public async Task Claim_FiftyReviewersAtOnce_ExactlyOneWinsAndTheOthersAreToldWho()
    {
        const int reviewers = 50;
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        var results = await TestStore.RaceAsync(reviewers, reviewer => store.Applications.ClaimAsync(app.Id, reviewer));

        var winner = Assert.Single(results, r => r.Result.Succeeded);
        Assert.All(results.Where(r => r != winner), r =>
        {
            Assert.Equal(RefusalCodes.AlreadyClaimed, r.Result.Refusal?.Code);
            Assert.Contains(winner.Reviewer.Name, r.Result.Refusal!.Message.Get("en"), StringComparison.Ordinal);
        });
        Assert.Equal(winner.Reviewer.UserId, Assert.Single((await store.Applications.ClaimsAsync(app.Id, Karim)).Value!).UserId);
        Assert.Single(await store.AuditAsync(), a => a.Kind == StorageEvents.Claimed);
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }
}
