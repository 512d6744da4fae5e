using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>The notifications given up on, as the administrators' page lists them and sends them again.</summary>
public sealed class SetAsideTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static readonly Actor Administrator = new("admin-1", "Salma Admin", "administrator", RoleKind.Staff, []);

    [Fact]
    public async Task SetAsidePage_NewestFirst_PagedWithTheTotal_WithTheApplicationAndWhatHappened()
    {
        await using var store = await TestStore.CreateAsync();
        var applications = new List<Application>();
        for (var i = 0; i < 3; i++)
            applications.Add(await store.SubmittedAsync(TestStore.Applicant("amina" + i)));
        var now = store.Clock.GetUtcNow().UtcDateTime;
        var claimed = await store.Outbox.ClaimAsync("one", now, 100, Lease);
        var ids = applications.Select(a => claimed.First(n => n.Item.ApplicationId == a.Id && n.Role is null).Item.Id).ToList();
        for (var i = 0; i < 3; i++)
            await store.Outbox.FailedAsync(ids[i], "one", "550 mailbox unavailable " + i, now.AddMinutes(i), retryAt: null);

        var first = (await store.Outbox.SetAsidePageAsync(Administrator, 0, 2)).Value!;
        var second = (await store.Outbox.SetAsidePageAsync(Administrator, 1, 2)).Value!;

        Assert.Equal((3, 3, 1), (first.Total, second.Total, second.Page));
        Assert.Equal([ids[2], ids[1], ids[0]], first.Items.Concat(second.Items).Select(n => n.Id));
        var newest = first.Items[0];
        Assert.Equal((applications[2].Reference, "store-visa", WorkflowEvents.Submitted, "amina2", "550 mailbox unavailable 2", 1),
            (newest.Item.Reference, newest.Item.ProcedureId, newest.Kind, newest.Recipient, newest.LastError, newest.Attempts));
        Assert.Equal(now.AddMinutes(2), newest.SetAsideAt);
    }

    [SqliteOnlyFact("reads SQLite's query plans")]
    public async Task SetAsidePage_ReadsOnlyUnsentOrSetAsideRowsThroughAnIndex_AndScansNothing()
    {
        await using var store = await TestStore.CreateAsync();
        await using var db = await store.Databases.CreateDbContextAsync();
        var sql = Outbox.SetAsidePage(db, 2, 50).ToQueryString();

        var plan = await QueryPlans.ExplainAsync(store.DatabaseFile, sql);

        // Either index reads few rows: the unsent ones (the dispatcher's queue and those set aside) or those set aside.
        Assert.Matches("USING INDEX IX_Notifications_(SentAt_Id|SetAsideAt)", plan);
        Assert.DoesNotContain("SCAN ", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_ClearsTheMarkAndCountsAttemptsAfresh_TheDispatcherTakesItAgain_AndWhoGotItIsKept()
    {
        await using var store = await TestStore.CreateAsync();
        var now = store.Clock.GetUtcNow().UtcDateTime;
        var id = await OneSetAsideAsync(store, "452 mailbox full", "nadia");
        var aside = Assert.Single((await store.Outbox.SetAsidePageAsync(Administrator, 0, 50)).Value!.Items);

        var retry = await store.Outbox.RetryAsync([aside.Key], Administrator, now.AddHours(1));

        Assert.Equal([id], retry.Value!.Retried);
        Assert.Empty(retry.Value.NoLongerSetAside);
        Assert.Empty((await store.Outbox.SetAsidePageAsync(Administrator, 0, 50)).Value!.Items);
        var again = Assert.Single(await store.Outbox.ClaimAsync("two", now.AddHours(1), 100, Lease), n => n.Item.Id == id);
        Assert.Equal(0, again.Attempts);
        Assert.Equal(["nadia"], again.DeliveredTo);
        var history = (await store.Applications.HistoryAsync(aside.Item.ApplicationId, Administrator)).Value!;
        var resent = Assert.Single(history, e => e.Kind == StorageEvents.MailResent);
        Assert.Equal(("admin-1", "Salma Admin", "452 mailbox full"), (resent.ActorId, resent.ActorName, resent.Comment));
        Assert.Contains($"notification {id}", resent.Detail, StringComparison.Ordinal);
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Retry_TwoAdministratorsAtOnce_SendsItAgainOnce_AndTellsTheOther()
    {
        await using var store = await TestStore.CreateAsync(busyTimeout: TimeSpan.FromSeconds(10));
        var now = store.Clock.GetUtcNow().UtcDateTime;
        var id = await OneSetAsideAsync(store, "550");
        var key = Assert.Single((await store.Outbox.SetAsidePageAsync(Administrator, 0, 50)).Value!.Items).Key;
        var other = Administrator with { UserId = "admin-2", Name = "Omar Admin" };

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = new[] { Administrator, other }.Select(a => Task.Run(async () =>
        {
            await start.Task;
            return await store.Outbox.RetryAsync([key], a, now);
        })).ToList();
        start.SetResult();
        var both = await Task.WhenAll(racing);

        Assert.All(both, r => Assert.True(r.Succeeded, r.Refusal?.ToString()));
        Assert.Equal(1, both.Count(r => r.Value!.Retried.SequenceEqual([id])));
        Assert.Equal(1, both.Count(r => r.Value!.NoLongerSetAside.SequenceEqual([id])));
        var application = (await store.Outbox.UnsentAsync()).Single(n => n.Id == id).ApplicationId;
        Assert.Single((await store.Applications.HistoryAsync(application, Administrator)).Value!, e => e.Kind == StorageEvents.MailResent);
    }

    [Fact]
    public async Task Retry_SentOrSetAsideAgainSinceThePageWasRead_IsLeftAlone()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SubmittedAsync(TestStore.Applicant("amina"));
        await store.SubmittedAsync(TestStore.Applicant("yassine"));
        var now = store.Clock.GetUtcNow().UtcDateTime;
        var ids = (await store.Outbox.ClaimAsync("one", now, 2, Lease)).Select(n => n.Item.Id).ToList();
        foreach (var id in ids)
            await store.Outbox.FailedAsync(id, "one", "550", now, retryAt: null);
        var seen = (await store.Outbox.SetAsidePageAsync(Administrator, 0, 50)).Value!.Items.ToDictionary(n => n.Id, n => n.Key);
        // The first is sent again, given up again an hour later; the second was sent by another way (a crash's leftover batch).
        Assert.Equal([ids[0]], (await store.Outbox.RetryAsync([seen[ids[0]]], Administrator, now)).Value!.Retried);
        Assert.Single(await store.Outbox.ClaimAsync("two", now, 1, Lease));
        await store.Outbox.FailedAsync(ids[0], "two", "550", now.AddHours(1), retryAt: null);
        await store.Outbox.MarkSentAsync([ids[1]], now);

        var stale = await store.Outbox.RetryAsync([seen[ids[0]], seen[ids[1]]], Administrator, now.AddHours(2));

        Assert.Empty(stale.Value!.Retried);
        Assert.Equal(ids, stale.Value.NoLongerSetAside.Order());
        Assert.Equal([ids[0]], (await store.Outbox.SetAsidePageAsync(Administrator, 0, 50)).Value!.Items.Select(n => n.Id));
    }

    [Fact]
    public async Task SetAsidePageAndRetry_AnyoneButAnAdministrator_AreRefusedAndChangeNothing()
    {
        await using var store = await TestStore.CreateAsync();
        var now = store.Clock.GetUtcNow().UtcDateTime;
        await OneSetAsideAsync(store, "550");
        var key = Assert.Single(await store.Outbox.SetAsideAsync()).Key;

        foreach (var actor in new[] { TestStore.DeskAgent(), TestStore.Applicant(), new Actor("a", "Analyst", "analyst", RoleKind.Staff, []), Actor.System })
        {
            Assert.Equal(RefusalCodes.NotAllowed, (await store.Outbox.SetAsidePageAsync(actor, 0, 50)).Refusal?.Code);
            Assert.Equal(RefusalCodes.NotAllowed, (await store.Outbox.RetryAsync([key], actor, now)).Refusal?.Code);
        }
        Assert.Single(await store.Outbox.SetAsideAsync());
    }

    /// <summary>Submits an application and sets aside its first notification, as the dispatcher does after its last attempt, with the e-mails some people accepted.</summary>
    private static async Task<long> OneSetAsideAsync(TestStore store, string error, params string[] deliveredTo)
    {
        await store.SubmittedAsync(TestStore.Applicant());
        var now = store.Clock.GetUtcNow().UtcDateTime;
        var id = (await store.Outbox.ClaimAsync("one", now, 1, Lease))[0].Item.Id;
        await store.Outbox.FailedAsync(id, "one", error, now, retryAt: null, deliveredTo.Select(to => new Delivery(id, to, now)));
        return id;
    }
}
