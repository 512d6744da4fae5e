using EmploymentProcedures.Engine.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// The notifications written with each transition, for the applicant's in-app messages and for a dispatcher
/// (e-mail, SMS) that takes the unsent ones, sends them and marks them sent: at least once, so a
/// dispatcher must tolerate sending one again after a crash.
/// </summary>
public sealed partial class Outbox(IDbContextFactory<ProceduresDb> databases)
{
    /// <summary>The oldest notifications not yet sent.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> UnsentAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.SentAt == null)
            .OrderBy(n => n.Id)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(OutboxMessage.From).ToList();
    }

    /// <summary>The notifications addressed to <paramref name="userId"/>, newest first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ForUserAsync(string userId, int max = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.Recipient == userId)
            .OrderByDescending(n => n.CreatedAt)
            .ThenByDescending(n => n.Id)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(OutboxMessage.From).ToList();
    }

    /// <summary>
    /// Marks the notifications sent (and releases their claim): they are never claimed again. In the same transaction,
    /// records the e-mails <paramref name="delivered"/> (of these notifications, and of others accepted by some of their
    /// people before the batch stopped), so a retry writes only to the others.
    /// </summary>
    public async Task MarkSentAsync(IEnumerable<long> ids, DateTime sentAt, IEnumerable<Delivery>? delivered = null, CancellationToken cancellationToken = default)
    {
        var list = ids.ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await RecordAsync(db, delivered, cancellationToken).ConfigureAwait(false);
        await db.Notifications.Where(n => list.Contains(n.Id) && n.SentAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.SentAt, sentAt)
                .SetProperty(n => n.ClaimedBy, (string?)null)
                .SetProperty(n => n.ClaimedUntil, (DateTime?)null), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds the deliveries not recorded yet (a notification taken over after a lapsed lease may repeat one).</summary>
    private static async Task RecordAsync(ProceduresDb db, IEnumerable<Delivery>? delivered, CancellationToken cancellationToken)
    {
        var list = delivered?.DistinctBy(d => (d.NotificationId, d.AccountId)).ToList() ?? [];
        if (list.Count == 0)
            return;
        var ids = list.Select(d => d.NotificationId).Distinct().ToList();
        var known = (await db.NotificationDeliveries.AsNoTracking().Where(d => ids.Contains(d.NotificationId))
            .Select(d => new { d.NotificationId, d.AccountId }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(d => (d.NotificationId, d.AccountId)).ToHashSet();
        db.NotificationDeliveries.AddRange(list.Where(d => !known.Contains((d.NotificationId, d.AccountId)))
            .Select(d => new NotificationDelivery { NotificationId = d.NotificationId, AccountId = d.AccountId, AcceptedAt = d.AcceptedAt }));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Who accepted each of these notifications' e-mails, by notification.</summary>
    private static async Task<ILookup<long, string>> DeliveredToAsync(ProceduresDb db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        (await db.NotificationDeliveries.AsNoTracking().Where(d => ids.Contains(d.NotificationId))
            .OrderBy(d => d.NotificationId).ThenBy(d => d.AcceptedAt)
            .Select(d => new { d.NotificationId, d.AccountId }).ToListAsync(cancellationToken).ConfigureAwait(false))
        .ToLookup(d => d.NotificationId, d => d.AccountId);

    /// <summary>The longest error kept with a notification (the rest is cut).</summary>
    public const int ErrorLength = 500;

    /// <summary>
    /// Claims for the batch <paramref name="claim"/> (a token unique to it) the oldest notifications that are due: not
    /// sent, not set aside, past their next attempt, and claimed by no other batch (or by one whose lease has lapsed, a
    /// dispatcher that stopped). The claim is one UPDATE, so two dispatchers on the same database never get the same
    /// rows while a lease holds; the rows come back in order with what the reader's page shows of them.
    /// </summary>
    public async Task<IReadOnlyList<DueNotification>> ClaimAsync(
        string claim, DateTime now, int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(claim);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var due = db.Notifications
            .Where(n => n.SentAt == null && n.SetAsideAt == null
                && (n.NextAttemptAt == null || n.NextAttemptAt <= now)
                && (n.ClaimedUntil == null || n.ClaimedUntil <= now))
            .OrderBy(n => n.Id).Take(max).Select(n => n.Id);
        var until = now + lease;
        // The outer condition is checked again on each row as it is updated, so a row another dispatcher claimed
        // between the subquery and the update stays theirs.
        var claimed = await db.Notifications
            .Where(n => due.Contains(n.Id) && n.SentAt == null && (n.ClaimedUntil == null || n.ClaimedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedBy, claim).SetProperty(n => n.ClaimedUntil, until), cancellationToken)
            .ConfigureAwait(false);
        if (claimed == 0)
            return [];
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.ClaimedBy == claim && n.SentAt == null)
            .Join(db.Applications, n => n.ApplicationId, a => a.Id, (n, a) => new
            {
                n.Id, n.ApplicationId, a.Reference, a.ProcedureId, a.DefinitionVersion, a.OwnerId, n.Recipient, n.Territory,
                n.Kind, n.Step, n.Status, n.CreatedAt, n.Comment, n.Attempts,
            })
            .OrderBy(n => n.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var delivered = await DeliveredToAsync(db, rows.Select(n => n.Id).ToList(), cancellationToken).ConfigureAwait(false);
        return rows.Select(n => new DueNotification(
            NotificationItem.Of(n.Id, n.ApplicationId, n.Reference, n.ProcedureId, n.DefinitionVersion, n.Kind, n.Step, n.Status, n.CreatedAt, n.Comment,
                toRole: n.Recipient.StartsWith(Notification.RolePrefix, StringComparison.Ordinal), isNew: false),
            n.Recipient, n.Territory, n.OwnerId, n.Attempts) { DeliveredTo = delivered[n.Id].ToHashSet(StringComparer.Ordinal) }).ToList();
    }

    /// <summary>
    /// Records a failed attempt of a claimed notification: it is tried again at <paramref name="retryAt"/>, or, when that
    /// is null, set aside for good (counted, with its error, never claimed again until an administrator sends it again: <see cref="RetryAsync"/>).
    /// The e-mails of it that were accepted before the failure (<paramref name="delivered"/>) are recorded in the same
    /// transaction: the next attempt leaves those people out, and a notification set aside still says who got it.
    /// </summary>
    public async Task FailedAsync(long id, string claim, string error, DateTime now, DateTime? retryAt,
        IEnumerable<Delivery>? delivered = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        var kept = error.Length <= ErrorLength ? error : error[..ErrorLength];
        DateTime? setAside = retryAt is null ? now : null;
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await RecordAsync(db, delivered, cancellationToken).ConfigureAwait(false);
        await db.Notifications.Where(n => n.Id == id && n.ClaimedBy == claim && n.SentAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Attempts, n => n.Attempts + 1)
                .SetProperty(n => n.LastError, kept)
                .SetProperty(n => n.NextAttemptAt, retryAt)
                .SetProperty(n => n.SetAsideAt, setAside)
                .SetProperty(n => n.ClaimedBy, (string?)null)
                .SetProperty(n => n.ClaimedUntil, (DateTime?)null), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives back what the batch <paramref name="claim"/> holds and did not send (no attempt counted), for the next batch.</summary>
    public async Task ReleaseAsync(string claim, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Notifications.Where(n => n.ClaimedBy == claim && n.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedBy, (string?)null).SetProperty(n => n.ClaimedUntil, (DateTime?)null), cancellationToken)
            .ConfigureAwait(false);
    }
}

/// <summary>
/// A notification claimed for sending: what its reader's page shows (<see cref="Item"/>), to whom (a user id, or
/// <c>role:</c> and a role in <see cref="Territory"/>, empty for every reviewer of the role), whose application it is
/// about, and how many attempts failed before.
/// </summary>
public sealed record DueNotification(NotificationItem Item, string Recipient, string Territory, string OwnerId, int Attempts)
{
    /// <summary>The accounts whose e-mail of it was accepted at an earlier attempt: not written to again.</summary>
    public IReadOnlySet<string> DeliveredTo { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The role a <c>role:</c> recipient names, or null for a person's user id.</summary>
    public string? Role => Recipient.StartsWith(Notification.RolePrefix, StringComparison.Ordinal) ? Recipient[Notification.RolePrefix.Length..] : null;
}

/// <summary>One person's e-mail of a notification (to <paramref name="AccountId"/>), accepted at <paramref name="AcceptedAt"/>.</summary>
public sealed record Delivery(long NotificationId, string AccountId, DateTime AcceptedAt);

/// <summary>One notification: to a user id, or to the reviewers of a role (<c>role:desk-agent</c>, in <paramref name="Territory"/> when set).</summary>
public sealed record OutboxMessage(long Id, Guid ApplicationId, string Recipient, string Territory, string Kind, string? Step, string Status, string? Comment, DateTime CreatedAt, DateTime? SentAt)
{
    internal static OutboxMessage From(Notification n) =>
        new(n.Id, n.ApplicationId, n.Recipient, n.Territory, n.Kind, n.Step, n.Status, n.Comment, DateTime.SpecifyKind(n.CreatedAt, DateTimeKind.Utc), n.SentAt);
}
