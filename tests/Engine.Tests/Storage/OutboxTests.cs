using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>The outbox as a dispatcher uses it: claims that two dispatchers never share, failures retried later, then set aside.</summary>
public sealed class OutboxTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Claim_TwoDispatchersAtOnce_NeverGetTheSameNotification()
    {
        await using var store = await TestStore.CreateAsync();
        for (var i = 0; i < 3; i++)
            await store.SubmittedAsync(TestStore.Applicant("amina" + i));
        var unsent = (await store.Outbox.UnsentAsync()).Select(n => n.Id).ToList();
        var now = store.Clock.GetUtcNow().UtcDateTime;

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => store.Outbox.ClaimAsync("batch-" + i, now, 2, Lease)));

        var ids = claims.SelectMany(c => c.Select(n => n.Item.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(claims, c => Assert.Equal(c.Select(n => n.Item.Id).Order(), c.Select(n => n.Item.Id)));
        var rest = await store.Outbox.ClaimAsync("late", now, 100, Lease);
        Assert.Equal(unsent.Order(), ids.Concat(rest.Select(n => n.Item.Id)).Order());
    }

    [Fact]
    public async Task Claim_AnotherDispatchersLeaseLapsed_ClaimsItAgain_AndAReleasedOneAtOnce()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SubmittedAsync(TestStore.Applicant());
        var now = store.Clock.GetUtcNow().UtcDateTime;
        var first = await store.Outbox.ClaimAsync("stopped", now, 1, Lease);
        var second = await store.Outbox.ClaimAsync("released", now.AddMinutes(5), 100, Lease);

        Assert.DoesNotContain(await store.Outbox.ClaimAsync("meanwhile", now.AddMinutes(9), 100, Lease), n => n.Item.Id == first[0].Item.Id);
        var later = await store.Outbox.ClaimAsync("later", now.AddMinutes(10), 100, Lease);
        await store.Outbox.ReleaseAsync("released");
        var again = await store.Outbox.ClaimAsync("again", now.AddMinutes(10), 100, Lease);

        Assert.Equal([first[0].Item.Id], later.Select(n => n.Item.Id));
        Assert.Equal(second.Select(n => n.Item.Id), again.Select(n => n.Item.Id));
    }

    [Fact]
    public async Task Claimed_ApplicantsNotification_CarriesTheReferenceTheOwnerAndTheMessageWrittenToThem()
    {
        await using var store = await TestStore.CreateAsync();
        var amina = TestStore.Applicant();
        var app = await store.SubmittedAsync(amina);
        var agent = TestStore.DeskAgent();
        var asked = await store.Applications.DecideAsync(app.Id, agent, new WorkflowCommand.Decide(app.Step!, StepAction.RequestChanges, "Joignez le contrat signé.", ["company_name"]));
        Assert.True(asked.Succeeded, asked.ToString());

        var due = await store.Outbox.ClaimAsync("batch", store.Clock.GetUtcNow().UtcDateTime, 100, Lease);

        var told = Assert.Single(due, n => n.Recipient == amina.UserId && n.Item.Kind == WorkflowEvents.ChangesRequested);
        Assert.Equal((app.Reference, amina.UserId, "Joignez le contrat signé.", false, (string?)null), (told.Item.Reference, told.OwnerId, told.Item.Comment, told.Item.ToRole, told.Role));
        Assert.Contains(due, n => n.Role == "desk-agent" && n.Item.ToRole);
    }

    [Fact]
    public async Task Failed_IsNotDueBeforeItsRetry_ThenSetAsideForGood()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SubmittedAsync(TestStore.Applicant());
        var now = store.Clock.GetUtcNow().UtcDateTime;
        var claimed = (await store.Outbox.ClaimAsync("one", now, 1, Lease))[0];
        var id = claimed.Item.Id;

        await store.Outbox.FailedAsync(id, "one", "550 mailbox unavailable", now, now.AddMinutes(5));
        Assert.DoesNotContain(await store.Outbox.ClaimAsync("early", now.AddMinutes(4), 100, Lease), n => n.Item.Id == id);
        await store.Outbox.ReleaseAsync("early");
        var retried = Assert.Single(await store.Outbox.ClaimAsync("two", now.AddMinutes(5), 100, Lease), n => n.Item.Id == id);
        Assert.Equal(1, retried.Attempts);
        await store.Outbox.FailedAsync(id, "two", "550 mailbox unavailable", now.AddMinutes(5), retryAt: null);

        Assert.DoesNotContain(await store.Outbox.ClaimAsync("three", now.AddDays(30), 100, Lease), n => n.Item.Id == id);
        var aside = Assert.Single(await store.Outbox.SetAsideAsync());
        Assert.Equal((id, 2, "550 mailbox unavailable"), (aside.Id, aside.Attempts, aside.LastError));
        Assert.Contains(await store.Outbox.UnsentAsync(), n => n.Id == id);
    }

    [Fact]
    public async Task Failed_ByABatchThatNoLongerHoldsTheClaim_ChangesNothing()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SubmittedAsync(TestStore.Applicant());
        var now = store.Clock.GetUtcNow().UtcDateTime;
        var id = (await store.Outbox.ClaimAsync("old", now, 1, Lease))[0].Item.Id;
        Assert.Contains(await store.Outbox.ClaimAsync("new", now.AddMinutes(11), 1, Lease), n => n.Item.Id == id);

        await store.Outbox.FailedAsync(id, "old", "timeout", now.AddMinutes(12), retryAt: null);
        await store.Outbox.MarkSentAsync([id], now.AddMinutes(12));

        Assert.Empty(await store.Outbox.SetAsideAsync());
        Assert.DoesNotContain(await store.Outbox.UnsentAsync(), n => n.Id == id);
    }

    [Fact]
    public async Task Failed_AfterSomeEmailsWereAccepted_NextClaimSaysWhoGotIt_AndTheSetAsideOneStillDoes()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SubmittedAsync(TestStore.Applicant());
        var now = store.Clock.GetUtcNow().UtcDateTime;
        var id = (await store.Outbox.ClaimAsync("one", now, 1, Lease))[0].Item.Id;

        await store.Outbox.FailedAsync(id, "one", "452 mailbox full", now, now.AddMinutes(1), [new Delivery(id, "nadia", now), new Delivery(id, "karim", now)]);
        var retried = Assert.Single(await store.Outbox.ClaimAsync("two", now.AddMinutes(1), 100, Lease), n => n.Item.Id == id);
        // A lapsed lease can make two batches record the same person: once is enough.
        await store.Outbox.FailedAsync(id, "two", "452 mailbox full", now.AddMinutes(1), retryAt: null, [new Delivery(id, "karim", now), new Delivery(id, "salma", now.AddMinutes(1))]);

        Assert.Equal(["karim", "nadia"], retried.DeliveredTo.Order(StringComparer.Ordinal));
        var aside = Assert.Single(await store.Outbox.SetAsideAsync(), n => n.Id == id);
        Assert.Equal(["karim", "nadia", "salma"], aside.DeliveredTo.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MarkSent_WithTheBatchsAcceptedEmails_RecordsThemAll_TheUnsentOnesToo()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SubmittedAsync(TestStore.Applicant("amina"));
        await store.SubmittedAsync(TestStore.Applicant("yassine"));
        var now = store.Clock.GetUtcNow().UtcDateTime;
        var claimed = await store.Outbox.ClaimAsync("one", now, 2, Lease);
        var (sent, cut) = (claimed[0].Item.Id, claimed[1].Item.Id);

        // The server went down while the second one was being written: its first person got it, the rest did not.
        await store.Outbox.MarkSentAsync([sent], now, [new Delivery(sent, "amina", now), new Delivery(cut, "karim", now)]);
        await store.Outbox.ReleaseAsync("one");

        var again = await store.Outbox.ClaimAsync("two", now, 100, Lease);
        Assert.DoesNotContain(again, n => n.Item.Id == sent);
        Assert.Equal(["karim"], Assert.Single(again, n => n.Item.Id == cut).DeliveredTo);
    }

    [Fact]
    public async Task SetAsideSince_CountsOnlyTheUnsentOnesSetAsideSinceThatTime()
    {
        await using var store = await TestStore.CreateAsync();
        for (var i = 0; i < 3; i++)
            await store.SubmittedAsync(TestStore.Applicant("amina" + i));
        var now = store.Clock.GetUtcNow().UtcDateTime;
        var ids = (await store.Outbox.ClaimAsync("one", now, 3, Lease)).Select(n => n.Item.Id).ToList();

        await store.Outbox.FailedAsync(ids[0], "one", "550", now.AddDays(-2), retryAt: null);
        await store.Outbox.FailedAsync(ids[1], "one", "550", now, retryAt: null);
        await store.Outbox.FailedAsync(ids[2], "one", "550", now, retryAt: null);
        await store.Outbox.MarkSentAsync([ids[2]], now.AddMinutes(1));

        Assert.Equal(1, await store.Outbox.SetAsideSinceAsync(now.AddDays(-1)));
        Assert.Equal(2, await store.Outbox.SetAsideSinceAsync(now.AddDays(-3)));
        Assert.Equal(0, await store.Outbox.SetAsideSinceAsync(now.AddSeconds(1)));
    }
}
