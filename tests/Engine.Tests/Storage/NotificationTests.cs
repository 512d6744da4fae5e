using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>Who sees which notification in the portal, what is new to whom, and the index the queries take.</summary>
public sealed class NotificationTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Karim = TestStore.DeskAgent("karim", "casablanca");
    private static readonly Actor Salma = TestStore.DeskAgent("salma", "casablanca");
    private static readonly Actor RabatAgent = TestStore.DeskAgent("youssef", "rabat");
    private static readonly Actor Inspector = Actor.Reviewer("driss", "Driss", "labour-inspector", "casablanca");
    private static readonly Actor Director = Actor.Reviewer("nadia", "Nadia", "regional-director", "casablanca");
    private static readonly Actor NationalService = Actor.Reviewer("hind", "Hind", "migrant-employment-service");

    [Fact]
    public async Task Page_Applicant_SeesTheirFileNewestFirstWithReferenceStepAndTheReviewersMessage()
    {
        await using var store = await TestStore.CreateAsync();
        var notifications = new Notifications(store.Databases);
        var app = await store.SubmittedAsync(Amina);
        await store.Applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.RequestChanges, "Précisez la raison sociale.", ["company_name"]));

        var page = await notifications.PageAsync(Amina);

        Assert.Equal(2, page.Total);
        Assert.Equal<string>([WorkflowEvents.ChangesRequested, WorkflowEvents.Submitted], page.Items.Select(i => i.Kind));
        var changes = page.Items[0];
        Assert.Equal((app.Id, app.Reference, "store-visa", "reception", ApplicationStatus.ChangesRequested), (changes.ApplicationId, changes.Reference, changes.ProcedureId, changes.Step, changes.Status));
        Assert.Equal("Précisez la raison sociale.", changes.Comment);
        Assert.False(changes.ToRole);
        Assert.All(page.Items, i => Assert.True(i.IsNew));
        Assert.Equal(store.Clock.GetUtcNow().UtcDateTime, changes.At);
    }

    [Fact]
    public async Task Page_Applicant_NeverSeesAnotherApplicantsFileEvenWhenARowNamesThem()
    {
        await using var store = await TestStore.CreateAsync();
        var notifications = new Notifications(store.Databases);
        var omar = TestStore.Applicant("omar");
        await store.SubmittedAsync(Amina);
        var his = await store.SubmittedAsync(omar);
        await AddAsync(store, his.Id, "amina", "", WorkflowEvents.Decided, "Motif interne");

        var aminas = await notifications.PageAsync(Amina);

        Assert.Equal(1, aminas.Total);
        Assert.DoesNotContain(aminas.Items, i => i.ApplicationId == his.Id);
        Assert.Equal(1, await notifications.UnreadCountAsync(Amina));
        Assert.Equal(his.Id, Assert.Single((await notifications.PageAsync(omar)).Items).ApplicationId);
    }

    [Fact]
    public async Task Page_ReturnedToAnEarlierStep_ShowsTheApplicantTheEventButNotTheReviewersNote()
    {
        await using var store = await TestStore.CreateAsync();
        var notifications = new Notifications(store.Databases);
        // The decision step may send the file back to the reception.
        await store.PublishAsync(File.ReadAllText(Path.Combine(TestStore.ProceduresFolder, "store-visa.yaml")).Replace(
            "role: migrant-employment-service\n    actions: [approve, reject]", "role: migrant-employment-service\n    actions: [approve, reject, return]", StringComparison.Ordinal));
        var app = await store.SubmittedAsync(Amina);
        await store.Applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.Approve));
        await store.Applications.DecideAsync(app.Id, Inspector, new WorkflowCommand.Decide("opinions", StepAction.Approve));
        await store.Applications.DecideAsync(app.Id, Director, new WorkflowCommand.Decide("opinions", StepAction.Approve));
        const string Note = "Note pour l'agent : revoir l'effectif";
        var returning = await store.Applications.DecideAsync(app.Id, NationalService, new WorkflowCommand.Decide("decision", StepAction.Return, Note, ReturnTo: "reception"));
        Assert.True(returning.Succeeded, returning.ToString());

        var returned = (await notifications.PageAsync(Amina)).Items[0];

        Assert.Equal(WorkflowEvents.Returned, returned.Kind);
        Assert.Null(returned.Comment);
        // Not in the applicant's row either, so a dispatcher sending the outbox by e-mail cannot send it.
        Assert.DoesNotContain(await store.Outbox.ForUserAsync(Amina.UserId), n => n.Comment == Note);
    }

    [Fact]
    public async Task Page_NewFile_ToldToTheRolesReviewersOfItsProvinceOnly()
    {
        await using var store = await TestStore.CreateAsync();
        var notifications = new Notifications(store.Databases);
        var app = await store.SubmittedAsync(Amina);

        var karims = await notifications.PageAsync(Karim);

        var arrived = Assert.Single(karims.Items);
        Assert.Equal((app.Id, WorkflowEvents.Submitted, "reception", true, true), (arrived.ApplicationId, arrived.Kind, arrived.Step, arrived.ToRole, arrived.IsNew));
        Assert.Equal(1, (await notifications.PageAsync(Salma)).Total);
        Assert.Equal(0, (await notifications.PageAsync(RabatAgent)).Total);
        Assert.Equal(0, (await notifications.PageAsync(Inspector)).Total);
        Assert.Equal(0, (await notifications.PageAsync(NationalService)).Total);
        Assert.Equal(0, (await notifications.PageAsync(Actor.Reviewer("nobody", "N", "desk-agent"))).Total);
        Assert.Equal(0, await notifications.UnreadCountAsync(RabatAgent));
    }

    [Fact]
    public async Task Page_FileMovesOn_ToldToEachRoleOfTheParallelStepThenToTheNationalService()
    {
        await using var store = await TestStore.CreateAsync();
        var notifications = new Notifications(store.Databases);
        var app = await store.SubmittedAsync(Amina);

        await store.Applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.Approve));
        Assert.Equal(("opinions", WorkflowEvents.StepEntered), Arrival(await notifications.PageAsync(Inspector)));
        Assert.Equal(("opinions", WorkflowEvents.StepEntered), Arrival(await notifications.PageAsync(Director)));
        Assert.Equal(0, (await notifications.PageAsync(NationalService)).Total);

        // One role's opinion leaves the step where it is: nobody is told it arrived again.
        await store.Applications.DecideAsync(app.Id, Inspector, new WorkflowCommand.Decide("opinions", StepAction.Approve));
        Assert.Equal(1, (await notifications.PageAsync(Director)).Total);

        await store.Applications.DecideAsync(app.Id, Director, new WorkflowCommand.Decide("opinions", StepAction.Approve));
        Assert.Equal(("decision", WorkflowEvents.StepEntered), Arrival(await notifications.PageAsync(NationalService)));
        Assert.Equal(0, (await notifications.PageAsync(Actor.Reviewer("other", "Autre", "central-services"))).Total);
    }

    [Fact]
    public async Task Page_ApplicantsMessage_ToldToTheActingRoleWithItsText_AndAReviewersOwnRowsToThemOnly()
    {
        await using var store = await TestStore.CreateAsync();
        var notifications = new Notifications(store.Databases);
        var app = await store.SubmittedAsync(Amina);
        await store.Applications.PostMessageAsync(app.Id, Amina, "Le contrat est joint.", []);
        await AddAsync(store, app.Id, "karim", "", StorageEvents.MessagePosted, "Pour Karim seulement");

        var karims = await notifications.PageAsync(Karim);
        var salmas = await notifications.PageAsync(Salma);

        Assert.Equal<string?>(["Pour Karim seulement", "Le contrat est joint.", null], karims.Items.Select(i => i.Comment));
        Assert.False(karims.Items[0].ToRole);
        Assert.Equal<string?>(["Le contrat est joint.", null], salmas.Items.Select(i => i.Comment));
    }

    [Fact]
    public async Task UnreadCount_RoleNotification_NewForEachReviewerUntilTheyHaveSeenIt()
    {
        await using var store = await TestStore.CreateAsync();
        var notifications = new Notifications(store.Databases);
        await store.SubmittedAsync(Amina);
        Assert.Equal((1, 1, 1), (await notifications.UnreadCountAsync(Karim), await notifications.UnreadCountAsync(Salma), await notifications.UnreadCountAsync(Amina)));

        Assert.True(await notifications.MarkSeenAsync(Karim, (await notifications.PageAsync(Karim)).Newest));

        Assert.Equal((0, 1, 1), (await notifications.UnreadCountAsync(Karim), await notifications.UnreadCountAsync(Salma), await notifications.UnreadCountAsync(Amina)));
        Assert.False(Assert.Single((await notifications.PageAsync(Karim)).Items).IsNew);
        Assert.True(Assert.Single((await notifications.PageAsync(Salma)).Items).IsNew);

        await store.SubmittedAsync(TestStore.Applicant("omar"));
        Assert.Equal((1, 2), (await notifications.UnreadCountAsync(Karim), await notifications.UnreadCountAsync(Salma)));
    }

    [Fact]
    public async Task MarkSeen_OnlyMovesForward_AndWhatArrivedSinceStaysNew()
    {
        await using var store = await TestStore.CreateAsync();
        var notifications = new Notifications(store.Databases);
        var app = await store.SubmittedAsync(Amina);
        var shown = (await notifications.PageAsync(Amina)).Newest;
        await store.Applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.Reject, "Hors délai"));

        Assert.True(await notifications.MarkSeenAsync(Amina, shown));
        Assert.False(await notifications.MarkSeenAsync(Amina, shown - 1));
        Assert.False(await notifications.MarkSeenAsync(Amina, 0));

        Assert.Equal(1, await notifications.UnreadCountAsync(Amina));
        Assert.Equal<bool>([true, false], (await notifications.PageAsync(Amina)).Items.Select(i => i.IsNew));
        Assert.False(await notifications.MarkSeenAsync(Actor.System, long.MaxValue));
    }

    [Fact]
    public async Task Page_ManyInSeveralRanges_ThirtyAPageNewestFirstWithTheTotal()
    {
        await using var store = await TestStore.CreateAsync();
        var notifications = new Notifications(store.Databases);
        var app = await store.SubmittedAsync(Amina);
        for (var i = 0; i < 40; i++)
            await AddAsync(store, app.Id, "role:desk-agent", (i % 4) switch { 0 => "", 1 => "casablanca", 2 => "rabat", _ => "-" }, StorageEvents.DeadlineNear, null);

        var first = await notifications.PageAsync(Karim);
        var second = await notifications.PageAsync(Karim, 1);

        // 20 rows everywhere or in Casablanca, and the new file's arrival in Casablanca.
        Assert.Equal((21, 1), (first.Total, first.Pages));
        Assert.Equal(21, first.Items.Count);
        Assert.Equal(first.Items.Select(i => i.Id).OrderDescending(), first.Items.Select(i => i.Id));
        Assert.Empty(second.Items);
        var national = Actor.Reviewer("n", "N", "desk-agent");
        Assert.Equal(10, (await notifications.PageAsync(national)).Total);
        for (var i = 0; i < 30; i++)
            await AddAsync(store, app.Id, "role:desk-agent", "casablanca", StorageEvents.DeadlineNear, null);
        first = await notifications.PageAsync(Karim);
        second = await notifications.PageAsync(Karim, 1);
        Assert.Equal((51, 2, 30, 21), (first.Total, first.Pages, first.Items.Count, second.Items.Count));
        Assert.True(first.Items[^1].Id > second.Items[0].Id);
        Assert.Empty((await notifications.PageAsync(Karim, 2)).Items);
    }

    [Fact]
    public async Task UnreadCount_MoreNewThanItCounts_StopsAtCountedUpTo_AndCountsAgainOnceSeen()
    {
        await using var store = await TestStore.CreateAsync();
        var notifications = new Notifications(store.Databases);
        var app = await store.SubmittedAsync(Amina);
        for (var i = 0; i < Notifications.CountedUpTo + 20; i++)
            await AddAsync(store, app.Id, "role:desk-agent", "casablanca", StorageEvents.DeadlineNear, null);

        Assert.Equal(Notifications.CountedUpTo, await notifications.UnreadCountAsync(Karim));

        var newest = (await notifications.PageAsync(Karim)).Newest;
        Assert.True(await notifications.MarkSeenAsync(Karim, newest));
        await AddAsync(store, app.Id, "role:desk-agent", "casablanca", StorageEvents.DeadlineNear, null);
        Assert.Equal(1, await notifications.UnreadCountAsync(Karim));
    }

    [SqliteOnlyFact("reads SQLite's query plans")]
    public async Task UnreadCount_ApplicantAndReviewer_SearchTheNotificationsIndexAndScanNothing()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SubmittedAsync(Amina);
        await using var db = await store.Databases.CreateDbContextAsync();

        foreach (var actor in new[] { Karim, Amina })
        {
            var plan = await QueryPlans.ExplainAsync(store.DatabaseFile, Notifications.UnreadSql(db, actor));

            Assert.True(plan.Contains("IX_Notifications_Recipient_Territory_Id", StringComparison.Ordinal), Notifications.UnreadSql(db, actor) + "\n" + plan);
            Assert.DoesNotContain("SCAN ", plan, StringComparison.Ordinal);
        }
    }

    private static (string? Step, string Kind) Arrival(NotificationPage page)
    {
        var item = Assert.Single(page.Items);
        return (item.Step, item.Kind);
    }

    /// <summary>Writes a notification straight into the outbox, as a transition or a future sender might.</summary>
    [Fact]
    public async Task WrittenTo_Reviewer_IsWhatWasWrittenToThemByNameOrEmailedToThem_NotWhatTheirRoleCouldRead()
    {
        await using var store = await TestStore.CreateAsync();
        var notifications = new Notifications(store.Databases);
        var app = await store.SubmittedAsync(Amina);
        await AddAsync(store, app.Id, "karim", "", StorageEvents.DeadlineNear, null);
        var onTheRolesPage = await notifications.PageAsync(Karim);
        var toTheRole = onTheRolesPage.Items.Where(i => i.ToRole).Select(i => i.Id).ToList();
        Assert.Equal(2, onTheRolesPage.Total);
        var emailedAt = store.Clock.GetUtcNow().UtcDateTime;
        await new Outbox(store.Databases).MarkSentAsync(toTheRole, emailedAt, [new Delivery(toTheRole[0], "karim", emailedAt)]);

        var karims = await ToListAsync(notifications.WrittenToAsync(Karim));
        var salmas = await ToListAsync(notifications.WrittenToAsync(Salma));

        Assert.Equal([toTheRole[0], onTheRolesPage.Items.Single(i => !i.ToRole).Id], karims.Select(n => n.Item.Id).Order());
        Assert.Equal(emailedAt, karims.Single(n => n.Item.ToRole).EmailedAt);
        Assert.Null(karims.Single(n => !n.Item.ToRole).EmailedAt);
        // Salma reads the role's notification on her page, but it was neither written nor e-mailed to her.
        Assert.Empty(salmas);
    }

    [Fact]
    public async Task WrittenTo_Applicant_NeverHoldsAnotherApplicantsFileEvenWhenARowNamesThem()
    {
        await using var store = await TestStore.CreateAsync();
        var notifications = new Notifications(store.Databases);
        var omar = TestStore.Applicant("omar");
        var hers = await store.SubmittedAsync(Amina);
        var his = await store.SubmittedAsync(omar);
        await AddAsync(store, his.Id, "amina", "", WorkflowEvents.Decided, "Motif interne");

        var aminas = await ToListAsync(notifications.WrittenToAsync(Amina));

        Assert.Equal(hers.Id, Assert.Single(aminas).Item.ApplicationId);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
            list.Add(item);
        return list;
    }

    private static async Task AddAsync(TestStore store, Guid applicationId, string recipient, string territory, string kind, string? comment)
    {
        await using var db = await store.Databases.CreateDbContextAsync();
        db.Notifications.Add(new Notification
        {
            ApplicationId = applicationId,
            Recipient = recipient,
            Territory = territory,
            Kind = kind,
            Step = "reception",
            Status = "in_review",
            Comment = comment,
            CreatedAt = store.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
    }
}
