using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Operations;
using EmploymentProcedures.Host.Sealing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EmploymentProcedures.Host.Tests.Sealing;

/// <summary>The sealing job: one instance writes the seals (its lease), the days due are sealed, and an overdue seal shows in <c>/health/ready</c>.</summary>
public sealed class AuditSealJobTests
{
    private static readonly IOptions<PortalOptions> Hourly = Options.Create(new PortalOptions { SweepInterval = TimeSpan.FromHours(1) });

    [Fact]
    public async Task Round_HoldingTheLease_SealsEveryDayDueOnce()
    {
        await using var portal = await TempPortal.PrepareAsync(settings: "--Portal:SweepInterval=00:00:00");
        var services = portal.App.Services;
        var seals = SealedPortal.Later(portal, TimeSpan.FromDays(2));
        var job = ActivatorUtilities.CreateInstance<AuditSealJob>(services, seals, Hourly);

        Assert.True(await job.RunIfHeldAsync(CancellationToken.None));
        Assert.True(await job.RunIfHeldAsync(CancellationToken.None));

        Assert.Equal(2, (await seals.ListAsync()).Count);
        Assert.Equal(services.GetRequiredService<InstanceLeases>().Holder, Assert.Single(await services.GetRequiredService<JobLeases>().ListAsync(), l => l.Job == AuditSealJob.Name).Holder);
    }

    [Fact]
    public async Task Round_AnotherInstanceHoldsTheLease_SealsNothing()
    {
        await using var portal = await TempPortal.PrepareAsync(settings: "--Portal:SweepInterval=00:00:00");
        var services = portal.App.Services;
        await services.GetRequiredService<JobLeases>().HoldAsync(AuditSealJob.Name, "web-2/200", TimeSpan.FromHours(1));
        var seals = SealedPortal.Later(portal, TimeSpan.FromDays(2));
        var job = ActivatorUtilities.CreateInstance<AuditSealJob>(services, seals, Hourly);

        Assert.False(await job.RunIfHeldAsync(CancellationToken.None));

        Assert.Empty(await seals.ListAsync());
    }

    [Fact]
    public async Task HealthCheck_SealDueForLongerThanTwoRounds_IsDegradedWithTheDaysWaiting_AndHealthyOnceSealed()
    {
        await using var portal = await TempPortal.PrepareAsync(settings: "--Portal:SweepInterval=00:00:00");
        var services = portal.App.Services;
        var started = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(started);
        var seals = new AuditSeals(services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ProceduresDb>>(), clock);
        var check = new SealCheck(seals, Hourly, clock);
        async Task<HealthCheckResult> Check() => await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, (await Check()).Status);
        // Three days on, the job never ran: today's day and the next are due, and were due for more than two hours.
        clock.SetUtcNow(started.AddDays(3));
        var late = await Check();
        Assert.Equal(HealthStatus.Degraded, late.Status);
        Assert.Equal(3, late.Data[SealCheck.UnsealedDaysCount]);

        await seals.SealAsync();
        Assert.Equal(HealthStatus.Healthy, (await Check()).Status);
    }

    [Fact]
    public async Task Ready_OnARunningPortal_ReportsTheSealsCheck()
    {
        await using var portal = await TempPortal.PrepareAsync(listen: true);
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };

        var body = await client.GetStringAsync(Health.ReadyPath);

        Assert.Contains("\"audit-seals\":\"Healthy\"", body, StringComparison.Ordinal);
    }
}
