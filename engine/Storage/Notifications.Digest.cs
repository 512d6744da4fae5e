using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

public sealed partial class Notifications
{
    /// <summary>
    /// The newest notification written at or before <paramref name="before"/> (UTC), 0 when there is none: how far a daily
    /// summary reaches. Taken a little in the past, so that a notification whose transaction is still open (its id given,
    /// not yet committed) cannot be passed over by a summary that saw a later one.
    /// </summary>
    public async Task<long> NewestAsync(DateTime before, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // Newest first along the key: only the rows written since the time are read past.
        return await db.Notifications.AsNoTracking().OrderByDescending(n => n.Id).Where(n => n.CreatedAt <= before)
            .Select(n => n.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The notifications addressed to <paramref name="actor"/> (as <see cref="PageAsync"/> decides: the same ranges, so
    /// never a file they may not see) with an id after <paramref name="after"/> and up to <paramref name="upTo"/>, oldest
    /// first, at most <paramref name="max"/>, with how many there are in all: what a daily summary tells.
    /// </summary>
    public async Task<NotificationSpan> BetweenAsync(Actor actor, long after, long upTo, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var ranges = Ranges(actor);
        if (ranges.Count == 0 || upTo <= after)
            return new NotificationSpan([], 0);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        IQueryable<long>? ids = null;
        foreach (var range in ranges)
        {
            var these = Range(db, actor, range).Where(n => n.Id > after && n.Id <= upTo).Select(n => n.Id);
            ids = ids is null ? these : ids.Concat(these);
        }
        var total = await ids!.CountAsync(cancellationToken).ConfigureAwait(false);
        if (total == 0)
            return new NotificationSpan([], 0);
        var first = await ids!.OrderBy(id => id).Take(max).ToListAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Notifications.AsNoTracking().Where(n => first.Contains(n.Id))
            .Join(db.Applications, n => n.ApplicationId, a => a.Id, (n, a) => new
            {
                n.Id, n.ApplicationId, a.Reference, a.ProcedureId, a.DefinitionVersion, n.Recipient, n.Kind, n.Step, n.Status, n.CreatedAt, n.Comment,
            })
            .OrderBy(n => n.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = rows.Select(n => NotificationItem.Of(
            n.Id, n.ApplicationId, n.Reference, n.ProcedureId, n.DefinitionVersion, n.Kind, n.Step, n.Status, n.CreatedAt, n.Comment,
            toRole: n.Recipient != actor.UserId, isNew: false)).ToList();
        return new NotificationSpan(items, total);
    }
}

/// <summary>Some of a person's notifications, oldest first (<see cref="Notifications.BetweenAsync"/>), and how many the span holds in all.</summary>
public sealed record NotificationSpan(IReadOnlyList<NotificationItem> Items, int Total);
