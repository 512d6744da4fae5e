using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// The partners' pushes: each change a partner's list would show queues one event for exactly the listening clients whose
/// grant covers the application, with the change itself; the dispatchers' claims never overlap; a given-up event can be sent again.
/// </summary>
public sealed class PartnerEventsTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static PartnerSubscriber Listening(string id, string[] procedures, string[]? provinces = null, DateOnly? expiresOn = null) =>
        new(id, procedures, provinces ?? [], expiresOn);

    private static async Task ListeningAsync(TestStore store)
    {
        await store.PartnerEvents.SetAsync("all-provinces", Listening("all-provinces", ["store-visa"]));
        await store.PartnerEvents.SetAsync("casablanca", Listening("casablanca", ["store-visa", "store-notice"], ["casablanca"]));
        await store.PartnerEvents.SetAsync("rabat", Listening("rabat", ["store-visa"], ["rabat"]));
        await store.PartnerEvents.SetAsync("other-procedure", Listening("other-procedure", ["store-notice"]));
        await store.PartnerEvents.SetAsync("expired", Listening("expired", ["store-visa"], expiresOn: TestStore.Monday.AddDays(-1)));
    }

    private static async Task<List<PartnerEventItem>> QueuedAsync(TestStore store, params string[] clients)
    {
        var all = new List<PartnerEventItem>();
        foreach (var client in clients)
            all.AddRange(await store.PartnerEvents.RecentAsync(client, 100));
        return [.. all.OrderBy(e => e.Id)];
    }

    private static readonly string[] Everyone = ["all-provinces", "casablanca", "rabat", "other-procedure", "expired"];

    [Fact]
    public async Task Submit_ListeningClients_QueuesTheLineForExactlyThoseWhoseGrantCoversIt()
    {
        await using var store = await TestStore.CreateAsync();
        await ListeningAsync(store);

        var draft = await store.DraftAsync(TestStore.Applicant());
        Assert.Empty(await QueuedAsync(store, Everyone));
        var submitted = await store.Applications.SubmitAsync(draft.Id, TestStore.Applicant());
        Assert.True(submitted.Succeeded, submitted.ToString());

        var queued = await QueuedAsync(store, Everyone);
        Assert.Equal(["all-provinces", "casablanca"], queued.Select(e => e.ClientId).Order(StringComparer.Ordinal));
        var line = (await store.Applications.PartnerPageAsync(new PartnerAccess("c", "C", new HashSet<string> { "store-visa" }, new HashSet<string>()), new PartnerFilter())).Items.Single();
        Assert.All(queued, e =>
        {
            Assert.Equal(submitted.Application!.Reference, e.Reference);
            Assert.Equal("store-visa", e.ProcedureId);
            Assert.Equal("in_review", e.Status);
            Assert.Equal("reception", e.Step);
            Assert.Equal("casablanca", e.Province);
            Assert.Equal(line.ChangedAt, e.ChangedAt);
            Assert.False(e.Erased);
        });
    }

    [Fact]
    public async Task Decide_EachChange_QueuesItsNewLine_ARefusalQueuesNothing()
    {
        await using var store = await TestStore.CreateAsync();
        await store.PartnerEvents.SetAsync("all", Listening("all", ["store-visa"]));
        var app = await store.SubmittedAsync(TestStore.Applicant());
        var agent = TestStore.DeskAgent();

        var refused = await store.Applications.DecideAsync(app.Id, agent, new WorkflowCommand.Decide("decision", StepAction.Approve));
        Assert.False(refused.Succeeded);
        Assert.True((await store.Applications.DecideAsync(app.Id, agent, new WorkflowCommand.Decide("reception", StepAction.RequestChanges, "Joignez le contrat.", ["company_name"]))).Succeeded);
        Assert.True((await store.Applications.SubmitAsync(app.Id, TestStore.Applicant())).Succeeded);
        Assert.True((await store.Applications.WithdrawAsync(app.Id, TestStore.Applicant(), "Plus besoin.")).Succeeded);

        var queued = await QueuedAsync(store, "all");
        Assert.Equal(["in_review", "changes_requested", "in_review", "withdrawn"], queued.Select(e => e.Status));
        Assert.Null(queued[^1].Step);
        Assert.Equal(queued.Select(e => e.ChangedAt).Order(), queued.Select(e => e.ChangedAt));
    }

    [Fact]
    public async Task Decide_TwoReviewersRacing_OneEventForTheOneChangeThatWasCommitted()
    {
        await using var store = await TestStore.CreateAsync();
        await store.PartnerEvents.SetAsync("all", Listening("all", ["store-visa"]));
        var app = await store.SubmittedAsync(TestStore.Applicant());

        var results = await TestStore.RaceAsync(4, reviewer => store.Applications.DecideAsync(app.Id, reviewer, new WorkflowCommand.Decide("reception", StepAction.Approve)));

        Assert.Single(results, r => r.Result.Succeeded);
        var queued = await QueuedAsync(store, "all");
        Assert.Equal(["reception", "opinions"], queued.Select(e => e.Step));
    }

    [Fact]
    public async Task Erase_ListeningClient_ToldTheLineIsErased_AndAClientNoLongerListeningIsNot()
    {
        await using var store = await TestStore.CreateAsync();
        await store.PartnerEvents.SetAsync("all", Listening("all", ["store-visa"]));
        await store.PartnerEvents.SetAsync("gone", Listening("gone", ["store-visa"]));
        var app = await store.SubmittedAsync(TestStore.Applicant());
        Assert.True((await store.Applications.WithdrawAsync(app.Id, TestStore.Applicant())).Succeeded);
        await store.PartnerEvents.SetAsync("gone", null);

        Assert.True(await store.Applications.EraseAsync(app.Id, "retention"));

        var erased = (await QueuedAsync(store, "all"))[^1];
        Assert.True(erased.Erased);
        Assert.Equal("withdrawn", erased.Status);
        Assert.Equal(2, (await QueuedAsync(store, "gone")).Count);
    }

    [Fact]
    public async Task ReplaceAll_AfterAStart_OnlyTheGivenClientsListen()
    {
        await using var store = await TestStore.CreateAsync();
        await ListeningAsync(store);

        await store.PartnerEvents.ReplaceAllAsync([Listening("rabat", ["store-visa"], ["rabat"])]);
        await store.SubmittedAsync(TestStore.Applicant(), province: "rabat");

        var queued = await QueuedAsync(store, Everyone);
        Assert.Equal(["rabat"], queued.Select(e => e.ClientId));
    }

    [Fact]
    public async Task Claim_TwoDispatchersAtOnce_NeverGetTheSameEvent_AndASettledOneIsNeverClaimedAgain()
    {
        await using var store = await TestStore.CreateAsync();
        await store.PartnerEvents.SetAsync("all", Listening("all", ["store-visa"]));
        for (var i = 0; i < 5; i++)
            await store.SubmittedAsync(TestStore.Applicant("amina" + i));
        var now = store.Clock.GetUtcNow().UtcDateTime;

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => store.PartnerEvents.ClaimAsync("batch-" + i, now, 2, Lease)));

        var ids = claims.SelectMany(c => c.Select(e => e.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // On PostgreSQL a dispatcher whose rows another one locked first may claim fewer, even none: what is left unclaimed
        // may be claimed meanwhile, but nothing already claimed is handed out again while its lease runs.
        var meanwhile = await store.PartnerEvents.ClaimAsync("meanwhile", now.AddMinutes(9), 100, Lease);
        Assert.DoesNotContain(meanwhile, e => ids.Contains(e.Id));
        Assert.Equal(5 - ids.Count, meanwhile.Count);
        foreach (var (claim, batch) in claims.Select((c, i) => ("batch-" + i, c)))
            foreach (var e in batch)
                await store.PartnerEvents.DeliveredAsync(e.Id, claim, 204, now);
        await store.PartnerEvents.ReleaseAsync("nobody");
        var left = await store.PartnerEvents.ClaimAsync("later", now.AddHours(1), 100, Lease);
        Assert.Equal(5 - ids.Count, left.Count);
        Assert.All(await QueuedAsync(store, "all"), e => Assert.True(e.DeliveredAt is not null || left.Any(l => l.Id == e.Id)));
    }

    [Fact]
    public async Task Failed_RetriedAtItsTime_ThenGivenUp_ThenResentByAnAdministrator()
    {
        await using var store = await TestStore.CreateAsync();
        await store.PartnerEvents.SetAsync("all", Listening("all", ["store-visa"]));
        await store.SubmittedAsync(TestStore.Applicant());
        var now = store.Clock.GetUtcNow().UtcDateTime;
        var id = Assert.Single(await store.PartnerEvents.ClaimAsync("first", now, 10, Lease)).Id;

        await store.PartnerEvents.FailedAsync(id, "first", 500, "HTTP 500: " + new string('x', 1000), now, now.AddMinutes(1));
        Assert.Empty(await store.PartnerEvents.ClaimAsync("too-soon", now.AddSeconds(59), 10, Lease));
        Assert.Single(await store.PartnerEvents.ClaimAsync("second", now.AddMinutes(1), 10, Lease));
        await store.PartnerEvents.FailedAsync(id, "second", null, "timeout", now.AddMinutes(1), null);
        Assert.Empty(await store.PartnerEvents.ClaimAsync("after", now.AddDays(2), 10, Lease));

        var givenUp = Assert.Single(await QueuedAsync(store, "all"));
        Assert.Equal((2, (int?)null, "timeout"), (givenUp.Attempts, givenUp.LastStatus, givenUp.LastError));
        Assert.NotNull(givenUp.GivenUpAt);
        Assert.False(await store.PartnerEvents.ResendAsync("another-client", id));
        Assert.True(await store.PartnerEvents.ResendAsync("all", id));
        Assert.False(await store.PartnerEvents.ResendAsync("all", id));
        var again = Assert.Single(await store.PartnerEvents.ClaimAsync("resent", now.AddDays(2), 10, Lease));
        Assert.Equal(0, again.Attempts);
    }

    [Fact]
    public async Task GivenUp_CountedSinceAWindowWithTheOldest_PerClient_NotTheDroppedNorTheResent()
    {
        await using var store = await TestStore.CreateAsync();
        await store.PartnerEvents.SetAsync("failing", Listening("failing", ["store-visa"]));
        await store.PartnerEvents.SetAsync("revoked", Listening("revoked", ["store-visa"]));
        await store.SubmittedAsync(TestStore.Applicant("amina"));
        await store.SubmittedAsync(TestStore.Applicant("youssef"));
        var now = store.Clock.GetUtcNow().UtcDateTime;
        var claimed = await store.PartnerEvents.ClaimAsync("round", now, 10, Lease);
        var failing = claimed.Where(e => e.ClientId == "failing").Select(e => e.Id).ToList();
        await store.PartnerEvents.FailedAsync(failing[0], "round", 503, "HTTP 503", now.AddHours(-30), null);
        await store.PartnerEvents.FailedAsync(failing[1], "round", null, "timeout", now.AddHours(-2), null);
        foreach (var dropped in claimed.Where(e => e.ClientId == "revoked"))
            await store.PartnerEvents.DroppedAsync(dropped.Id, "round", "the client was revoked", now);

        var lastDay = await store.PartnerEvents.GivenUpSinceAsync(now.AddHours(-24));
        var twoDays = await store.PartnerEvents.GivenUpSinceAsync(now.AddDays(-2));
        var byClient = await store.PartnerEvents.GivenUpByClientAsync();
        await store.PartnerEvents.ResendAsync("failing", failing[1]);

        Assert.Equal(new GivenUpPushes(1, now.AddHours(-2)), lastDay);
        Assert.Equal(new GivenUpPushes(2, now.AddHours(-30)), twoDays);
        Assert.Equal(new Dictionary<string, int> { ["failing"] = 2 }, byClient);
        Assert.Equal(new GivenUpPushes(0, null), await store.PartnerEvents.GivenUpSinceAsync(now.AddHours(-24)));
    }
}
