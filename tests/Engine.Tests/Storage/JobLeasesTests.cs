using EmploymentProcedures.Engine.Storage;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>Leases on periodic jobs: one holder at a time, renewed by it, taken over once it lapses, given up on a stop.</summary>
public sealed class JobLeasesTests
{
    private const string Sweep = "deadline-sweep";
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Hold_NobodyHoldsTheJob_IsTakenAndListedWithItsHolder()
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        var leases = new JobLeases(store.Databases, store.Clock);

        Assert.True(await leases.HoldAsync(Sweep, "web-1/100", Minute));

        var lease = Assert.Single(await leases.ListAsync());
        Assert.Equal((Sweep, "web-1/100", store.Clock.Now.UtcDateTime + Minute, true), (lease.Job, lease.Holder, lease.Until, lease.Held));
    }

    [Fact]
    public async Task Hold_AnotherHolderBeforeTheLeaseLapses_IsRefused()
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        var leases = new JobLeases(store.Databases, store.Clock);
        await leases.HoldAsync(Sweep, "web-1/100", Minute);
        store.Clock.Now += TimeSpan.FromSeconds(59);

        Assert.False(await leases.HoldAsync(Sweep, "web-2/200", Minute));

        Assert.Equal("web-1/100", Assert.Single(await leases.ListAsync()).Holder);
    }

    [Fact]
    public async Task Hold_ByItsHolder_RenewsTheLeaseAndKeepsWhenItWasTaken()
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        var leases = new JobLeases(store.Databases, store.Clock);
        var takenAt = store.Clock.Now.UtcDateTime;
        await leases.HoldAsync(Sweep, "web-1/100", Minute);
        store.Clock.Now += TimeSpan.FromSeconds(50);

        Assert.True(await leases.HoldAsync(Sweep, "web-1/100", Minute));

        var lease = Assert.Single(await leases.ListAsync());
        Assert.Equal((takenAt, store.Clock.Now.UtcDateTime + Minute), (lease.TakenAt, lease.Until));
        store.Clock.Now += TimeSpan.FromSeconds(50);
        Assert.False(await leases.HoldAsync(Sweep, "web-2/200", Minute));
    }

    [Fact]
    public async Task Hold_AfterACrashedHoldersLeaseLapsed_IsTakenOverByAnother()
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        var leases = new JobLeases(store.Databases, store.Clock);
        await leases.HoldAsync(Sweep, "web-1/100", Minute);
        store.Clock.Now += Minute;

        Assert.True(await leases.HoldAsync(Sweep, "web-2/200", Minute));

        var lease = Assert.Single(await leases.ListAsync());
        Assert.Equal(("web-2/200", store.Clock.Now.UtcDateTime), (lease.Holder, lease.TakenAt));
        Assert.False(await leases.HoldAsync(Sweep, "web-1/100", Minute));
    }

    [Fact]
    public async Task Release_ByItsHolder_LetsAnotherTakeItAtOnce()
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        var leases = new JobLeases(store.Databases, store.Clock);
        await leases.HoldAsync(Sweep, "web-1/100", Minute);

        Assert.True(await leases.ReleaseAsync(Sweep, "web-1/100"));

        Assert.False(Assert.Single(await leases.ListAsync()).Held);
        Assert.True(await leases.HoldAsync(Sweep, "web-2/200", Minute));
    }

    [Fact]
    public async Task Release_ByAnotherHolder_LeavesTheLease()
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        var leases = new JobLeases(store.Databases, store.Clock);
        await leases.HoldAsync(Sweep, "web-1/100", Minute);

        Assert.False(await leases.ReleaseAsync(Sweep, "web-2/200"));

        Assert.False(await leases.HoldAsync(Sweep, "web-2/200", Minute));
    }

    [Fact]
    public async Task Hold_EachJob_HasItsOwnLease()
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        var leases = new JobLeases(store.Databases, store.Clock);

        Assert.True(await leases.HoldAsync(Sweep, "web-1/100", Minute));
        Assert.True(await leases.HoldAsync("unconfirmed-accounts", "web-2/200", Minute));

        Assert.Equal(["deadline-sweep:web-1/100", "unconfirmed-accounts:web-2/200"], (await leases.ListAsync()).Select(l => l.Job + ":" + l.Holder));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hold_ManyHoldersRacing_OnlyOneWins(bool lapsedLeaseFirst)
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        var leases = new JobLeases(store.Databases, store.Clock);
        if (lapsedLeaseFirst)
        {
            // The race is then over the UPDATE of a lapsed row rather than the INSERT of a new one.
            await leases.HoldAsync(Sweep, "crashed/1", Minute);
            store.Clock.Now += 2 * Minute;
        }
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racing = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return (Holder: $"web-{i}/{i}", Won: await leases.HoldAsync(Sweep, $"web-{i}/{i}", Minute));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(racing);

        var winner = Assert.Single(results, r => r.Won);
        Assert.Equal(winner.Holder, Assert.Single(await leases.ListAsync()).Holder);
    }
}
