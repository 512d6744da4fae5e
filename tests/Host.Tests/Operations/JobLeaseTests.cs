using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Applying;
using EmploymentProcedures.Host.Operations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host.Tests.Operations;

/// <summary>With several instances on one database, a leased job's round runs only on the instance holding its lease.</summary>
public sealed class JobLeaseTests
{
    /// <summary>The portals here run no sweep in the background (interval zero); the sweep under test has its own, hourly.</summary>
    private static readonly IOptions<PortalOptions> Hourly = Options.Create(new PortalOptions { SweepInterval = TimeSpan.FromHours(1) });

    [Fact]
    public async Task DeadlineSweep_AnotherInstanceHoldsItsLease_RunsNoRound()
    {
        await using var portal = await TempPortal.PrepareAsync(settings: "--Portal:SweepInterval=00:00:00");
        var services = portal.App.Services;
        var orphan = Orphan(portal);
        await services.GetRequiredService<JobLeases>().HoldAsync(DeadlineSweep.Name, "web-2/200", TimeSpan.FromHours(1));
        var sweep = ActivatorUtilities.CreateInstance<DeadlineSweep>(services, Hourly);

        Assert.False(await sweep.RunIfHeldAsync(CancellationToken.None));

        Assert.True(File.Exists(orphan));
        var record = services.GetRequiredService<SweepRecord>();
        Assert.Null(record.LastSucceeded);
        Assert.NotNull(record.HeldElsewhereAt);
    }

    [Fact]
    public async Task DeadlineSweep_TheOtherInstancesLeaseLapsed_TakesItAndRunsTheRound()
    {
        await using var portal = await TempPortal.PrepareAsync(settings: "--Portal:SweepInterval=00:00:00");
        var services = portal.App.Services;
        var orphan = Orphan(portal);
        var leases = services.GetRequiredService<JobLeases>();
        // Its holder crashed: it renews nothing, and the lease lapses.
        await leases.HoldAsync(DeadlineSweep.Name, "web-2/200", TimeSpan.FromMilliseconds(1));
        await Task.Delay(20);
        var sweep = ActivatorUtilities.CreateInstance<DeadlineSweep>(services, Hourly);

        Assert.True(await sweep.RunIfHeldAsync(CancellationToken.None));

        Assert.False(File.Exists(orphan));
        var lease = Assert.Single(await leases.ListAsync());
        Assert.Equal((services.GetRequiredService<InstanceLeases>().Holder, true), (lease.Holder, lease.Held));
    }

    [Fact]
    public async Task DeadlineSweep_PortalStops_GivesItsLeaseUp()
    {
        await using var portal = await TempPortal.PrepareAsync(settings: "--Portal:SweepInterval=00:00:00");
        var services = portal.App.Services;
        var leases = services.GetRequiredService<JobLeases>();
        var sweep = ActivatorUtilities.CreateInstance<DeadlineSweep>(services, Hourly);

        await sweep.StartAsync(CancellationToken.None);
        var held = await WaitForAsync(async () => (await leases.ListAsync()).Any(l => l.Held));
        await sweep.StopAsync(CancellationToken.None);

        Assert.True(held);
        var lease = Assert.Single(await leases.ListAsync());
        Assert.Equal(services.GetRequiredService<InstanceLeases>().Holder, lease.Holder);
        Assert.False(lease.Held);
        Assert.True(await leases.HoldAsync(DeadlineSweep.Name, "web-2/200", TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task UnconfirmedAccountSweep_AnotherInstanceHoldsItsLease_RemovesNothingUntilItLapses()
    {
        await using var portal = await TempPortal.PrepareAsync(settings: "--Portal:SweepInterval=00:00:00");
        var services = portal.App.Services;
        var email = $"never-confirmed-{Guid.NewGuid():N}@example.test";
        await using (var scope = services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().CreateAsync(new Account
            {
                UserName = email, Email = email, DisplayName = "Karim Idrissi", Role = "employer", SignedUpAt = DateTimeOffset.UtcNow.AddDays(-8),
            });
            Assert.True(created.Succeeded);
        }
        var leases = services.GetRequiredService<JobLeases>();
        await leases.HoldAsync(UnconfirmedAccountSweep.Name, "web-2/200", TimeSpan.FromMilliseconds(300));
        var sweep = ActivatorUtilities.CreateInstance<UnconfirmedAccountSweep>(services, Hourly.Value);

        var ranWhileHeld = await sweep.RunIfHeldAsync(CancellationToken.None);
        var keptWhileHeld = await ExistsAsync(services, email);
        await Task.Delay(400);
        var ranOnceLapsed = await sweep.RunIfHeldAsync(CancellationToken.None);

        Assert.Equal((false, true, true), (ranWhileHeld, keptWhileHeld, ranOnceLapsed));
        Assert.False(await ExistsAsync(services, email));
    }

    private static async Task<bool> ExistsAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByEmailAsync(email) is not null;
    }

    /// <summary>A stored file nothing refers to, stored an hour ago: the sweep's round deletes it.</summary>
    private static string Orphan(TempPortal portal)
    {
        var orphan = Path.Combine(portal.DataPath, "documents", "ab", "cd", "abcd" + new string('0', 60));
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        File.WriteAllBytes(orphan, [1, 2, 3]);
        File.SetLastWriteTimeUtc(orphan, DateTime.UtcNow.AddHours(-1));
        return orphan;
    }

    /// <summary>Whether <paramref name="condition"/> comes true within five seconds.</summary>
    internal static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
                return true;
            await Task.Delay(50);
        }
        return false;
    }
}
