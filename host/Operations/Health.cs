using System.Text.Json;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Catalog;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host.Operations;

/// <summary>
/// What a load balancer, a supervisor or an operator asks the portal: <c>/health/live</c> (the process answers) and
/// <c>/health/ready</c> (it can serve: the database answers, the data folder takes files and has room, procedures are
/// loaded and kept up with the other instances' publications, the deadline sweep keeps running (with what its last round erased), no e-mail was given up lately, the data-protection keys are not kept in clear in the database). The answer names each check and its status,
/// and the counts a check gives, nothing more: no path, no message, no name or address, no exception reaches it (they go
/// to the log), since anyone may ask. 503 when a check is unhealthy; a degraded check (little disk space left, a late
/// sweep, a notification set aside, a push given up) answers 200 and says so.
/// </summary>
public static class Health
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>Below this much free space in the data folder, the portal is degraded: uploads and the database need room.</summary>
    public const long LowDiskBytes = 1L << 30;

    public static IServiceCollection AddPortalHealth(this IServiceCollection services)
    {
        services.AddSingleton<SweepRecord>();
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database")
            .AddCheck<DataFolderCheck>("data-folder")
            .AddCheck<ProceduresCheck>("procedures")
            .AddCheck<SweepCheck>("deadline-sweep")
            .AddCheck<SealCheck>("audit-seals")
            .AddCheck<MailCheck>("mail")
            .AddCheck<WebhookCheck>("webhooks")
            .AddCheck<KeyRingCheck>("key-ring");
        return services;
    }

    public static IEndpointRouteBuilder MapPortalHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { ResponseWriter = WriteAsync });
        return endpoints;
    }

    /// <summary>
    /// <c>{"status":"Healthy","checks":{"database":"Healthy",...}}</c>, never cached; with <c>"counts"</c> when a check
    /// gives numbers (<c>{"mail":{"setAsideLast24Hours":2}}</c>): counts only, never who or what.
    /// </summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var answer = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        var counts = report.Entries
            .Select(e => (e.Key, Counts: e.Value.Data.Where(d => d.Value is int).ToDictionary(d => d.Key, d => d.Value)))
            .Where(e => e.Counts.Count > 0)
            .ToDictionary(e => e.Key, e => e.Counts);
        if (counts.Count > 0)
            answer["counts"] = counts;
        return JsonSerializer.SerializeAsync(context.Response.Body, answer, cancellationToken: context.RequestAborted);
    }
}

/// <summary>The engine's database answers a read of its tables (so it exists and is migrated).</summary>
internal sealed class DatabaseCheck(IDbContextFactory<ProceduresDb> databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await SqliteStorage.ProbeAsync(databases, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the database does not answer", e);
        }
    }
}

/// <summary>The data folder (database, documents, keys) takes a file, and has room left.</summary>
internal sealed class DataFolderCheck(PortalPaths paths) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(paths.Data, $".health-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(probe, [1], cancellationToken).ConfigureAwait(false);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("the data folder takes no file", e);
        }
        var free = new DriveInfo(Path.GetFullPath(paths.Data)).AvailableFreeSpace;
        return free < Health.LowDiskBytes
            ? HealthCheckResult.Degraded($"{free:N0} bytes free in the data folder")
            : HealthCheckResult.Healthy();
    }
}

/// <summary>
/// Procedures are served: a portal with an empty catalog has nothing to offer (unhealthy). With
/// <see cref="PortalOptions.CatalogRefresh"/> on, this instance also caught up with the versions the others published not
/// longer ago than three periods; degraded otherwise, since it may serve an older version of a procedure than they do.
/// </summary>
internal sealed class ProceduresCheck(PublishedCatalog catalog, CatalogRefresh refresh, IOptions<PortalOptions> options, TimeProvider clock) : IHealthCheck
{
    private readonly DateTimeOffset _started = clock.GetUtcNow();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (catalog.Catalog.Definitions.Count == 0)
            return Task.FromResult(HealthCheckResult.Unhealthy("no procedure is loaded"));
        var period = options.Value.CatalogRefresh;
        var since = refresh.LastCaughtUp ?? _started;
        return Task.FromResult(period > TimeSpan.Zero && clock.GetUtcNow() - since > 3 * period
            ? HealthCheckResult.Degraded($"the catalog last caught up with the other instances' publications at {since:O}")
            : HealthCheckResult.Healthy());
    }
}

/// <summary>What the last round of the sweep erased and deleted (applications, drafts, files nothing referred to): counts only.</summary>
internal sealed record SweepCounts(int Erased, int DraftsAnnounced, int DraftsDeleted, int UnreferencedFilesDeleted);

/// <summary>
/// When the deadline sweep last finished a round (and what it erased then), whether its last round failed, and when this
/// instance last found its lease with another instance (whose own <c>/health/ready</c> answers for the sweep then).
/// </summary>
internal sealed class SweepRecord
{
    private long _lastSucceeded;
    private long _heldElsewhere;
    private int _failing;
    private SweepCounts? _last;

    public DateTimeOffset? LastSucceeded => Interlocked.Read(ref _lastSucceeded) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public bool Failing => Volatile.Read(ref _failing) == 1;

    /// <summary>The counts of the last round that succeeded; null before the first.</summary>
    public SweepCounts? Last => Volatile.Read(ref _last);

    public void Succeeded(DateTimeOffset at, SweepCounts? counts = null)
    {
        Volatile.Write(ref _last, counts);
        Interlocked.Exchange(ref _lastSucceeded, at.UtcTicks);
        Volatile.Write(ref _failing, 0);
    }

    public void Failed() => Volatile.Write(ref _failing, 1);

    /// <summary>The last time another instance held the sweep's lease; null when this one ran the last round.</summary>
    public DateTimeOffset? HeldElsewhereAt => Interlocked.Read(ref _heldElsewhere) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public void HeldElsewhere(DateTimeOffset at)
    {
        Interlocked.Exchange(ref _heldElsewhere, at.UtcTicks);
        Volatile.Write(ref _failing, 0);
    }

    /// <summary>When this instance last ran a round, or found another running them: the check's "last heard of the sweep".</summary>
    public DateTimeOffset? LastSeen => (LastSucceeded, HeldElsewhereAt) switch
    {
        ({ } ran, { } elsewhere) => ran > elsewhere ? ran : elsewhere,
        (var ran, var elsewhere) => ran ?? elsewhere,
    };
}

/// <summary>
/// The deadline sweep runs: its last round succeeded, and not longer ago than two intervals (the portal's first
/// round may be a little late after a start), or another instance held its lease at the last tick. Degraded otherwise: deadlines lapse unapplied, reviewers are not
/// told of files due soon and data past its retention stays, but applicants can still apply. Always healthy when the
/// sweep is turned off. What the last round erased is in the answer's counts when it erased anything
/// (<c>{"deadline-sweep":{"erasedLastRound":3}}</c>).
/// </summary>
internal sealed class SweepCheck(SweepRecord record, IOptions<PortalOptions> options, TimeProvider clock) : IHealthCheck
{
    /// <summary>The counts' names in the answer: closed applications erased, abandoned drafts announced and deleted by the last round.</summary>
    public const string ErasedCount = "erasedLastRound";
    public const string DraftsAnnouncedCount = "draftsAnnouncedLastRound";
    public const string DraftsDeletedCount = "draftsDeletedLastRound";

    /// <summary>The count of the document store's files nothing referred to that the last round deleted.</summary>
    public const string UnreferencedFilesDeletedCount = "unreferencedFilesDeletedLastRound";

    private readonly DateTimeOffset _started = clock.GetUtcNow();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<string, object>();
        if (record.Last is { } last)
        {
            foreach (var (name, count) in new[] { (ErasedCount, last.Erased), (DraftsAnnouncedCount, last.DraftsAnnounced), (DraftsDeletedCount, last.DraftsDeleted),
                (UnreferencedFilesDeletedCount, last.UnreferencedFilesDeleted) })
            {
                if (count > 0)
                    counts[name] = count;
            }
        }
        var interval = options.Value.SweepInterval;
        if (interval <= TimeSpan.Zero)
            return Task.FromResult(HealthCheckResult.Healthy("the sweep is turned off", counts));
        // Another instance holding the lease runs the rounds: this one is not late for that, the holder answers for them.
        var since = record.LastSeen ?? _started;
        var late = clock.GetUtcNow() - since > 2 * interval;
        return Task.FromResult(record.Failing || late
            ? HealthCheckResult.Degraded(record.Failing ? "the last deadline sweep failed" : "no deadline sweep for two intervals", data: counts)
            : HealthCheckResult.Healthy(data: counts));
    }
}

/// <summary>
/// The audit chain's seal of yesterday is written (<see cref="AuditSeals"/>): degraded when it has been due for longer than two
/// <see cref="PortalOptions.SweepInterval"/>s (the job's rounds) and is still missing, the job having stopped or failed on
/// every instance, with how many days wait for their seal (<c>{"audit-seals":{"unsealedDays":2}}</c>). The job seals them
/// all once it runs again. Two reads on the tables' keys; the same answer on every instance, since it reads the database.
/// Always healthy when the job is turned off.
/// </summary>
internal sealed class SealCheck(AuditSeals seals, IOptions<PortalOptions> options, TimeProvider clock) : IHealthCheck
{
    /// <summary>The count's name in the answer.</summary>
    public const string UnsealedDaysCount = "unsealedDays";

    private readonly DateTimeOffset _started = clock.GetUtcNow();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var interval = options.Value.SweepInterval;
        if (interval <= TimeSpan.Zero)
            return HealthCheckResult.Healthy("the sealing is turned off");
        var unsealed = await seals.UnsealedDaysAsync(cancellationToken).ConfigureAwait(false);
        if (unsealed == 0)
            return HealthCheckResult.Healthy();
        // Its first round, or the first since the day became due, may come up to an interval later.
        var waited = clock.GetUtcNow() - (seals.DueSince > _started ? seals.DueSince : _started);
        if (waited <= 2 * interval)
            return HealthCheckResult.Healthy();
        return HealthCheckResult.Degraded($"the audit chain's seal of {seals.DueThrough:yyyy-MM-dd} is overdue", data: new Dictionary<string, object> { [UnsealedDaysCount] = unsealed });
    }
}

/// <summary>
/// No notification was set aside in the last <see cref="Window"/> (its e-mails refused <c>Mail:MaxAttempts</c> times: the
/// dispatcher stops trying, so someone must look). Degraded otherwise, with how many (a count, never whose or to whom:
/// the log names them). Applying and reviewing go on either way.
/// </summary>
internal sealed class MailCheck(Outbox outbox, AccountsDb accounts, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>The count's name in the answer.</summary>
    public const string SetAsideCount = "setAsideLast24Hours";

    /// <summary>The count of account e-mails (password links, sign-up confirmations...) given up, in the answer.</summary>
    public const string AccountMailsGivenUpCount = "accountMailsGivenUpLast24Hours";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var since = (clock.GetUtcNow() - Window).UtcDateTime;
        var setAside = await outbox.SetAsideSinceAsync(since, cancellationToken).ConfigureAwait(false);
        var givenUp = await PasswordMailQueue.GivenUpSinceAsync(accounts, since, cancellationToken).ConfigureAwait(false);
        if (setAside == 0 && givenUp == 0)
            return HealthCheckResult.Healthy();
        var counts = new Dictionary<string, object>();
        if (setAside > 0)
            counts[SetAsideCount] = setAside;
        if (givenUp > 0)
            counts[AccountMailsGivenUpCount] = givenUp;
        return HealthCheckResult.Degraded($"{setAside} notification(s) set aside and {givenUp} account e-mail(s) given up in the last 24 hours", data: counts);
    }
}

/// <summary>
/// No partner's push (webhook) was given up in the last <see cref="Window"/> after a day of failed attempts: a partner's
/// system refusing or unreachable, or a signing secret to renew, misses changes until someone looks. Degraded otherwise,
/// with how many and how long ago the oldest was given up (counts only: which client and why are on
/// <c>/admin/api-clients</c> and in the log). A push dropped because its client no longer listens is not counted.
/// </summary>
internal sealed class WebhookCheck(PartnerEvents events, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>The counts' names in the answer.</summary>
    public const string GivenUpCount = "givenUpLast24Hours";
    public const string OldestGivenUpMinutesCount = "oldestGivenUpMinutesAgo";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var givenUp = await events.GivenUpSinceAsync(now - Window, cancellationToken).ConfigureAwait(false);
        if (givenUp.Count == 0)
            return HealthCheckResult.Healthy();
        var minutes = (int)Math.Max(0, (now - givenUp.Oldest!.Value).TotalMinutes);
        return HealthCheckResult.Degraded(
            $"{givenUp.Count} webhook push(es) given up in the last 24 hours, the oldest at {givenUp.Oldest:O}: see /admin/api-clients (each client's last pushes, and 'send again')",
            data: new Dictionary<string, object> { [GivenUpCount] = givenUp.Count, [OldestGivenUpMinutesCount] = minutes });
    }
}
