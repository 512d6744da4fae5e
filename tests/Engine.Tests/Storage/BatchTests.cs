using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>Acting on several applications at once from the inbox: each one as the single action would, one after the other.</summary>
public sealed class BatchTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Karim = TestStore.DeskAgent("karim", "casablanca");
    private static readonly Actor Nadia = TestStore.DeskAgent("nadia", "casablanca");
    private static readonly Actor Rachid = TestStore.DeskAgent("rachid", "rabat");

    /// <summary>The test declaration whose reception step asks the desk agent for a required registration number.</summary>
    private static string WithRequiredField => IssuedLetterTests.Declaration
        .Replace("id: store-declaration", "id: store-registration", StringComparison.Ordinal)
        .Replace("reference_prefix: STD", "reference_prefix: STR", StringComparison.Ordinal)
        .Replace("    actions: [acknowledge, request_changes]\n",
            "    actions: [acknowledge, request_changes]\n    fields:\n      - { id: registration_number, type: text, required: true, max_length: 40, label: { fr: \"N° d'enregistrement\", ar: \"رقم التسجيل\" } }\n",
            StringComparison.Ordinal);

    [Fact]
    public async Task Act_AcknowledgeThreeDeclarations_EachIsAcknowledgedAuditedToldAndLettered()
    {
        await using var store = await TestStore.CreateAsync();
        await store.PublishAsync(IssuedLetterTests.Declaration);
        var declarations = new List<Application>();
        for (var i = 0; i < 3; i++)
            declarations.Add(await store.SubmittedAsync(TestStore.Applicant($"employer-{i}"), "store-declaration"));

        var result = await store.Applications.ActAsync([.. declarations.Select(d => d.Id)], Karim, BatchAction.Acknowledge, "  Reçu, merci.  ");

        Assert.True(result.Succeeded, result.Refusal?.ToString());
        Assert.Equal(declarations.Select(d => (d.Id, d.Reference)), result.Value!.Done.Select(l => (l.ApplicationId, l.Reference)));
        Assert.Empty(result.Value.Refused);
        for (var i = 0; i < 3; i++)
        {
            var employer = TestStore.Applicant($"employer-{i}");
            var application = (await store.Applications.GetAsync(declarations[i].Id, employer)).Value!;
            Assert.Equal(ApplicationStatus.Acknowledged, application.Status);
            Assert.Equal(["receipt", "acknowledged"], (await store.Applications.IssuedAsync(application.Id, employer)).Value!.Select(l => l.Kind));
            Assert.Contains(await store.Outbox.ForUserAsync(employer.UserId), n => n.Status == "acknowledged" && n.Comment == "Reçu, merci.");
        }
        var decided = (await store.AuditAsync()).Where(a => a.Kind == WorkflowEvents.Decided).ToList();
        Assert.Equal(declarations.Select(d => (d.Id, "karim")), decided.Select(a => (a.ApplicationId!.Value, a.ActorId)));
        Assert.Empty(await store.Applications.InboxAsync(Nadia));
    }

    [Fact]
    public async Task Act_MixedSelection_RefusesEachThatCannotBeAcknowledgedWithItsReason_AndActsOnTheOthers()
    {
        await using var store = await TestStore.CreateAsync();
        await store.PublishAsync(IssuedLetterTests.Declaration);
        await store.PublishAsync(WithRequiredField);
        var first = await store.SubmittedAsync(TestStore.Applicant("employer-1"), "store-declaration");
        var decidedByNadia = await store.SubmittedAsync(TestStore.Applicant("employer-2"), "store-declaration");
        var visa = await store.SubmittedAsync(TestStore.Applicant("employer-3"));
        var registration = await store.SubmittedAsync(TestStore.Applicant("employer-4"), "store-registration");
        var last = await store.SubmittedAsync(TestStore.Applicant("employer-5"), "store-declaration");
        Assert.True((await store.Applications.DecideAsync(decidedByNadia.Id, Nadia, new WorkflowCommand.Decide("reception", StepAction.Acknowledge))).Succeeded);
        Guid[] ids = [first.Id, decidedByNadia.Id, visa.Id, registration.Id, last.Id];

        var checkedFirst = (await store.Applications.CheckBatchAsync(ids, Karim)).Value!.Single(r => r.Action == BatchAction.Acknowledge);
        var result = (await store.Applications.ActAsync(ids, Karim, BatchAction.Acknowledge)).Value!;

        Assert.Equal(checkedFirst.Lines.Select(l => (l.ApplicationId, l.Refusal?.Code)), result.Lines.Select(l => (l.ApplicationId, l.Refusal?.Code)));
        Assert.Equal([first.Id, last.Id], result.Done.Select(l => l.ApplicationId));
        Assert.Equal(
            [(decidedByNadia.Reference, RefusalCodes.AlreadyDecided), (visa.Reference, RefusalCodes.ActionNotOffered), (registration.Reference, RefusalCodes.StepFieldsRequired)],
            result.Refused.Select(l => (l.Reference, l.Refusal!.Code)));
        Assert.Equal("Already decided by Karim nadia: reload the application.", result.Refused[0].Refusal!.Message.Get("en"));
        Assert.Equal("L'étape « reception » demande des champs à remplir : décidez depuis la page du dossier.", result.Refused[2].Refusal!.Message.Get("fr"));
        Assert.Equal(ApplicationStatus.InReview, (await store.Applications.GetAsync(visa.Id, Karim)).Value!.Status);
        Assert.Equal(ApplicationStatus.InReview, (await store.Applications.GetAsync(registration.Id, Karim)).Value!.Status);
        Assert.Equal(3, (await store.AuditAsync()).Count(a => a.Kind == WorkflowEvents.Refused && a.ActorId == "karim"));
    }

    [Fact]
    public async Task Act_CraftedIdOfAnotherProvince_IsRefusedAsNotTheirsWithoutTellingItsReference()
    {
        await using var store = await TestStore.CreateAsync();
        await store.PublishAsync(IssuedLetterTests.Declaration);
        var mine = await store.SubmittedAsync(TestStore.Applicant("employer-1"), "store-declaration");
        var inRabat = await store.SubmittedAsync(TestStore.Applicant("employer-2"), "store-declaration", province: "rabat");
        var unknown = Guid.NewGuid();

        var result = (await store.Applications.ActAsync([mine.Id, inRabat.Id, unknown], Karim, BatchAction.Acknowledge)).Value!;
        var claims = (await store.Applications.ActAsync([inRabat.Id], Karim, BatchAction.Claim)).Value!;

        Assert.Equal([mine.Id], result.Done.Select(l => l.ApplicationId));
        Assert.Equal([(inRabat.Id, null, RefusalCodes.NotYours), (unknown, null, RefusalCodes.NotYours)],
            result.Refused.Select(l => (l.ApplicationId, l.Reference, l.Refusal!.Code)));
        Assert.Equal(RefusalCodes.NotYours, Assert.Single(claims.Refused).Refusal!.Code);
        Assert.Equal(ApplicationStatus.InReview, (await store.Applications.GetAsync(inRabat.Id, Rachid)).Value!.Status);
        Assert.Null(Assert.Single(await store.Applications.InboxAsync(Rachid)).ClaimedBy);
        Assert.Contains(await store.AuditAsync(), a => a.Kind == WorkflowEvents.Refused && a.ActorId == "karim" && a.ApplicationId == inRabat.Id && a.Detail == RefusalCodes.NotYours);
    }

    [Fact]
    public async Task Act_TwoReviewersBatchTheSameFilesAtOnce_EachFileIsDecidedOnce()
    {
        await using var store = await TestStore.CreateAsync();
        await store.PublishAsync(IssuedLetterTests.Declaration);
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
            ids.Add((await store.SubmittedAsync(TestStore.Applicant($"employer-{i}"), "store-declaration")).Id);

        var results = await TestStore.RaceAsync(2, reviewer => store.Applications.ActAsync(ids, reviewer, BatchAction.Acknowledge));

        var lines = results.SelectMany(r => r.Result.Value!.Lines.Select(l => (Reviewer: r.Reviewer.UserId, Line: l))).ToList();
        foreach (var id in ids)
        {
            var done = Assert.Single(lines, l => l.Line.ApplicationId == id && l.Line.Done);
            var refused = Assert.Single(lines, l => l.Line.ApplicationId == id && !l.Line.Done).Line.Refusal!;
            Assert.True(refused.Code is RefusalCodes.AlreadyDecided or RefusalCodes.Busy, refused.ToString());
            if (refused.Code == RefusalCodes.AlreadyDecided)
                Assert.Contains(done.Reviewer, refused.Message.Get("en"), StringComparison.Ordinal);
        }
        var decided = (await store.AuditAsync()).Where(a => a.Kind == WorkflowEvents.Decided).ToList();
        Assert.Equal(ids.Order(), decided.Select(a => a.ApplicationId!.Value).Order());
        foreach (var id in ids)
            Assert.Single((await store.Applications.IssuedAsync(id, Karim)).Value!, l => l.Kind == "acknowledged");
    }

    [Fact]
    public async Task Act_ClaimThenRelease_TakesTheFreeFilesAndReleasesOnlyTheReviewersOwn()
    {
        await using var store = await TestStore.CreateAsync();
        var free = await store.SubmittedAsync(TestStore.Applicant("employer-1"));
        var nadias = await store.SubmittedAsync(TestStore.Applicant("employer-2"));
        Assert.True((await store.Applications.ClaimAsync(nadias.Id, Nadia)).Succeeded);

        var claimed = (await store.Applications.ActAsync([free.Id, nadias.Id], Karim, BatchAction.Claim)).Value!;
        var released = (await store.Applications.ActAsync([free.Id, nadias.Id], Karim, BatchAction.Release)).Value!;

        Assert.Equal([free.Id], claimed.Done.Select(l => l.ApplicationId));
        Assert.Equal("Already claimed by Karim nadia.", Assert.Single(claimed.Refused).Refusal!.Message.Get("en"));
        Assert.Equal([free.Id], released.Done.Select(l => l.ApplicationId));
        Assert.Equal(RefusalCodes.NotClaimed, Assert.Single(released.Refused).Refusal!.Code);
        Assert.Equal([(free.Id, (string?)null), (nadias.Id, "nadia")], (await store.Applications.InboxAsync(Karim)).Select(i => (i.ApplicationId, i.ClaimedBy)).OrderBy(i => i.ApplicationId == nadias.Id));
    }

    [Fact]
    public async Task Check_OffersEachActionWhereItIsPermitted_AndWritesNothing()
    {
        await using var store = await TestStore.CreateAsync();
        await store.PublishAsync(IssuedLetterTests.Declaration);
        var declaration = await store.SubmittedAsync(TestStore.Applicant("employer-1"), "store-declaration");
        var visa = await store.SubmittedAsync(TestStore.Applicant("employer-2"));
        var audited = (await store.AuditAsync()).Count;

        var results = (await store.Applications.CheckBatchAsync([declaration.Id, visa.Id], Karim)).Value!.ToDictionary(r => r.Action);

        Assert.Equal([declaration.Id, visa.Id], results[BatchAction.Claim].Done.Select(l => l.ApplicationId));
        Assert.Empty(results[BatchAction.Release].Done);
        Assert.Equal([declaration.Id], results[BatchAction.Acknowledge].Done.Select(l => l.ApplicationId));
        Assert.Equal([visa.Id], results[BatchAction.Approve].Done.Select(l => l.ApplicationId));
        Assert.Equal(audited, (await store.AuditAsync()).Count);
        Assert.Equal(ApplicationStatus.InReview, (await store.Applications.GetAsync(declaration.Id, Karim)).Value!.Status);
    }

    [Fact]
    public async Task Act_MoreThanTheCap_IsRefusedAsAWholeWithNothingDone()
    {
        await using var store = await TestStore.CreateAsync();
        await store.PublishAsync(IssuedLetterTests.Declaration);
        var declaration = await store.SubmittedAsync(TestStore.Applicant("employer-1"), "store-declaration");
        Guid[] ids = [declaration.Id, .. Enumerable.Range(0, Applications.MaxBatch).Select(_ => Guid.NewGuid())];

        var result = await store.Applications.ActAsync(ids, Karim, BatchAction.Acknowledge);
        var check = await store.Applications.CheckBatchAsync(ids, Karim);

        Assert.Equal(RefusalCodes.BatchTooLarge, result.Refusal?.Code);
        Assert.Equal("Au plus 100 dossiers à la fois : vous en avez choisi 101.", result.Refusal!.Message.Get("fr"));
        Assert.Equal(RefusalCodes.BatchTooLarge, check.Refusal?.Code);
        Assert.Equal(ApplicationStatus.InReview, (await store.Applications.GetAsync(declaration.Id, Karim)).Value!.Status);
    }
}
