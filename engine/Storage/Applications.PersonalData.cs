using System.Runtime.CompilerServices;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

public sealed partial class Applications
{
    /// <summary>
    /// Every application <paramref name="applicant"/> owns, drafts included, oldest first: what their copy of their data
    /// (law 09-08's right of access) holds, one whole file each. Empty for anyone but an applicant.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> OwnedAsync(Actor applicant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        if (applicant.Kind != RoleKind.Applicant)
            return [];
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Applications.AsNoTracking().Where(a => a.OwnerId == applicant.UserId).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What a reviewer or a member of staff did, as the audit recorded it under their id, oldest first, with the reference
    /// of the file each entry is about: their decisions, opinions, claims and releases, downloads, and the attempts the
    /// engine refused. The entries' comments are left out (written to applicants or to other reviewers, they speak of the
    /// files rather than of the person). Read as it is written, never held whole.
    /// </summary>
    public async IAsyncEnumerable<ActivityEntry> ActivityOfAsync(string userId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var entries = db.Audit.AsNoTracking().Where(e => e.ActorId == userId).OrderBy(e => e.Sequence)
            .Select(e => new
            {
                e.Sequence, e.At, e.ApplicationId, e.ActorRole, e.Kind, e.Step, e.Action, e.FromStatus, e.ToStatus,
                Reference = db.Applications.Where(a => a.Id == e.ApplicationId).Select(a => a.Reference).FirstOrDefault(),
                ProcedureId = db.Applications.Where(a => a.Id == e.ApplicationId).Select(a => a.ProcedureId).FirstOrDefault(),
            })
            .AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false);
        await foreach (var e in entries)
        {
            yield return new ActivityEntry(e.Sequence, DateTime.SpecifyKind(e.At, DateTimeKind.Utc), e.ApplicationId, e.Reference, e.ProcedureId,
                e.ActorRole, e.Kind, e.Step, e.Action, e.FromStatus, e.ToStatus);
        }
    }
}

/// <summary>One thing a person did on the portal's files, as audited (<see cref="Applications.ActivityOfAsync"/>): no comment.</summary>
public sealed record ActivityEntry(
    long Sequence, DateTime At, Guid? ApplicationId, string? Reference, string? ProcedureId, string Role, string Kind,
    string? Step, string? Action, string? FromStatus, string? ToStatus);
