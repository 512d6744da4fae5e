using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <remarks>
/// The notifications given up on: set aside after too many refused e-mails, listed for the administrators and sent again
/// when one of them asks. Sending one again clears its set-aside mark and its attempts in one conditional update on the mark
/// the administrator saw (<see cref="SetAsideKey"/>), with an entry in the audit chain in the same transaction: of two
/// administrators pressing at once exactly one update finds the row still set aside, so it is retried once, and a
/// notification sent or set aside again since the page was read is left alone and reported as such. Who already received
/// it stays recorded (<c>NotificationDeliveries</c>), so the next attempt writes only to the others.
/// </remarks>
public sealed partial class Outbox
{
    private const string Administrator = "administrator";

    /// <summary>The notifications set aside after too many failures, oldest first, with their last error and who got them.</summary>
    public async Task<IReadOnlyList<SetAsideNotification>> SetAsideAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await SetAsideRowsAsync(db, SetAside(db).OrderBy(n => n.Id).Take(max), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One page of the notifications set aside, the most recently set aside first, <paramref name="pageSize"/> a page
    /// (<paramref name="page"/> from 0), with how many there are in all; refused to anyone but an administrator.
    /// </summary>
    public async Task<Outcome<SetAsidePage>> SetAsidePageAsync(Actor administrator, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        if (!IsAdministrator(administrator))
            return Outcome.Refused<SetAsidePage>(Refusal.Of(RefusalCodes.NotAllowed));
        // Past int.MaxValue / pageSize the offset would overflow to a negative one, which SQLite reads as none.
        page = Math.Clamp(page, 0, int.MaxValue / pageSize);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var total = await SetAside(db).CountAsync(cancellationToken).ConfigureAwait(false);
        return Outcome.Of(new SetAsidePage(await SetAsideRowsAsync(db, SetAsidePage(db, page, pageSize), cancellationToken).ConfigureAwait(false), total, page));
    }

    /// <summary>How many notifications were set aside (and not sent since) at or after <paramref name="since"/>: for operators, a count only.</summary>
    public async Task<int> SetAsideSinceAsync(DateTime since, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Notifications.CountAsync(n => n.SetAsideAt >= since && n.SentAt == null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends again, for <paramref name="administrator"/>, the notifications still set aside as <paramref name="notifications"/>
    /// say they were: each one's mark, attempts, next attempt and claim are cleared, so the dispatcher's next batch takes it
    /// and its attempts count from zero, and an audit entry of the application says who asked, when, and what had failed.
    /// One transaction. A notification that was sent, sent again by someone else or set aside anew meanwhile is left as it
    /// is and given back in <see cref="MailRetry.NoLongerSetAside"/>; anyone but an administrator is refused.
    /// </summary>
    public async Task<Outcome<MailRetry>> RetryAsync(
        IReadOnlyCollection<SetAsideKey> notifications, Actor administrator, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(administrator);
        if (!IsAdministrator(administrator))
            return Outcome.Refused<MailRetry>(Refusal.Of(RefusalCodes.NotAllowed));
        var asked = notifications.DistinctBy(n => n.Id).ToList();
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var ids = asked.Select(n => n.Id).ToList();
            var before = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id))
                .Select(n => new { n.Id, n.ApplicationId, n.Recipient, n.Territory, n.Kind, n.Attempts, n.LastError })
                .ToDictionaryAsync(n => n.Id, cancellationToken).ConfigureAwait(false);
            var retried = new List<long>();
            var audits = new List<AuditEntry>();
            foreach (var key in asked)
            {
                // The row's own state decides, not what was read above: the update takes it only while it is set aside as seen.
                var seen = key.SetAsideAt;
                var cleared = await db.Notifications
                    .Where(n => n.Id == key.Id && n.SentAt == null && n.SetAsideAt == seen)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(n => n.SetAsideAt, (DateTime?)null)
                        .SetProperty(n => n.Attempts, 0)
                        .SetProperty(n => n.NextAttemptAt, (DateTime?)null)
                        .SetProperty(n => n.ClaimedBy, (string?)null)
                        .SetProperty(n => n.ClaimedUntil, (DateTime?)null), cancellationToken).ConfigureAwait(false);
                if (cleared == 0 || !before.TryGetValue(key.Id, out var row))
                    continue;
                retried.Add(key.Id);
                audits.Add(new AuditEntry
                {
                    ApplicationId = row.ApplicationId,
                    ActorId = administrator.UserId,
                    ActorName = administrator.Name,
                    ActorRole = administrator.Role,
                    Kind = StorageEvents.MailResent,
                    Action = row.Kind,
                    Comment = row.LastError,
                    Detail = $"notification {row.Id} to {row.Recipient}{(row.Territory.Length > 0 ? " in " + row.Territory : "")}, after {row.Attempts} attempts",
                    PreviousHash = "",
                    Hash = "",
                });
            }
            await AuditLog.AppendAsync(db, audits, now, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return Outcome.Of(new MailRetry(retried, asked.Select(n => n.Id).Except(retried).ToList()));
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return Outcome.Refused<MailRetry>(Refusal.Of(RefusalCodes.Busy));
        }
    }

    private static bool IsAdministrator(Actor actor) => actor is { Kind: RoleKind.Staff, Role: Administrator } && !actor.IsSystem;

    /// <summary>One page, the most recently set aside first, read through an index of the unsent or of the set-aside rows (both few).</summary>
    internal static IQueryable<Notification> SetAsidePage(ProceduresDb db, int page, int pageSize) =>
        SetAside(db).OrderByDescending(n => n.SetAsideAt).ThenByDescending(n => n.Id).Skip(page * pageSize).Take(pageSize);

    private static IQueryable<Notification> SetAside(ProceduresDb db) => db.Notifications.AsNoTracking().Where(n => n.SentAt == null && n.SetAsideAt != null);

    /// <summary>The rows of <paramref name="query"/>, in its order, with their application's reference and procedure and who got them.</summary>
    private static async Task<IReadOnlyList<SetAsideNotification>> SetAsideRowsAsync(ProceduresDb db, IQueryable<Notification> query, CancellationToken cancellationToken)
    {
        var rows = await query
            .Join(db.Applications, n => n.ApplicationId, a => a.Id, (n, a) => new
            {
                n.Id, n.ApplicationId, a.Reference, a.ProcedureId, a.DefinitionVersion, n.Recipient, n.Territory, n.Kind, n.Step, n.Status,
                n.CreatedAt, n.Comment, n.Attempts, n.LastError, n.SetAsideAt,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var delivered = await DeliveredToAsync(db, rows.Select(n => n.Id).ToList(), cancellationToken).ConfigureAwait(false);
        return rows.Select(n => new SetAsideNotification(n.Id, n.Recipient, n.Kind, n.Attempts, n.LastError ?? "",
            n.SetAsideAt!.Value)
        {
            Territory = n.Territory,
            Item = NotificationItem.Of(n.Id, n.ApplicationId, n.Reference, n.ProcedureId, n.DefinitionVersion, n.Kind, n.Step, n.Status, n.CreatedAt, n.Comment,
                toRole: n.Recipient.StartsWith(Notification.RolePrefix, StringComparison.Ordinal), isNew: false),
            DeliveredTo = delivered[n.Id].ToList(),
        }).ToList();
    }
}

/// <summary>
/// A notification set aside after too many failed attempts, why the last one failed, and who got it all the same.
/// <see cref="Item"/> says which application and what happened, as its reader's page would; <see cref="Recipient"/> is a
/// user id, or <c>role:</c> and a role (in <see cref="Territory"/>, or everywhere when empty).
/// </summary>
public sealed record SetAsideNotification(long Id, string Recipient, string Kind, int Attempts, string LastError, DateTime SetAsideAt)
{
    /// <summary>The accounts whose e-mail of it was accepted, in the order they were.</summary>
    public IReadOnlyList<string> DeliveredTo { get; init; } = [];

    public string Territory { get; init; } = "";

    public required NotificationItem Item { get; init; }

    /// <summary>The role a <c>role:</c> recipient names, or null for a person's user id.</summary>
    public string? Role => Recipient.StartsWith(Notification.RolePrefix, StringComparison.Ordinal) ? Recipient[Notification.RolePrefix.Length..] : null;

    /// <summary>What a page hands back to send it again: it is sent again only if it is still set aside as the page showed it.</summary>
    public SetAsideKey Key => new(Id, SetAsideAt);
}

/// <summary>A page of the notifications set aside and how many there are in all.</summary>
public sealed record SetAsidePage(IReadOnlyList<SetAsideNotification> Items, int Total, int Page);

/// <summary>A notification to send again, and when it was set aside as the administrator saw it (UTC).</summary>
public sealed record SetAsideKey(long Id, DateTime SetAsideAt);

/// <summary>What sending again did: the notifications now due again, and those that were no longer set aside as seen (sent, or sent again by someone else).</summary>
public sealed record MailRetry(IReadOnlyList<long> Retried, IReadOnlyList<long> NoLongerSetAside);
