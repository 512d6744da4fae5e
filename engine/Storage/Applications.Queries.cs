using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

public sealed partial class Applications
{
    /// <summary>One application, when <paramref name="actor"/> may see it (its owner, a reviewer of its circuit and territory, staff); a refusal, audited, otherwise.</summary>
    public async Task<Outcome<Application>> GetAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var loaded = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        var refusal = loaded is null ? StorageRefusals.NotYours() : _workflow.Authorize(loaded.Definition, loaded.Application, actor);
        if (refusal is not null)
        {
            await RefuseAsync(id, actor, "open", null, refusal, cancellationToken).ConfigureAwait(false);
            return Outcome.Refused<Application>(refusal);
        }
        return Outcome.Of<Application>(loaded!.Application);
    }

    /// <summary>What <paramref name="actor"/> may do now on the application: every button of the page; empty when nothing (or not theirs).</summary>
    public async Task<IReadOnlyList<PermittedAction>> PermittedActionsAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var loaded = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        return loaded is null ? [] : _workflow.PermittedActions(loaded.Definition, loaded.Application, actor);
    }

    /// <summary>The content of an attached file, for someone who may see the application; the host serves it as an attachment.</summary>
    public async Task<Outcome<Stream>> OpenDocumentAsync(Guid id, Actor actor, string documentId, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var loaded = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        var refusal = loaded is null ? StorageRefusals.NotYours() : _workflow.Authorize(loaded.Definition, loaded.Application, actor);
        Stream? content = null;
        if (refusal is null)
        {
            await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var hash = await db.Documents.AsNoTracking()
                .Where(d => d.ApplicationId == id && d.DocumentId == documentId && d.FileName == fileName)
                .Select(d => d.Hash)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            content = hash is null ? null : _documents.OpenRead(hash);
            refusal = content is null ? Refusal.Of(RefusalCodes.UnknownDocument, documentId) : null;
        }
        if (refusal is not null)
        {
            await RefuseAsync(id, actor, "open_document " + documentId, null, refusal, cancellationToken).ConfigureAwait(false);
            return Outcome.Refused<Stream>(refusal);
        }
        return Outcome.Of<Stream>(content!);
    }

    /// <summary>The applicant's own applications, most recently changed first, <see cref="PageSize"/> a page.</summary>
    public async Task<IReadOnlyList<ApplicationSummary>> MineAsync(Actor applicant, int page = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        if (applicant.Kind != RoleKind.Applicant)
            return [];
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.OwnerId == applicant.UserId)
            .OrderByDescending(a => a.UpdatedAt)
            .Skip(Math.Max(0, page) * PageSize)
            .Take(PageSize)
            .Select(a => new { a.Id, a.ProcedureId, a.Reference, a.Status, a.Step, a.SubmittedOn, a.DueOn, a.UpdatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(a => new ApplicationSummary(a.Id, a.ProcedureId, a.Reference, ApplicationStatuses.ByName[a.Status], a.Step, a.SubmittedOn, a.DueOn, a.UpdatedAt)).ToList();
    }

    /// <summary>The audit entries of one application, oldest first, for someone who may see it (its timeline); an applicant does not see others' refused attempts.</summary>
    public async Task<Outcome<IReadOnlyList<AuditRecord>>> HistoryAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        var seen = await GetAsync(id, actor, cancellationToken).ConfigureAwait(false);
        if (seen.Refusal is { } refusal)
            return Outcome.Refused<IReadOnlyList<AuditRecord>>(refusal);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var entries = await db.Audit.AsNoTracking()
            .Where(a => a.ApplicationId == id)
            .OrderBy(a => a.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // An applicant sees what was done to their file, not who else tried to open it.
        if (actor.Kind == RoleKind.Applicant)
            entries.RemoveAll(e => e.Kind == WorkflowEvents.Refused && e.ActorId != actor.UserId);
        return Outcome.Of<IReadOnlyList<AuditRecord>>(entries.Select(AuditRecord.From).ToList());
    }
}
