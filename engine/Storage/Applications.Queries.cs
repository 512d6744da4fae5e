using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

public sealed partial class Applications
{
    /// <summary>One application, when <paramref name="actor"/> may see it (its owner, a reviewer of its circuit and territory, staff); a refusal, audited, otherwise.</summary>
    public async Task<Outcome<Application>> GetAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        var seen = await SeeAsync(id, actor, "open", cancellationToken).ConfigureAwait(false);
        return seen.Refusal is { } refusal ? Outcome.Refused<Application>(refusal) : Outcome.Of<Application>(seen.Loaded!.Application);
    }

    /// <summary>The application and its definition when <paramref name="actor"/> may see it; else the refusal, audited as an attempt to <paramref name="what"/>.</summary>
    private Task<(Loaded? Loaded, Refusal? Refusal)> SeeAsync(Guid id, Actor actor, string what, CancellationToken cancellationToken) =>
        SeeAsync(id, actor, what, null, cancellationToken);

    /// <summary>
    /// As <see cref="SeeAsync(Guid, Actor, string, CancellationToken)"/>, who may see it decided by <paramref name="rule"/>
    /// when there is one (a partner's grant, <see cref="PartnerAccess"/>) rather than by the workflow.
    /// </summary>
    private async Task<(Loaded? Loaded, Refusal? Refusal)> SeeAsync(Guid id, Actor actor, string what, Func<Application, Refusal?>? rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var loaded = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        if (Hidden(loaded, actor, rule) is not { } refusal)
            return (loaded, null);
        await RefuseAsync(id, actor, what, null, refusal, cancellationToken).ConfigureAwait(false);
        return (null, refusal);
    }

    /// <summary>
    /// As <see cref="SeeAsync(Guid, Actor, string, CancellationToken)"/>, for a command that writes on the application: also
    /// refused when the actor's account was closed or deactivated since their page opened (<see cref="MayNotWriteAsync"/>).
    /// The file is given with a refusal when the actor may see it.
    /// </summary>
    private async Task<(Loaded? Loaded, Refusal? Refusal)> SeeToWriteAsync(Guid id, Actor actor, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var loaded = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        if (Hidden(loaded, actor) is { } hidden)
        {
            await RefuseAsync(id, actor, what, null, hidden, cancellationToken).ConfigureAwait(false);
            return (null, hidden);
        }
        if (await InactiveAsync(actor, cancellationToken).ConfigureAwait(false) is not { } inactive)
            return (loaded, null);
        await RefuseAsync(id, actor, what, loaded!.Application.Step, inactive, cancellationToken).ConfigureAwait(false);
        return (loaded, inactive);
    }

    /// <summary>
    /// Why <paramref name="actor"/> may not write on the application: they may not see it (<see cref="Hidden"/>), or their
    /// account was closed or deactivated since their page opened. Every command on a file asks this first; null when they may.
    /// </summary>
    private async Task<Refusal?> MayNotWriteAsync(Loaded? loaded, Actor actor, CancellationToken cancellationToken) =>
        Hidden(loaded, actor) ?? await InactiveAsync(actor, cancellationToken).ConfigureAwait(false);

    /// <summary>Why <paramref name="actor"/> may not see the application (the same for one that does not exist); null when they may.</summary>
    private Refusal? Hidden(Loaded? loaded, Actor actor, Func<Application, Refusal?>? rule = null) =>
        loaded is null ? Refusal.Of(RefusalCodes.NotYours)
        : rule is not null ? rule(loaded.Application)
        : _workflow.Authorize(loaded.Definition, loaded.Application, actor);

    /// <summary>
    /// Which of <paramref name="ids"/> <paramref name="actor"/> may open, for a page deciding whether to link to them:
    /// the same rule as opening one, but not an attempt to open, so nothing is audited.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> VisibleAsync(IEnumerable<Guid> ids, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(actor);
        var visible = new HashSet<Guid>();
        foreach (var id in ids.Distinct())
        {
            if (Hidden(await LoadAsync(id, cancellationToken).ConfigureAwait(false), actor) is null)
                visible.Add(id);
        }
        return visible;
    }

    /// <summary>What <paramref name="actor"/> may do now on the application: every button of the page; empty when nothing (or not theirs).</summary>
    public async Task<IReadOnlyList<PermittedAction>> PermittedActionsAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var loaded = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        return loaded is null ? [] : _workflow.PermittedActions(loaded.Definition, loaded.Application, actor);
    }

    /// <summary>The content of an attached file, for someone who may see the application; the host serves it as an attachment.</summary>
    public Task<Outcome<Stream>> OpenDocumentAsync(Guid id, Actor actor, string documentId, string fileName, CancellationToken cancellationToken = default) =>
        OpenStoredAsync(id, actor, "open_document " + documentId,
            db => db.Documents.AsNoTracking()
                .Where(d => d.ApplicationId == id && d.DocumentId == documentId && d.FileName == fileName)
                .Select(d => d.Hash)
                .FirstOrDefaultAsync(cancellationToken),
            () => Refusal.Of(RefusalCodes.UnknownDocument, documentId), null, cancellationToken);

    /// <summary>
    /// Content of the document store that belongs to an application (a document, a letter, a message's attachment),
    /// for someone who may see it: <paramref name="hashOf"/> finds its hash, <paramref name="missing"/> says why there
    /// is none. Refusals are audited as attempts to <paramref name="what"/>.
    /// </summary>
    private Task<Outcome<Stream>> OpenStoredAsync(
        Guid id, Actor actor, string what, Func<ProceduresDb, Task<string?>> hashOf, Func<Refusal> missing, Func<Application, Refusal?>? rule, CancellationToken cancellationToken) =>
        OpenAsync(id, actor, what, async db => await hashOf(db).ConfigureAwait(false) is { } hash ? _documents.OpenRead(hash) : null, missing, rule, cancellationToken);

    /// <summary>
    /// What <paramref name="open"/> finds that belongs to an application, for someone who may see it (by the workflow's
    /// rule, or <paramref name="rule"/>'s); refusals are audited as attempts to <paramref name="what"/>.
    /// </summary>
    private async Task<Outcome<Stream>> OpenAsync(
        Guid id, Actor actor, string what, Func<ProceduresDb, Task<Stream?>> open, Func<Refusal> missing, Func<Application, Refusal?>? rule, CancellationToken cancellationToken)
    {
        var seen = await SeeAsync(id, actor, what, rule, cancellationToken).ConfigureAwait(false);
        if (seen.Refusal is { } hidden)
            return Outcome.Refused<Stream>(hidden);
        Stream? content;
        await using (var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
            content = await open(db).ConfigureAwait(false);
        if (content is not null)
            return Outcome.Of(content);
        var refusal = missing();
        await RefuseAsync(id, actor, what, null, refusal, cancellationToken).ConfigureAwait(false);
        return Outcome.Refused<Stream>(refusal);
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
            .Select(a => new { a.Id, a.ProcedureId, a.Reference, a.Status, a.Step, a.SubmittedOn, a.DueOn, a.UpdatedAt, Erased = a.ErasedAt != null })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(a => new ApplicationSummary(a.Id, a.ProcedureId, a.Reference, ApplicationStatuses.ByName[a.Status], a.Step, a.SubmittedOn, a.DueOn, a.UpdatedAt) { Erased = a.Erased }).ToList();
    }

    /// <summary>The audit entries of one application, oldest first, for someone who may see it (its timeline); an applicant does not see others' refused attempts.</summary>
    public Task<Outcome<IReadOnlyList<AuditRecord>>> HistoryAsync(Guid id, Actor actor, CancellationToken cancellationToken = default) =>
        ReadAsync(id, actor, "history", async db =>
        {
            var entries = await db.Audit.AsNoTracking()
                .Where(a => a.ApplicationId == id)
                .OrderBy(a => a.Sequence)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            entries.RemoveAll(e => !ShownTo(actor, e));
            var erasedOwner = await db.Applications.AsNoTracking().Where(a => a.Id == id && a.ErasedAt != null).Select(a => a.OwnerId)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return entries.Select(e => Shown(AuditRecord.From(e), erasedOwner)).ToList();
        }, cancellationToken);

    /// <summary>
    /// Whether an applicant is shown the entry: what was done to their file, not who else tried to open it, nor how the staff
    /// organise their work (labels, "no reply needed"). Staff are shown every entry.
    /// </summary>
    private static bool ShownTo(Actor actor, Rows.AuditEntry entry) =>
        actor.Kind != RoleKind.Applicant
        || !((entry.Kind == WorkflowEvents.Refused && entry.ActorId != actor.UserId) || StorageEvents.StaffOnly.Contains(entry.Kind));

    /// <summary>
    /// An audit record as pages and archives show it. The erasure redacts the free texts and the applicant's name of the
    /// file's entries of format 2, but those written before format 2 keep theirs (rewriting them would break the chain):
    /// once the file is erased (<paramref name="erasedOwner"/>: its owner's id; null while whole) pages no longer repeat
    /// them either (reasons, messages asking for changes, the applicant's name): its dates, steps and outcomes are what is left.
    /// </summary>
    private static AuditRecord Shown(AuditRecord record, string? erasedOwner) =>
        erasedOwner is null ? record : record with { Comment = null, ActorName = record.ActorId == erasedOwner ? "" : record.ActorName };

    /// <summary>What <paramref name="read"/> finds about the application, for whoever may see it; a refusal, audited as an attempt to <paramref name="what"/>, otherwise.</summary>
    private async Task<Outcome<IReadOnlyList<T>>> ReadAsync<T>(Guid id, Actor actor, string what, Func<ProceduresDb, Task<List<T>>> read, CancellationToken cancellationToken)
    {
        var seen = await SeeAsync(id, actor, what, cancellationToken).ConfigureAwait(false);
        if (seen.Refusal is { } refusal)
            return Outcome.Refused<IReadOnlyList<T>>(refusal);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return Outcome.Of<IReadOnlyList<T>>(await read(db).ConfigureAwait(false));
    }
}
