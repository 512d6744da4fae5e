using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>What a daily summary reads of the outbox: a person's notifications between two ids, and how far a summary may reach.</summary>
public sealed class NotificationSpanTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Karim = TestStore.DeskAgent("karim", "casablanca");
    private static readonly Actor RabatAgent = TestStore.DeskAgent("youssef", "rabat");

    [Fact]
    public async Task Between_TerritorialReviewer_GetsTheirProvincesAfterTheMarkOnly_OldestFirst_WithTheTotal()
    {
        await using var store = await TestStore.CreateAsync();
        var notifications = new Notifications(store.Databases);
        var before = await store.SubmittedAsync(Amina);
        var mark = await notifications.NewestAsync(store.Clock.GetUtcNow().UtcDateTime);
        var first = await store.SubmittedAsync(Amina);
        await store.Applications.DecideAsync(first.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.RequestChanges, "Précisez la raison sociale.", ["company_name"]));
        var second = await store.SubmittedAsync(Amina);
        var inRabat = await store.SubmittedAsync(Amina, province: "rabat");
        var upTo = await notifications.NewestAsync(store.Clock.GetUtcNow().UtcDateTime);

        var karims = await notifications.BetweenAsync(Karim, mark, upTo, 50);
        var cut = await notifications.BetweenAsync(Karim, mark, upTo, 1);
        var youssefs = await notifications.BetweenAsync(RabatAgent, mark, upTo, 50);

        Assert.Equal<Guid>([first.Id, second.Id], karims.Items.Select(i => i.ApplicationId).Distinct());
        Assert.DoesNotContain(karims.Items, i => i.ApplicationId == before.Id || i.ApplicationId == inRabat.Id);
        Assert.Equal(karims.Items.OrderBy(i => i.Id).Select(i => i.Id), karims.Items.Select(i => i.Id));
        Assert.All(karims.Items, i => Assert.True(i.Id > mark && i.Id <= upTo));
        Assert.Equal(karims.Items.Count, karims.Total);
        Assert.Equal((1, karims.Total), (cut.Items.Count, cut.Total));
        Assert.Equal(karims.Items[0].Id, cut.Items[0].Id);
        Assert.Equal(inRabat.Id, Assert.Single(youssefs.Items).ApplicationId);
        Assert.Equal(0, (await notifications.BetweenAsync(Karim, upTo, upTo, 50)).Total);
    }

    [Fact]
    public async Task Between_Applicant_NeverGetsAnotherApplicantsFileEvenWhenARowNamesThem()
    {
        await using var store = await TestStore.CreateAsync();
        var notifications = new Notifications(store.Databases);
        var omar = TestStore.Applicant("omar");
        var hers = await store.SubmittedAsync(Amina);
        var his = await store.SubmittedAsync(omar);
        await AddAsync(store, his.Id, "amina", store.Clock.GetUtcNow().UtcDateTime);

        var span = await notifications.BetweenAsync(Amina, 0, long.MaxValue, 50);

        Assert.Equal(hers.Id, Assert.Single(span.Items).ApplicationId);
    }

    [Fact]
    public async Task Newest_OnlyWhatWasWrittenByTheTime_ZeroWhenNothing()
    {
        await using var store = await TestStore.CreateAsync();
        var notifications = new Notifications(store.Databases);
        var now = store.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(0, await notifications.NewestAsync(now));
        var app = await store.SubmittedAsync(Amina);
        var written = await notifications.NewestAsync(now);
        await AddAsync(store, app.Id, "role:desk-agent", now.AddMinutes(5));

        Assert.True(written > 0);
        Assert.Equal(written, await notifications.NewestAsync(now.AddMinutes(1)));
        Assert.True(await notifications.NewestAsync(now.AddMinutes(5)) > written);
    }

    private static async Task AddAsync(TestStore store, Guid applicationId, string recipient, DateTime at)
    {
        await using var db = await store.Databases.CreateDbContextAsync();
        db.Notifications.Add(new Notification
        {
            ApplicationId = applicationId,
            Recipient = recipient,
            Territory = recipient.StartsWith(Notification.RolePrefix, StringComparison.Ordinal) ? "casablanca" : "",
            Kind = StorageEvents.DeadlineNear,
            Step = "reception",
            Status = "in_review",
            CreatedAt = at,
        });
        await db.SaveChangesAsync();
    }
}
