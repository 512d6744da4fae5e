using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// The partners' pushes (webhooks): every change of a submitted application that the partners' list would show queues one
/// event per API client whose registered webhook and grant cover it (<see cref="QueueAsync"/>, inside the change's own
/// transaction, so nothing is told that did not happen and nothing that happened is lost); the host's dispatcher claims
/// them (<see cref="ClaimAsync"/>, one UPDATE, as the mail outbox does), posts them and records the outcome. The clients
/// themselves live in the accounts database: the host keeps <see cref="SetAsync"/> up to date with those that listen.
/// </summary>
public sealed class PartnerEvents(IDbContextFactory<ProceduresDb> databases)
{
    /// <summary>The longest error kept with an event (the rest is cut).</summary>
    public const int ErrorLength = 300;

    /// <summary>Records that <paramref name="subscriber"/> listens (with its grant as it is now), or, when null, that <paramref name="clientId"/> no longer does.</summary>
    public async Task SetAsync(string clientId, PartnerSubscriber? subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.PartnerSubscriptions.SingleOrDefaultAsync(s => s.ClientId == clientId, cancellationToken).ConfigureAwait(false);
        if (subscriber is null)
        {
            if (row is not null)
                db.PartnerSubscriptions.Remove(row);
        }
        else if (row is null)
        {
            db.PartnerSubscriptions.Add(subscriber.ToRow());
        }
        else
        {
            var wanted = subscriber.ToRow();
            (row.Procedures, row.Provinces, row.ExpiresOn) = (wanted.Procedures, wanted.Provinces, wanted.ExpiresOn);
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes the listening clients exactly <paramref name="subscribers"/> (at the host's start: a change saved just before a crash is caught up).</summary>
    public async Task ReplaceAllAsync(IReadOnlyCollection<PartnerSubscriber> subscribers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscribers);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.PartnerSubscriptions.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        db.PartnerSubscriptions.AddRange(subscribers.Select(s => s.ToRow()));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues, in <paramref name="db"/>'s transaction, one event of the application as <paramref name="row"/> leaves it for each
    /// listening client whose grant covers it and whose token has not passed its last day (<paramref name="today"/>): nothing
    /// for a draft.
    /// </summary>
    internal static async Task QueueAsync(ProceduresDb db, ApplicationRow row, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        var status = ApplicationStatuses.ByName[row.Status];
        if (status == ApplicationStatus.Draft || row.Reference is null)
            return;
        var subscriptions = await db.PartnerSubscriptions.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var subscription in subscriptions)
        {
            if (subscription.ExpiresOn is { } last && today > last)
                continue;
            var access = new PartnerAccess(subscription.ClientId, "", Lines(subscription.Procedures), Lines(subscription.Provinces));
            if (!access.Covers(row.ProcedureId, row.Province, status))
                continue;
            db.PartnerEvents.Add(new PartnerEvent
            {
                ClientId = subscription.ClientId,
                ApplicationId = row.Id,
                Reference = row.Reference,
                ProcedureId = row.ProcedureId,
                DefinitionVersion = row.DefinitionVersion,
                Status = row.Status,
                Step = status.IsFinal() ? null : row.Step,
                Province = row.Province,
                Erased = row.ErasedAt is not null,
                ChangedAt = row.UpdatedAt,
                CreatedAt = now,
            });
        }
    }

    private static HashSet<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Claims for the batch <paramref name="claim"/> (a token unique to it) the oldest events due: not delivered, not given up,
    /// past their next attempt, and claimed by no other batch (or one whose lease lapsed). One UPDATE, so two dispatchers on the
    /// same database never get the same event while a lease holds.
    /// </summary>
    public async Task<IReadOnlyList<PartnerEventItem>> ClaimAsync(string claim, DateTime now, int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(claim);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var due = db.PartnerEvents
            .Where(e => e.DeliveredAt == null && e.GivenUpAt == null
                && (e.NextAttemptAt == null || e.NextAttemptAt <= now)
                && (e.ClaimedUntil == null || e.ClaimedUntil <= now))
            .OrderBy(e => e.Id).Take(max).Select(e => e.Id);
        var until = now + lease;
        // The outer condition is checked again on each row as it is updated: a row another dispatcher claimed meanwhile stays theirs.
        var claimed = await db.PartnerEvents
            .Where(e => due.Contains(e.Id) && e.DeliveredAt == null && e.GivenUpAt == null && (e.ClaimedUntil == null || e.ClaimedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedBy, claim).SetProperty(e => e.ClaimedUntil, until), cancellationToken)
            .ConfigureAwait(false);
        if (claimed == 0)
            return [];
        var rows = await db.PartnerEvents.AsNoTracking().Where(e => e.ClaimedBy == claim && e.DeliveredAt == null && e.GivenUpAt == null)
            .OrderBy(e => e.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(PartnerEventItem.From).ToList();
    }

    /// <summary>Records that the partner accepted the claimed event (a 2xx <paramref name="status"/>): it is never sent again.</summary>
    public Task DeliveredAsync(long id, string claim, int status, DateTime now, CancellationToken cancellationToken = default) =>
        SettleAsync(id, claim, s => s
            .SetProperty(e => e.Attempts, e => e.Attempts + 1)
            .SetProperty(e => e.LastAttemptAt, now)
            .SetProperty(e => e.LastStatus, status)
            .SetProperty(e => e.LastError, (string?)null)
            .SetProperty(e => e.DeliveredAt, now), cancellationToken);

    /// <summary>
    /// Records a failed attempt of the claimed event (the answer's <paramref name="status"/>, or null when none came, and why): it
    /// is tried again at <paramref name="retryAt"/>, or, when null, given up and kept for an administrator.
    /// </summary>
    public Task FailedAsync(long id, string claim, int? status, string error, DateTime now, DateTime? retryAt, CancellationToken cancellationToken = default)
    {
        var kept = Cut(error);
        DateTime? givenUp = retryAt is null ? now : null;
        return SettleAsync(id, claim, s => s
            .SetProperty(e => e.Attempts, e => e.Attempts + 1)
            .SetProperty(e => e.LastAttemptAt, now)
            .SetProperty(e => e.LastStatus, status)
            .SetProperty(e => e.LastError, kept)
            .SetProperty(e => e.NextAttemptAt, retryAt)
            .SetProperty(e => e.GivenUpAt, givenUp), cancellationToken);
    }

    /// <summary>
    /// The pushes given up after failing since <paramref name="since"/> (UTC) and not sent again since: how many, and when the
    /// first of them was given up. Those dropped unsent (the client revoked, narrowed, without a webhook) are not counted: nothing
    /// is wrong there. Read through the index on (delivered, given up).
    /// </summary>
    public async Task<GivenUpPushes> GivenUpSinceAsync(DateTime since, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var givenUp = db.PartnerEvents.Where(e => e.DeliveredAt == null && e.GivenUpAt >= since && e.Attempts > 0);
        var count = await givenUp.CountAsync(cancellationToken).ConfigureAwait(false);
        return new GivenUpPushes(count, count == 0 ? null : await givenUp.MinAsync(e => e.GivenUpAt, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Per client, how many of its pushes are given up after failing and not sent again (what its page offers to send again).</summary>
    public async Task<IReadOnlyDictionary<string, int>> GivenUpByClientAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.PartnerEvents.Where(e => e.DeliveredAt == null && e.GivenUpAt != null && e.Attempts > 0)
            .GroupBy(e => e.ClientId).Select(g => new { ClientId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ClientId, g => g.Count, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives up the claimed event without sending it (the client no longer listens or no longer covers the application), saying why.</summary>
    public Task DroppedAsync(long id, string claim, string reason, DateTime now, CancellationToken cancellationToken = default)
    {
        var kept = Cut(reason);
        return SettleAsync(id, claim, s => s.SetProperty(e => e.LastError, kept).SetProperty(e => e.GivenUpAt, now), cancellationToken);
    }

    private async Task SettleAsync(
        long id, string claim, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<PartnerEvent>> set, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.PartnerEvents.Where(e => e.Id == id && e.ClaimedBy == claim && e.DeliveredAt == null && e.GivenUpAt == null)
            .ExecuteUpdateAsync(s =>
            {
                set(s);
                s.SetProperty(e => e.ClaimedBy, (string?)null).SetProperty(e => e.ClaimedUntil, (DateTime?)null);
            }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives back what the batch <paramref name="claim"/> holds and did not settle (no attempt counted), for the next batch.</summary>
    public async Task ReleaseAsync(string claim, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.PartnerEvents.Where(e => e.ClaimedBy == claim && e.DeliveredAt == null && e.GivenUpAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedBy, (string?)null).SetProperty(e => e.ClaimedUntil, (DateTime?)null), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The client's last <paramref name="max"/> events, newest first, with where each one's delivery stands.</summary>
    public async Task<IReadOnlyList<PartnerEventItem>> RecentAsync(string clientId, int max, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.PartnerEvents.AsNoTracking().Where(e => e.ClientId == clientId)
            .OrderByDescending(e => e.Id).Take(max).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(PartnerEventItem.From).ToList();
    }

    /// <summary>
    /// Sends a given-up event of the client's again: its attempts start afresh at the next round. False when it is not the
    /// client's, or no longer given up (delivered, or sent again by another administrator meanwhile).
    /// </summary>
    public async Task<bool> ResendAsync(string clientId, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.PartnerEvents.Where(e => e.Id == id && e.ClientId == clientId && e.GivenUpAt != null && e.DeliveredAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.GivenUpAt, (DateTime?)null)
                .SetProperty(e => e.Attempts, 0)
                .SetProperty(e => e.NextAttemptAt, (DateTime?)null)
                .SetProperty(e => e.ClaimedBy, (string?)null)
                .SetProperty(e => e.ClaimedUntil, (DateTime?)null), cancellationToken).ConfigureAwait(false) == 1;
    }

    private static string Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= ErrorLength ? text : text[..ErrorLength];
    }
}

/// <summary>An API client that registered a webhook, and what it may read (as <see cref="PartnerAccess"/> covers it).</summary>
/// <summary>Pushes given up after failing: how many, and when the first was given up (UTC; null when none).</summary>
public readonly record struct GivenUpPushes(int Count, DateTime? Oldest);

public sealed record PartnerSubscriber(string ClientId, IReadOnlyCollection<string> Procedures, IReadOnlyCollection<string> Provinces, DateOnly? ExpiresOn)
{
    internal PartnerSubscription ToRow() => new()
    {
        ClientId = ClientId,
        Procedures = string.Join('\n', Procedures.Order(StringComparer.Ordinal)),
        Provinces = string.Join('\n', Provinces.Order(StringComparer.Ordinal)),
        ExpiresOn = ExpiresOn,
    };
}

/// <summary>
/// One queued push to one client: the application's line as the change left it (<paramref name="Status"/> by its name,
/// <paramref name="Step"/> null once closed, times UTC) and where its delivery stands.
/// </summary>
public sealed record PartnerEventItem(
    long Id, string ClientId, Guid ApplicationId, string Reference, string ProcedureId, int Version, string Status, string? Step, string? Province,
    bool Erased, DateTime ChangedAt, DateTime CreatedAt, int Attempts, DateTime? LastAttemptAt, int? LastStatus, string? LastError,
    DateTime? NextAttemptAt, DateTime? DeliveredAt, DateTime? GivenUpAt)
{
    internal static PartnerEventItem From(PartnerEvent e) => new(
        e.Id, e.ClientId, e.ApplicationId, e.Reference, e.ProcedureId, e.DefinitionVersion, e.Status, e.Step, e.Province, e.Erased,
        e.ChangedAt, e.CreatedAt, e.Attempts, e.LastAttemptAt, e.LastStatus, e.LastError, e.NextAttemptAt, e.DeliveredAt, e.GivenUpAt);
}
