using System.Globalization;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

public sealed partial class Applications
{
    private static readonly string DraftStatus = ApplicationStatus.Draft.Name();

    /// <summary>
    /// Abandoned drafts, run with the deadline sweep by the host. A draft is untouched since its last change (answers saved,
    /// a document attached or removed: <c>UpdatedAt</c>; opening it changes nothing). One untouched for
    /// <paramref name="retention"/> less <paramref name="warning"/> is announced to its applicant once (a
    /// <see cref="StorageEvents.DraftExpiring"/> notification through the outbox, with the day of the deletion); one untouched
    /// for <paramref name="retention"/> whose announcement is at least <paramref name="warning"/> old is deleted with its
    /// files (those no other application, message or draft refers to), and audited. Touching the draft again starts over:
    /// the announcement then belongs to an older state and a new one is made when the time comes again.
    /// </summary>
    public async Task<DraftSweepReport> SweepDraftsAsync(TimeSpan retention, TimeSpan warning, CancellationToken cancellationToken = default)
    {
        if (retention <= TimeSpan.Zero)
            return new DraftSweepReport(0, 0);
        warning = warning < TimeSpan.Zero ? TimeSpan.Zero : warning > retention ? retention : warning;
        var now = Now;
        var announceBefore = now - (retention - warning);
        var deleteBefore = now - retention;
        var announcedBefore = now - warning;
        List<(Guid Id, DateTime UpdatedAt, int Version)> toAnnounce;
        List<(Guid Id, DateTime UpdatedAt, int Version)> toDelete;
        await using (var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            toAnnounce = (await db.Applications.AsNoTracking()
                .Where(a => a.Status == DraftStatus && a.UpdatedAt <= announceBefore
                    && !db.Notifications.Any(n => n.ApplicationId == a.Id && n.Kind == StorageEvents.DraftExpiring && n.CreatedAt >= a.UpdatedAt))
                .Select(a => new { a.Id, a.UpdatedAt, a.Version })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
                .Select(a => (a.Id, a.UpdatedAt, a.Version)).ToList();
            toDelete = (await db.Applications.AsNoTracking()
                .Where(a => a.Status == DraftStatus && a.UpdatedAt <= deleteBefore
                    && db.Notifications.Any(n => n.ApplicationId == a.Id && n.Kind == StorageEvents.DraftExpiring && n.CreatedAt >= a.UpdatedAt && n.CreatedAt <= announcedBefore))
                .Select(a => new { a.Id, a.UpdatedAt, a.Version })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
                .Select(a => (a.Id, a.UpdatedAt, a.Version)).ToList();
        }

        var announced = 0;
        foreach (var draft in toAnnounce)
        {
            var on = draft.UpdatedAt + retention > now + warning ? draft.UpdatedAt + retention : now + warning;
            announced += await AnnounceDeletionAsync(draft.Id, draft.Version, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(on, _clock.LocalTimeZone)), cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }
        var deleted = 0;
        foreach (var draft in toDelete)
            deleted += await DeleteDraftAsync(draft.Id, draft.Version, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        return new DraftSweepReport(announced, deleted);
    }

    /// <summary>Tells the applicant their draft goes on <paramref name="on"/>, unless it changed since it was read (<paramref name="version"/>).</summary>
    private Task<bool> AnnounceDeletionAsync(Guid id, int version, DateOnly on, CancellationToken cancellationToken) =>
        InDraftTurnAsync(id, version, async (db, row) =>
        {
            db.Notifications.Add(new Notification
            {
                ApplicationId = id,
                Recipient = row.OwnerId,
                Kind = StorageEvents.DraftExpiring,
                Status = DraftStatus,
                Comment = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                CreatedAt = Now,
            });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return [];
        }, cancellationToken);

    /// <summary>Deletes the draft with its document rows (and its notifications), unless it changed since it was read; its audit entries' personal texts redacted; audited; then its freed files.</summary>
    private Task<bool> DeleteDraftAsync(Guid id, int version, CancellationToken cancellationToken) =>
        InDraftTurnAsync(id, version, async (db, row) =>
        {
            var hashes = await HashesOfAsync(db, [id], cancellationToken).ConfigureAwait(false);
            await AuditLog.RedactAsync(db, id, Now, cancellationToken).ConfigureAwait(false);
            await AuditLog.AppendAsync(db, [Audited(id, Actor.System, StorageEvents.DraftDeleted, detail: row.ProcedureId,
                from: ApplicationStatus.Draft, to: ApplicationStatus.Draft)], Now, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            // The database removes its document rows and notifications with it (foreign keys, on delete cascade).
            await db.Applications.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            return await UnreferencedAsync(db, hashes, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> in its own transaction (<see cref="InTurnAsync"/>) when the application is still the
    /// draft read at <paramref name="version"/> (an applicant who saved meanwhile wins). False when the draft changed or went.
    /// </summary>
    private Task<bool> InDraftTurnAsync(Guid id, int version, Func<ProceduresDb, ApplicationRow, Task<IReadOnlyList<string>>> write, CancellationToken cancellationToken) =>
        InTurnAsync(async db =>
        {
            var row = await db.Applications.AsNoTracking()
                .FirstOrDefaultAsync(a => a.Id == id && a.Version == version && a.Status == DraftStatus, cancellationToken).ConfigureAwait(false);
            return row is null ? null : await write(db, row).ConfigureAwait(false);
        }, cancellationToken);
}

/// <summary>What one round of <see cref="Applications.SweepDraftsAsync"/> did: drafts whose applicant was told they will go, drafts deleted.</summary>
public sealed record DraftSweepReport(int Announced, int Deleted);
