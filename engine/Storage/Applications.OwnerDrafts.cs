using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

public sealed partial class Applications
{
    /// <summary>How many times <see cref="DeleteDraftsOfAsync"/> reads the drafts again when a save changed one meanwhile.</summary>
    private const int OwnerDraftRounds = 5;

    /// <summary>The owners' ids one query of <see cref="DeleteDraftsOfAsync"/> looks for (SQLite's parameters are limited).</summary>
    private const int OwnerBatch = 500;

    /// <summary>The statuses of an application being processed, as the database writes them (<see cref="ApplicationStatuses.IsPending"/>).</summary>
    private static readonly string[] PendingStatuses = [.. ApplicationStatuses.ByName.Where(s => s.Value.IsPending()).Select(s => s.Key)];

    /// <summary>
    /// The applications of <paramref name="ownerId"/> being processed (submitted and not decided: in review, or waiting for
    /// the applicant's changes), most recently changed first: what stops an applicant from closing their account, since
    /// the administration still owes them a decision and may need to write to them.
    /// </summary>
    public async Task<IReadOnlyList<ApplicationSummary>> PendingOfAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.OwnerId == ownerId && PendingStatuses.Contains(a.Status))
            .OrderByDescending(a => a.UpdatedAt)
            .Select(a => new { a.Id, a.ProcedureId, a.Reference, a.Status, a.Step, a.SubmittedOn, a.DueOn, a.UpdatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(a => new ApplicationSummary(a.Id, a.ProcedureId, a.Reference, ApplicationStatuses.ByName[a.Status], a.Step, a.SubmittedOn, a.DueOn, a.UpdatedAt)).ToList();
    }

    /// <summary>
    /// Deletes every draft of the owners <paramref name="ownerIds"/> (accounts being closed) as an abandoned draft is
    /// deleted: its row, document rows and notifications, a <c>draft_deleted</c> audit entry by <c>system</c>, then its files
    /// that nothing else refers to. A draft saved while it runs (its version changed) is read again and deleted too, so
    /// none survives a save racing the closure; a save that comes after finds no draft and is refused. Idempotent: gives how
    /// many were deleted (none when run again).
    /// </summary>
    public async Task<int> DeleteDraftsOfAsync(IReadOnlyCollection<string> ownerIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ownerIds);
        var deleted = 0;
        foreach (var batch in ownerIds.Distinct(StringComparer.Ordinal).Chunk(OwnerBatch))
        {
            for (var round = 0; round < OwnerDraftRounds; round++)
            {
                List<(Guid Id, int Version)> drafts;
                await using (var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
                {
                    drafts = (await db.Applications.AsNoTracking()
                        .Where(a => batch.Contains(a.OwnerId) && a.Status == DraftStatus)
                        .Select(a => new { a.Id, a.Version })
                        .ToListAsync(cancellationToken).ConfigureAwait(false))
                        .Select(a => (a.Id, a.Version)).ToList();
                }
                if (drafts.Count == 0)
                    break;
                foreach (var draft in drafts)
                    deleted += await DeleteDraftAsync(draft.Id, draft.Version, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }
        return deleted;
    }
}
