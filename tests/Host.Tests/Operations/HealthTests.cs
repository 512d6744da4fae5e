using System.Net;
using System.Text.Json;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Operations;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EmploymentProcedures.Host.Tests.Operations;

/// <summary>What a load balancer or an operator learns from <c>/health/live</c> and <c>/health/ready</c>, and each check's verdict.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Ready_OnARunningPortal_NamesEveryCheckHealthy_AndNothingElse()
    {
        await using var portal = await TempPortal.PrepareAsync(listen: true);
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };

        using var response = await client.GetAsync(Health.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(
            ["audit-seals:Healthy", "data-folder:Healthy", "database:Healthy", "deadline-sweep:Healthy", "key-ring:Healthy", "mail:Healthy", "procedures:Healthy", "webhooks:Healthy"],
            json.RootElement.GetProperty("checks").EnumerateObject().Select(c => $"{c.Name}:{c.Value.GetString()}").Order(StringComparer.Ordinal));
        Assert.DoesNotContain(portal.DataPath, body, StringComparison.Ordinal);
        Assert.False(json.RootElement.TryGetProperty("counts", out _));
    }

    [Fact]
    public async Task Ready_ANotificationSetAsideToday_IsDegradedWithTheCountOnly_AndHealthyAgainADayLater()
    {
        await using var portal = await TempPortal.PrepareAsync(listen: true);
        var services = portal.App.Services;
        var applications = services.GetRequiredService<Applications>();
        var filing = new Filing(applications, services.GetRequiredService<ProcedureCatalog>().Definitions[Filing.Procedure]);
        var applicant = Actor.Applicant("health-" + Guid.NewGuid().ToString("N"), "Salma Berrada");
        await filing.SubmittedAsync(applicant);
        var outbox = services.GetRequiredService<Outbox>();
        var now = DateTime.UtcNow;
        var given = (await outbox.ClaimAsync("batch", now, 100, TimeSpan.FromMinutes(10))).Single(n => n.Recipient == applicant.UserId);
        await outbox.FailedAsync(given.Item.Id, "batch", "550 5.1.1 <salma@example.test>: mailbox unavailable", now, retryAt: null);

        var (body, json) = await DegradedAsync(portal, "mail");

        Assert.Equal(1, json.GetProperty("counts").GetProperty("mail").GetProperty(MailCheck.SetAsideCount).GetInt32());
        foreach (var secret in new[] { applicant.UserId, "Salma", "salma@example.test", "550", given.Item.Reference! })
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        var dayLater = new FakeTimeProvider(DateTimeOffset.UtcNow + MailCheck.Window + TimeSpan.FromMinutes(1));
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<EmploymentProcedures.Host.Accounts.AccountsDb>();
        Assert.Equal(HealthStatus.Healthy, (await new MailCheck(outbox, accounts, dayLater).CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task Ready_APushGivenUpToday_IsDegradedWithTheCountAndTheOldestsAge_ADroppedOneNot_AndHealthyAgainADayLater()
    {
        await using var portal = await TempPortal.PrepareAsync(listen: true, "--Portal:ApiWebhookInterval=00:00:00");
        var services = portal.App.Services;
        var events = services.GetRequiredService<PartnerEvents>();
        var filing = new Filing(services.GetRequiredService<Applications>(), services.GetRequiredService<ProcedureCatalog>().Definitions[Filing.Procedure]);
        await events.SetAsync("c0ffee0000000001", new PartnerSubscriber("c0ffee0000000001", [Filing.Procedure], [], null));
        await events.SetAsync("c0ffee0000000002", new PartnerSubscriber("c0ffee0000000002", [Filing.Procedure], [], null));
        var application = await filing.SubmittedAsync(Actor.Applicant("health-" + Guid.NewGuid().ToString("N"), "Salma Berrada"));
        var now = DateTime.UtcNow;
        var claimed = await events.ClaimAsync("round", now, 10, TimeSpan.FromMinutes(5));
        var failing = claimed.Single(e => e.ClientId == "c0ffee0000000001");
        await events.FailedAsync(failing.Id, "round", 503, "HTTP 503: Service Unavailable", now.AddMinutes(-90), retryAt: null);
        await events.DroppedAsync(claimed.Single(e => e.ClientId == "c0ffee0000000002").Id, "round", "the client was revoked", now);

        var (body, json) = await DegradedAsync(portal, "webhooks");

        var counts = json.GetProperty("counts").GetProperty("webhooks");
        Assert.Equal(1, counts.GetProperty(WebhookCheck.GivenUpCount).GetInt32());
        Assert.InRange(counts.GetProperty(WebhookCheck.OldestGivenUpMinutesCount).GetInt32(), 90, 95);
        foreach (var secret in new[] { "c0ffee", application.Reference!, "503", "Salma" })
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        var check = await new WebhookCheck(events, TimeProvider.System).CheckHealthAsync(new HealthCheckContext());
        Assert.Contains("1 webhook push(es) given up", check.Description, StringComparison.Ordinal);
        Assert.Contains("/admin/api-clients", check.Description, StringComparison.Ordinal);
        var dayLater = new FakeTimeProvider(DateTimeOffset.UtcNow + WebhookCheck.Window + TimeSpan.FromMinutes(1));
        Assert.Equal(HealthStatus.Healthy, (await new WebhookCheck(events, dayLater).CheckHealthAsync(new HealthCheckContext())).Status);
    }

    /// <summary>The body of <c>/health/ready</c>, which must be a 200 saying the portal and <paramref name="check"/> are degraded.</summary>
    private static async Task<(string Body, JsonElement Json)> DegradedAsync(TempPortal portal, string check)
    {
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };
        using var response = await client.GetAsync(Health.ReadyPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Degraded", json.RootElement.GetProperty("checks").GetProperty(check).GetString());
        return (body, json.RootElement.Clone());
    }

    [Fact]
    public async Task Ready_KeysInTheDatabaseWithoutACertificate_IsDegradedNotUnhealthy_AndTheStartWarnsWhatToSet()
    {
        var warnings = new ErrorRecorder(LogLevel.Warning);
        await using var portal = await TempPortal.PrepareAsync(listen: true, warnings, "--Storage:Keys=database");

        var (body, _) = await DegradedAsync(portal, "key-ring");

        Assert.DoesNotContain("KeysCertificate", body, StringComparison.Ordinal);
        // Once at start, and in the log of every /health/ready that finds it (the answer itself names no setting).
        var warning = Assert.Single(warnings.Entries, e => e.StartsWith("EmploymentProcedures.Host.KeyStorage: ", StringComparison.Ordinal));
        Assert.Contains("Storage:Keys=database without Storage:KeysCertificate", warning, StringComparison.Ordinal);
        Assert.Contains("set Storage:KeysCertificate", warning, StringComparison.Ordinal);
        Assert.Contains(warnings.Entries, e => e.Contains("key-ring", StringComparison.Ordinal) && e.Contains("set Storage:KeysCertificate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeyRing_InTheDataFolderOrEncryptedWithACertificate_IsHealthy_InTheDatabaseInClear_IsDegradedSayingWhatToSet()
    {
        var inClear = await new KeyRingCheck(new SharedStorage { Keys = SharedStorage.Database }).CheckHealthAsync(new HealthCheckContext());
        var encrypted = await new KeyRingCheck(new SharedStorage { Keys = SharedStorage.Database, KeysCertificate = "/etc/ep/keys.pfx" }).CheckHealthAsync(new HealthCheckContext());
        var files = await new KeyRingCheck(new SharedStorage()).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, inClear.Status);
        Assert.Contains("set Storage:KeysCertificate", inClear.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, encrypted.Status);
        Assert.Equal(HealthStatus.Healthy, files.Status);
    }

    [Fact]
    public async Task Live_AnswersWithoutRunningTheChecks()
    {
        await using var portal = await TempPortal.PrepareAsync(listen: true);
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };

        using var response = await client.GetAsync(Health.LivePath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Empty(json.RootElement.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Database_NotMigrated_IsUnhealthy()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ep-health-{Guid.NewGuid():N}.db");
        try
        {
            var result = await new DatabaseCheck(SqliteStorage.Create(file)).CheckHealthAsync(new HealthCheckContext());

            Assert.Equal(HealthStatus.Unhealthy, result.Status);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task DataFolder_ThatTakesNoFile_IsUnhealthy()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"ep-health-{Guid.NewGuid():N}", "data");

        var result = await new DataFolderCheck(new PortalPaths("procedures", missing, "db")).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task Procedures_CatalogRefreshLate_IsDegradedUntilARoundCatchesUp()
    {
        await using var portal = await TempPortal.PrepareAsync(settings: "--Portal:CatalogRefresh=00:00:00");
        var services = portal.App.Services;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var everyFiveSeconds = Options.Create(new PortalOptions { CatalogRefresh = TimeSpan.FromSeconds(5) });
        var refresh = ActivatorUtilities.CreateInstance<CatalogRefresh>(services, clock, everyFiveSeconds);
        var check = ActivatorUtilities.CreateInstance<ProceduresCheck>(services, refresh, clock, everyFiveSeconds);
        async Task<HealthStatus> Status() => (await check.CheckHealthAsync(new HealthCheckContext())).Status;

        await refresh.BaselineAsync();
        clock.Advance(TimeSpan.FromSeconds(14));
        Assert.Equal(HealthStatus.Healthy, await Status());
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HealthStatus.Degraded, await Status());
        await refresh.RoundAsync();
        Assert.Equal(HealthStatus.Healthy, await Status());
    }

    [Fact]
    public async Task Procedures_CatalogRefreshTurnedOff_IsNeverLate()
    {
        await using var portal = await TempPortal.PrepareAsync(settings: "--Portal:CatalogRefresh=00:00:00");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var check = ActivatorUtilities.CreateInstance<ProceduresCheck>(portal.App.Services, clock);

        clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task Sweep_HealthyWhileItRuns_DegradedWhenLateOrFailing()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var record = new SweepRecord();
        var check = new SweepCheck(record, Options.Create(new PortalOptions { SweepInterval = TimeSpan.FromHours(1) }), clock);
        async Task<HealthStatus> Status() => (await check.CheckHealthAsync(new HealthCheckContext())).Status;

        Assert.Equal(HealthStatus.Healthy, await Status());
        clock.Advance(TimeSpan.FromHours(2.5));
        Assert.Equal(HealthStatus.Degraded, await Status());
        record.Succeeded(clock.GetUtcNow());
        Assert.Equal(HealthStatus.Healthy, await Status());
        record.Failed();
        Assert.Equal(HealthStatus.Degraded, await Status());
        record.Succeeded(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(1.5));
        Assert.Equal(HealthStatus.Healthy, await Status());
    }

    [Fact]
    public async Task Sweep_AnotherInstanceHoldsItsLease_IsNotLateHere_ButIsOnceNobodyRunsIt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var record = new SweepRecord();
        var check = new SweepCheck(record, Options.Create(new PortalOptions { SweepInterval = TimeSpan.FromHours(1) }), clock);
        async Task<HealthStatus> Status() => (await check.CheckHealthAsync(new HealthCheckContext())).Status;

        for (var tick = 0; tick < 5; tick++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            record.HeldElsewhere(clock.GetUtcNow());
        }
        Assert.Equal(HealthStatus.Healthy, await Status());
        Assert.Null(record.LastSucceeded);

        // The ticks stop (the job's loop is stuck): late again after two intervals.
        clock.Advance(TimeSpan.FromHours(2.5));
        Assert.Equal(HealthStatus.Degraded, await Status());
    }

    [Fact]
    public async Task Sweep_TurnedOff_IsHealthy()
    {
        var check = new SweepCheck(new SweepRecord(), Options.Create(new PortalOptions { SweepInterval = TimeSpan.Zero }), new FakeTimeProvider());

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }
}
