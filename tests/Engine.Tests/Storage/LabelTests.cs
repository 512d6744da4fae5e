using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// Labels reviewers put on files (the procedure's <c>labels:</c>) and "awaiting a reply" (the applicant wrote last): set,
/// removed, refused, audited, never shown to the applicant, and what the inbox filters and counts with them.
/// </summary>
public sealed class LabelTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Karim = TestStore.DeskAgent("karim", "casablanca");
    private static readonly Actor Nadia = TestStore.DeskAgent("nadia", "casablanca");
    private static readonly Actor Rachid = TestStore.DeskAgent("rachid", "rabat");
    private static readonly Actor Ines = Actor.Reviewer("ines", "Ines Inspectrice", "labour-inspector", "casablanca");
    private static readonly Actor Administrator = new("admin", "Admin", "administrator", RoleKind.Staff, []);

    [Fact]
    public async Task SetLabel_ReviewerWhoMaySeeTheFile_IsOnTheInboxLineAndAuditedButNeverShownToTheApplicant()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        var set = await store.Applications.SetLabelAsync(app.Id, Karim, "priority", on: true);

        Assert.Equal(["priority"], set.Value!.Shown.Select(l => l.Id));
        Assert.Equal(["priority", "cnss-check"], set.Value.Offered.Select(l => l.Id));
        var line = Assert.Single(await store.Applications.InboxAsync(Nadia));
        Assert.Equal(("priority", "Dossier prioritaire", "red"), (line.Labels.Single().Id, line.Labels.Single().Title.Get("fr"), line.Labels.Single().Colour));
        Assert.Single(await store.AuditAsync(), a => a.Kind == StorageEvents.Labelled && a.ActorId == "karim" && a.Detail == "priority" && a.ApplicationId == app.Id);
        Assert.Contains((await store.Applications.HistoryAsync(app.Id, Nadia)).Value!, e => e.Kind == StorageEvents.Labelled);
        Assert.DoesNotContain((await store.Applications.HistoryAsync(app.Id, Amina)).Value!, e => e.Kind == StorageEvents.Labelled);
        Assert.DoesNotContain((await store.Applications.DossierAsync(app.Id, Amina)).Value!.History, e => e.Kind == StorageEvents.Labelled);
        Assert.Contains((await store.Applications.DossierAsync(app.Id, Karim)).Value!.Audit!.Entries, e => e.Record.Kind == StorageEvents.Labelled);
        Assert.Equal(["priority"], (await store.Applications.LabelsAsync(app.Id, Administrator)).Value!.Shown.Select(l => l.Id));
    }

    [Fact]
    public async Task SetLabel_AnotherProvincesReviewerOrTheApplicant_IsRefusedInThreeLanguagesAndAudited()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        var elsewhere = await store.Applications.SetLabelAsync(app.Id, Rachid, "priority", on: true);
        var applicant = await store.Applications.SetLabelAsync(app.Id, Amina, "priority", on: true);
        var administrator = await store.Applications.SetLabelAsync(app.Id, Administrator, "priority", on: true);

        Assert.Equal(RefusalCodes.NotYours, elsewhere.Refusal?.Code);
        Assert.Equal(RefusalCodes.LabelsForReviewers, applicant.Refusal?.Code);
        Assert.Equal(RefusalCodes.LabelsForReviewers, administrator.Refusal?.Code);
        Assert.All(LocalizedText.Languages, language => Assert.False(string.IsNullOrWhiteSpace(applicant.Refusal!.Message.Get(language))));
        Assert.StartsWith("وحدهم", applicant.Refusal!.Message.Get("ar"), StringComparison.Ordinal);
        Assert.Equal(RefusalCodes.LabelsForReviewers, (await store.Applications.LabelsAsync(app.Id, Amina)).Refusal?.Code);
        Assert.Equal(RefusalCodes.NotYours, (await store.Applications.LabelsAsync(app.Id, Rachid)).Refusal?.Code);
        var audit = await store.AuditAsync();
        Assert.Contains(audit, a => a.Kind == WorkflowEvents.Refused && a.ActorId == "rachid" && a.Detail == RefusalCodes.NotYours);
        Assert.Contains(audit, a => a.Kind == WorkflowEvents.Refused && a.ActorId == "amina" && a.Detail == RefusalCodes.LabelsForReviewers);
        Assert.DoesNotContain(audit, a => a.Kind == StorageEvents.Labelled);
        Assert.Empty((await store.Applications.LabelsAsync(app.Id, Karim)).Value!.On);
    }

    [Fact]
    public async Task SetLabel_UnknownLabel_IsRefusedNamingIt()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        var refused = await store.Applications.SetLabelAsync(app.Id, Karim, "urgent", on: true);

        Assert.Equal(RefusalCodes.UnknownLabel, refused.Refusal?.Code);
        Assert.Equal("This application's procedure has no label 'urgent'.", refused.Refusal!.Message.Get("en"));
        Assert.Contains("urgent", refused.Refusal.Message.Get("ar"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetLabel_OffAfterOnAndTwiceEach_RemovesItAuditingEachChangeOnce()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        await store.Applications.SetLabelAsync(app.Id, Karim, "cnss-check", on: true);
        await store.Applications.SetLabelAsync(app.Id, Nadia, "cnss-check", on: true);
        await store.Applications.SetLabelAsync(app.Id, Nadia, "cnss-check", on: false);
        var off = await store.Applications.SetLabelAsync(app.Id, Karim, "cnss-check", on: false);

        Assert.Empty(off.Value!.On);
        Assert.Empty(Assert.Single(await store.Applications.InboxAsync(Karim)).Labels);
        var audit = await store.AuditAsync();
        Assert.Single(audit, a => a.Kind == StorageEvents.Labelled && a.ActorId == "karim");
        Assert.Single(audit, a => a.Kind == StorageEvents.Unlabelled && a.ActorId == "nadia" && a.Detail == "cnss-check");
    }

    [Fact]
    public async Task Inbox_FilteredByLabel_GivesTheLabelledFilesWithEachLabelsCountAndTheOtherCountsNarrowed()
    {
        await using var store = await TestStore.CreateAsync();
        var first = await store.SubmittedAsync(Amina);
        var second = await store.SubmittedAsync(TestStore.Applicant("brahim"));
        var third = await store.SubmittedAsync(TestStore.Applicant("chaima"));
        await store.Applications.SetLabelAsync(first.Id, Karim, "priority", on: true);
        await store.Applications.SetLabelAsync(second.Id, Karim, "priority", on: true);
        await store.Applications.SetLabelAsync(second.Id, Karim, "cnss-check", on: true);
        await store.Applications.SetLabelAsync(third.Id, Karim, "cnss-check", on: true);
        await store.Applications.SetLabelAsync(third.Id, Karim, "cnss-check", on: true);

        var priority = await store.Applications.InboxAsync(Nadia, new InboxFilter { Labels = ["priority"] });
        var none = await store.Applications.InboxAsync(Nadia, InboxFilter.None);
        var elsewhere = await store.Applications.InboxAsync(Rachid, InboxFilter.None);

        Assert.Equal(2, priority.Total);
        Assert.Equal(new[] { first.Id, second.Id }.Order(), priority.Items.Select(i => i.ApplicationId).Order());
        Assert.Equal([("priority", 2), ("cnss-check", 2)], priority.Counts.Labels.Select(l => (l.Value, l.Count)));
        Assert.Equal("Dossier prioritaire", priority.Counts.Labels[0].Label.Get("fr"));
        Assert.Equal("red", priority.Counts.Labels[0].Colour);
        Assert.Equal(2, priority.Counts.Procedures.Single().Count);
        Assert.Equal(3, none.Total);
        Assert.Empty(elsewhere.Counts.Labels);
        Assert.Equal(3, (await store.Applications.InboxAsync(Nadia, new InboxFilter { Labels = ["priority", "cnss-check"] })).Total);
    }

    [Fact]
    public async Task AwaitingReply_ApplicantWritesThenAReviewerReplies_IsSetFilteredCountedKeptAtTheNextStepAndCleared()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        var quiet = await store.SubmittedAsync(TestStore.Applicant("brahim"));
        var awaiting = new InboxFilter { AwaitingReply = true };

        await store.Applications.PostMessageAsync(app.Id, Amina, "Le passeport est-il lisible ?", []);
        var asked = await store.Applications.InboxAsync(Karim, awaiting);
        await store.Applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.Approve));
        var nextStep = await store.Applications.InboxAsync(Ines, awaiting);
        await store.Applications.PostMessageAsync(app.Id, Ines, "Oui, il l'est.", []);
        var answered = await store.Applications.InboxAsync(Ines, InboxFilter.None);

        Assert.Equal([app.Id], asked.Items.Select(i => i.ApplicationId));
        Assert.True(asked.Items.Single().AwaitingReply);
        Assert.Equal(1, asked.Counts.AwaitingReply);
        Assert.Equal(1, asked.Total);
        Assert.True(Assert.Single(nextStep.Items).AwaitingReply);
        Assert.Equal(0, answered.Counts.AwaitingReply);
        Assert.False(Assert.Single(answered.Items).AwaitingReply);
        Assert.False((await store.Applications.InboxAsync(Ines, InboxFilter.None)).Items.Single(i => i.ApplicationId == app.Id).AwaitingReply);
        Assert.False((await store.Applications.InboxAsync(Karim, InboxFilter.None)).Items.Single(i => i.ApplicationId == quiet.Id).AwaitingReply);
    }

    [Fact]
    public async Task NoReplyNeeded_ByAReviewer_ClearsTheMarkAuditedAndHiddenFromTheApplicant()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        await store.Applications.PostMessageAsync(app.Id, Amina, "Merci.", []);

        var refused = await store.Applications.NoReplyNeededAsync(app.Id, Amina);
        var cleared = await store.Applications.NoReplyNeededAsync(app.Id, Karim);
        var again = await store.Applications.NoReplyNeededAsync(app.Id, Nadia);

        Assert.Equal(RefusalCodes.LabelsForReviewers, refused.Refusal?.Code);
        Assert.False(cleared.Value!.AwaitingReply);
        Assert.True(again.Succeeded);
        Assert.Single(await store.AuditAsync(), a => a.Kind == StorageEvents.NoReplyNeeded && a.ActorId == "karim");
        Assert.DoesNotContain((await store.Applications.HistoryAsync(app.Id, Amina)).Value!, e => e.Kind == StorageEvents.NoReplyNeeded);
        Assert.Equal(0, (await store.Applications.InboxAsync(Karim, InboxFilter.None)).Counts.AwaitingReply);

        await store.Applications.PostMessageAsync(app.Id, Amina, "Une dernière question.", []);
        Assert.True((await store.Applications.LabelsAsync(app.Id, Karim)).Value!.AwaitingReply);
    }

    [Fact]
    public async Task LabelAll_FilesOfTheReviewerAndOfAnotherProvince_LabelsTheirsAndRefusesTheOtherWithoutNamingIt()
    {
        await using var store = await TestStore.CreateAsync();
        var mine = await store.SubmittedAsync(Amina);
        var alsoMine = await store.SubmittedAsync(TestStore.Applicant("brahim"));
        var rabat = await store.SubmittedAsync(TestStore.Applicant("chaima"), province: "rabat");

        var added = (await store.Applications.LabelAllAsync([mine.Id, rabat.Id, alsoMine.Id], Karim, "priority", on: true)).Value!;
        var removed = (await store.Applications.LabelAllAsync([mine.Id], Karim, "priority", on: false)).Value!;
        var tooMany = await store.Applications.LabelAllAsync([.. Enumerable.Range(0, Applications.MaxBatch + 1).Select(_ => Guid.NewGuid())], Karim, "priority", on: true);

        Assert.Equal(BatchAction.AddLabel, added.Action);
        Assert.Equal([mine.Id, rabat.Id, alsoMine.Id], added.Lines.Select(l => l.ApplicationId));
        Assert.Equal([true, false, true], added.Lines.Select(l => l.Done));
        Assert.Equal((RefusalCodes.NotYours, (string?)null), (added.Lines[1].Refusal!.Code, added.Lines[1].Reference));
        Assert.Equal(mine.Reference, added.Lines[0].Reference);
        Assert.Equal(BatchAction.RemoveLabel, removed.Action);
        Assert.Equal([alsoMine.Id], (await store.Applications.InboxAsync(Karim, new InboxFilter { Labels = ["priority"] })).Items.Select(i => i.ApplicationId));
        Assert.Equal(RefusalCodes.BatchTooLarge, tooMany.Refusal?.Code);
    }
}
