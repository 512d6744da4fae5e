using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// What the portal shows people of the outbox: the notifications addressed to them, newest first, which of them
/// are new, and a per-person "seen up to" marker. An applicant sees the notifications to their user id about their
/// own applications; a reviewer those to their own user id and those to their role in the territories they see (the
/// inbox's rule: every reviewer of the role for the ones to all of them, a province's reviewers for that province's);
/// staff those to their user id; the system nobody's.
/// </summary>
/// <remarks>
/// Each recipient and territory a person sees is one range of the index (Recipient, Territory, Id): a page reads each
/// range newest first only up to the end of the page and merges the few rows, and the unread count counts each range
/// past the person's marker, in one statement. A row's comment is what was written to its recipient: the applicant's
/// rows carry only a request for changes' message, a decision's reason (<see cref="WorkflowEvent.CommentForApplicant"/>)
/// and a message's text, never the note a reviewer leaves another when returning a file (not stored in their row, so no
/// dispatcher can send it either).
/// </remarks>
public sealed partial class Notifications(IDbContextFactory<ProceduresDb> databases)
{
    /// <summary>Notifications per page.</summary>
    public const int PageSize = 30;

    /// <summary>
    /// One page (from 0) of the notifications addressed to <paramref name="actor"/>, newest first, with the total over
    /// all pages and each marked new when it is past the person's marker. Empty for anyone nobody writes to.
    /// </summary>
    public async Task<NotificationPage> PageAsync(Actor actor, int page = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        page = Math.Max(0, page);
        var ranges = Ranges(actor);
        if (ranges.Count == 0)
            return new NotificationPage([], page, 0);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var seen = await SeenUpToAsync(db, actor.UserId, cancellationToken).ConfigureAwait(false);
        var skip = page * PageSize;
        IQueryable<Notification>? merged = null;
        IQueryable<long>? all = null;
        foreach (var range in ranges)
        {
            var rows = Range(db, actor, range);
            var head = rows.OrderByDescending(n => n.Id).Take(skip + PageSize);
            merged = merged is null ? head : merged.Concat(head);
            all = all is null ? rows.Select(n => n.Id) : all.Concat(rows.Select(n => n.Id));
        }
        var total = await all!.CountAsync(cancellationToken).ConfigureAwait(false);
        var shown = await merged!.OrderByDescending(n => n.Id).Skip(skip).Take(PageSize)
            .Join(db.Applications, n => n.ApplicationId, a => a.Id, (n, a) => new
            {
                n.Id, n.ApplicationId, a.Reference, a.ProcedureId, a.DefinitionVersion, n.Recipient, n.Kind, n.Step, n.Status, n.CreatedAt, n.Comment,
            })
            .OrderByDescending(n => n.Id)
            .AsNoTracking()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = shown.Select(n => NotificationItem.Of(
            n.Id, n.ApplicationId, n.Reference, n.ProcedureId, n.DefinitionVersion, n.Kind, n.Step, n.Status, n.CreatedAt, n.Comment,
            toRole: n.Recipient != actor.UserId, isNew: n.Id > seen)).ToList();
        return new NotificationPage(items, page, total);
    }

    /// <summary>
    /// The unread count stops at this many: past it the header says "more than 99", and a reviewer who never opened the
    /// page (every notification of their role is new to them) costs one short read of the index, not a count of it all.
    /// </summary>
    public const int CountedUpTo = 100;

    /// <summary>
    /// How many notifications addressed to <paramref name="actor"/> are past their marker, at most
    /// <see cref="CountedUpTo"/>: one statement over the index.
    /// </summary>
    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var ranges = Ranges(actor);
        if (ranges.Count == 0)
            return 0;
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await Unread(db, actor, ranges).Take(CountedUpTo).CountAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks every notification <paramref name="actor"/> sees with an id up to <paramref name="upToId"/> as seen (the page
    /// passes the newest it showed, so what arrived since stays new). The marker only moves forward; false when it did not
    /// move, or the database stayed busy (the notifications then simply stay new).
    /// </summary>
    public async Task<bool> MarkSeenAsync(Actor actor, long upToId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (upToId <= 0 || Ranges(actor).Count == 0)
            return false;
        var userId = actor.UserId;
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            for (var attempt = 0; attempt < 2; attempt++)
            {
                if (await db.NotificationsSeen.Where(s => s.UserId == userId && s.SeenUpTo < upToId)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.SeenUpTo, upToId), cancellationToken).ConfigureAwait(false) > 0)
                    return true;
                if (await db.NotificationsSeen.AnyAsync(s => s.UserId == userId, cancellationToken).ConfigureAwait(false))
                    return false;
                db.NotificationsSeen.Add(new NotificationSeen { UserId = userId, SeenUpTo = upToId });
                try
                {
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    return true;
                }
                catch (DbUpdateException)
                {
                    // Another request of the same person wrote the first marker meanwhile: move that one.
                    db.ChangeTracker.Clear();
                }
            }
            return false;
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return false;
        }
    }

    /// <summary>
    /// Everything the outbox wrote to <paramref name="actor"/>, oldest first, for their copy of their data: the notifications
    /// to them by name (an applicant's only about the applications they own), and those of their role that were e-mailed to
    /// them, each with when its e-mail to them was accepted. Not those of their role they only could read on the page: those
    /// were written to a role, not to the person. Read as it is written, never held whole.
    /// </summary>
    public async IAsyncEnumerable<WrittenNotification> WrittenToAsync(Actor actor, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsSystem)
            yield break;
        var userId = actor.UserId;
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = db.Notifications.AsNoTracking()
            .Where(n => n.Recipient == userId || db.NotificationDeliveries.Any(d => d.NotificationId == n.Id && d.AccountId == userId));
        if (actor.Kind == RoleKind.Applicant)
            rows = rows.Where(n => db.Applications.Any(a => a.Id == n.ApplicationId && a.OwnerId == userId));
        var written = rows.OrderBy(n => n.Id)
            .Join(db.Applications, n => n.ApplicationId, a => a.Id, (n, a) => new
            {
                n.Id, n.ApplicationId, a.Reference, a.ProcedureId, a.DefinitionVersion, n.Recipient, n.Kind, n.Step, n.Status, n.CreatedAt, n.Comment,
                EmailedAt = db.NotificationDeliveries.Where(d => d.NotificationId == n.Id && d.AccountId == userId).Select(d => (DateTime?)d.AcceptedAt).FirstOrDefault(),
            })
            .AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false);
        await foreach (var n in written)
        {
            yield return new WrittenNotification(
                NotificationItem.Of(n.Id, n.ApplicationId, n.Reference, n.ProcedureId, n.DefinitionVersion, n.Kind, n.Step, n.Status, n.CreatedAt, n.Comment,
                    toRole: n.Recipient != userId, isNew: false),
                n.EmailedAt);
        }
    }

    /// <summary>The (recipient, territory) ranges <paramref name="actor"/> reads.</summary>
    private static List<(string Recipient, string Territory)> Ranges(Actor actor)
    {
        if (actor.IsSystem)
            return [];
        var ranges = new List<(string, string)> { (actor.UserId, "") };
        if (actor.Kind == RoleKind.Reviewer)
        {
            ranges.AddRange(actor.Provinces.Prepend(PendingWork.Everywhere).Distinct(StringComparer.Ordinal)
                .Select(territory => (Notification.RolePrefix + actor.Role, territory)));
        }
        return ranges;
    }

    /// <summary>
    /// The rows of one range. An applicant's are those about applications they own as well: a notification of another
    /// person's file never reaches them, whatever its recipient says.
    /// </summary>
    private static IQueryable<Notification> Range(ProceduresDb db, Actor actor, (string Recipient, string Territory) range)
    {
        var (recipient, territory) = range;
        var rows = db.Notifications.Where(n => n.Recipient == recipient && n.Territory == territory);
        if (actor.Kind == RoleKind.Applicant)
            rows = rows.Where(n => db.Applications.Any(a => a.Id == n.ApplicationId && a.OwnerId == recipient));
        return rows;
    }

    /// <summary>The ids of the unread rows of every range, the marker read in the same statement.</summary>
    private static IQueryable<long> Unread(ProceduresDb db, Actor actor, List<(string Recipient, string Territory)> ranges)
    {
        var userId = actor.UserId;
        IQueryable<long>? unread = null;
        foreach (var range in ranges)
        {
            var ids = Range(db, actor, range)
                .Where(n => n.Id > db.NotificationsSeen.Where(s => s.UserId == userId).Select(s => s.SeenUpTo).FirstOrDefault())
                .Select(n => n.Id);
            unread = unread is null ? ids : unread.Concat(ids);
        }
        return unread!;
    }

    private static async Task<long> SeenUpToAsync(ProceduresDb db, string userId, CancellationToken cancellationToken) =>
        await db.NotificationsSeen.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.SeenUpTo)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The SQL of the unread count, for the test that checks its plan uses the index.</summary>
    internal static string UnreadSql(ProceduresDb db, Actor actor) => Unread(db, actor, Ranges(actor)).Take(CountedUpTo).ToQueryString();
}

/// <summary>A notification written to a person (<see cref="Notifications.WrittenToAsync"/>), and when its e-mail to them was accepted (UTC; null if none was).</summary>
public sealed record WrittenNotification(NotificationItem Item, DateTime? EmailedAt);

/// <summary>One page of a person's notifications (newest first) and how many there are over all pages.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, int Page, int Total)
{
    public int Pages => (Total + Notifications.PageSize - 1) / Notifications.PageSize;

    /// <summary>The id of the newest notification shown (what "seen up to" moves to), or 0 when there is none.</summary>
    public long Newest => Items.Count == 0 ? 0 : Items.Max(i => i.Id);
}

/// <summary>
/// One notification as its reader sees it: about which application (its reference, procedure and the definition version
/// it is pinned to, to name its steps), what happened (<see cref="Kind"/>: the workflow event, <c>deadline_near</c> or
/// <c>message_posted</c>), at which step, when (UTC), the text written to the person where there is one, whether it was
/// written to their role rather than to them, and whether it is new to them.
/// </summary>
public sealed record NotificationItem(
    long Id, Guid ApplicationId, string? Reference, string ProcedureId, int DefinitionVersion, string Kind, string? Step,
    ApplicationStatus Status, DateTime At, string? Comment, bool ToRole, bool IsNew)
{
    /// <summary>From a notification row's columns (and its application's) as stored: the status by name, the time in UTC, no blank comment.</summary>
    internal static NotificationItem Of(
        long id, Guid applicationId, string? reference, string procedureId, int definitionVersion, string kind, string? step,
        string status, DateTime createdAt, string? comment, bool toRole, bool isNew) =>
        new(id, applicationId, reference, procedureId, definitionVersion, kind, step,
            ApplicationStatuses.ByName.GetValueOrDefault(status, ApplicationStatus.InReview),
            DateTime.SpecifyKind(createdAt, DateTimeKind.Utc),
            string.IsNullOrWhiteSpace(comment) ? null : comment,
            toRole, isNew);
}
