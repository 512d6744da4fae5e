using System.Globalization;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;
using Circuit = EmploymentProcedures.Engine.Workflow.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// The application service: what the host and the CLI call to start, fill, submit, decide and read
/// applications. Each command runs the pure <see cref="Circuit"/> on the stored application and writes the
/// outcome in ONE transaction: the application row (refused if another write got there first), the
/// pending work of the reviewers, one audit entry per event, one outbox notification per event the
/// applicant is told about and the letters the events call for. Every refusal is returned as a value and
/// audited (who, what, why). Messages and claims are in their own files.
/// </summary>
/// <remarks>
/// Concurrency is optimistic. A command reads the application without a lock, runs the workflow, then
/// writes with <c>WHERE Version = read version</c>; when another write got there first the command is
/// re-run on the fresh application, and a decision on a step someone else has just decided is refused as
/// <see cref="RefusalCodes.AlreadyDecided"/>, naming them (from the audit). A database that stays locked past
/// the busy timeout gives <see cref="RefusalCodes.Busy"/>.
/// </remarks>
public sealed partial class Applications
{
    /// <summary>Rows per page of the inbox and of "my applications".</summary>
    public const int PageSize = 50;

    private readonly IDbContextFactory<ProceduresDb> _databases;
    private readonly DefinitionStore _definitions;
    private readonly IDocumentStore _documents;
    private readonly TimeProvider _clock;
    private readonly Circuit _workflow;
    private readonly IReadOnlyDictionary<string, RoleDefinition> _roles;
    private readonly BusinessCalendar _calendar;
    private readonly TemplateLibrary _templates;
    private readonly DocumentRenderer _renderer;
    private readonly Uri _portal;
    private readonly IAccountStanding? _standing;

    /// <summary>
    /// The page where a third party types a letter's verification code (<see cref="VerificationBlock.PageOf"/>), under the same
    /// public address as the letters' blocks: what a summary listing the letters names.
    /// </summary>
    public Uri VerificationPage => VerificationBlock.PageOf(_portal);

    /// <summary>The portal's public address when none is given (a developer's portal): what the host's default is.</summary>
    public static readonly Uri LocalPortal = new("http://localhost:5000/");

    /// <param name="portal">
    /// The portal's public address (<c>Portal:PublicUrl</c>), under which every issued letter's verification block points
    /// to the verification page (<see cref="VerificationBlock"/>); <see cref="LocalPortal"/> when null.
    /// </param>
    /// <param name="standing">
    /// Whether each person acting still may (<see cref="IAccountStanding"/>, the host's accounts); null: every actor may (the
    /// command line, tests of the engine alone).
    /// </param>
    public Applications(IDbContextFactory<ProceduresDb> databases, DefinitionStore definitions, IDocumentStore documents, TimeProvider? clock = null, Uri? portal = null,
        IAccountStanding? standing = null)
    {
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(documents);
        _databases = databases;
        _definitions = definitions;
        _documents = documents;
        _clock = clock ?? TimeProvider.System;
        _roles = definitions.Library.Roles;
        _calendar = definitions.Library.Calendar;
        _templates = definitions.Library.DocumentTemplates;
        _renderer = new DocumentRenderer(_templates);
        _workflow = new Circuit(_roles);
        _portal = portal ?? LocalPortal;
        _standing = standing;
    }

    /// <summary>The refusal of a command from a person whose account was closed or deactivated since their page opened; null while it is active.</summary>
    private async Task<Refusal?> InactiveAsync(Actor actor, CancellationToken cancellationToken) =>
        _standing is null || actor.IsSystem || await _standing.IsActiveAsync(actor, cancellationToken).ConfigureAwait(false)
            ? null
            : Refusal.Of(RefusalCodes.AccountInactive);

    /// <summary>Today in the clock's time zone (the host gives a clock set to Morocco's).</summary>
    private DateOnly Today => DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>Starts a draft of <paramref name="procedureId"/>, pinned to its latest published version.</summary>
    public Task<WorkflowResult> StartAsync(string procedureId, Actor applicant, CancellationToken cancellationToken = default) =>
        StartAsync(procedureId, applicant, [], cancellationToken);

    /// <summary>
    /// Starts a draft of <paramref name="procedureId"/> from a prefilled link: the link's <paramref name="prefill"/> values
    /// (keys without <c>f.</c>) read by <see cref="PrefillLink.Read"/> against the version the draft is pinned to, laid over
    /// the sections carried from the owner's earlier application (the link wins for the fields it names). What it filled and
    /// left aside is kept on the draft (<see cref="Application.Prefilled"/>) and audited as <see cref="StorageEvents.Prefilled"/>
    /// with the paths filled, never their values. A link with more than <see cref="PrefillLink.MaximumValues"/> values fills
    /// nothing and says so.
    /// </summary>
    public async Task<WorkflowResult> StartAsync(string procedureId, Actor applicant, IReadOnlyList<KeyValuePair<string, string>> prefill, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefill);
        ArgumentNullException.ThrowIfNull(procedureId);
        ArgumentNullException.ThrowIfNull(applicant);
        try
        {
            if (await InactiveAsync(applicant, cancellationToken).ConfigureAwait(false) is { } inactive)
                return await RefuseAsync(null, applicant, "start " + procedureId, null, inactive, cancellationToken).ConfigureAwait(false);
            var latest = await _definitions.LatestAsync(procedureId, cancellationToken).ConfigureAwait(false);
            if (latest is null)
                return await RefuseAsync(null, applicant, "start " + procedureId, null, Refusal.Of(RefusalCodes.UnknownProcedure, procedureId), cancellationToken).ConfigureAwait(false);
            if (await RetiredAsync(procedureId, cancellationToken).ConfigureAwait(false) is { } retired)
                return await RefuseAsync(null, applicant, "start " + procedureId, null, retired, cancellationToken).ConfigureAwait(false);
            var definition = latest.Definition;
            if (applicant.Kind != RoleKind.Applicant || applicant.Role != definition.Applicant)
                return await RefuseAsync(null, applicant, "start " + procedureId, null, Refusal.Of(RefusalCodes.WrongApplicant, definition.Applicant), cancellationToken).ConfigureAwait(false);

            await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var application = await CarryAsync(db, definition, Application.Start(definition, latest.Version, Guid.NewGuid(), applicant), cancellationToken).ConfigureAwait(false);
            if (prefill.Count > 0)
            {
                var read = PrefillLink.Read(definition, prefill, new EvaluationContext(Today), application.Answers);
                application = application with { Answers = read.Answers, Prefilled = new PrefilledLink(read.Fields, read.Ignored, read.Refusal) };
            }
            // The draft's history says where each section filled from an earlier application came from: "employer, TAE-2026-000042, 2026-11-12".
            WorkflowEvent[] events =
            [
                new(StorageEvents.Started, ApplicationStatus.Draft, ApplicationStatus.Draft),
                .. application.Carried.Select(c => new WorkflowEvent(StorageEvents.Carried, ApplicationStatus.Draft, ApplicationStatus.Draft,
                    Items: [c.Section, c.Reference, c.SubmittedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)])),
                .. application.Prefilled is { } link
                    ? [new WorkflowEvent(StorageEvents.Prefilled, ApplicationStatus.Draft, ApplicationStatus.Draft, Items: [.. link.Fields])]
                    : Array.Empty<WorkflowEvent>(),
            ];
            var now = Now;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            db.Applications.Add(ApplicationRow.From(application, null, now));
            await AuditLog.AppendAsync(db, [.. events.Select(e => Entry(application, applicant, e))], now, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return WorkflowResult.Done(application, events);
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return WorkflowResult.Refused(Refusal.Of(RefusalCodes.Busy));
        }
    }

    /// <summary>
    /// Empties section <paramref name="section"/> of a draft edited from version <paramref name="basedOn"/> (refused as
    /// <see cref="RefusalCodes.Stale"/> when saved elsewhere since): its answers go, and so does the record that it was
    /// filled from an earlier application. Audited as <see cref="WorkflowEvents.SectionEmptied"/>.
    /// </summary>
    public Task<WorkflowResult> EmptySectionAsync(Guid id, Actor actor, string section, int basedOn, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, new WorkflowCommand.EmptySection(section, basedOn), null, cancellationToken);

    /// <summary>Saves the applicant's answers (the form's autosave): a draft's, or the reopened ones while changes are requested.</summary>
    public Task<WorkflowResult> SaveAnswersAsync(Guid id, Actor actor, Answers answers, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, new WorkflowCommand.SaveAnswers(answers), null, cancellationToken);

    /// <summary>
    /// Saves answers edited from version <paramref name="basedOn"/> of the application: refused as
    /// <see cref="RefusalCodes.Stale"/> when another save (a second tab, another device) has changed it since,
    /// so that work is never silently overwritten.
    /// </summary>
    public Task<WorkflowResult> SaveAnswersAsync(Guid id, Actor actor, Answers answers, int basedOn, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, new WorkflowCommand.SaveAnswers(answers, basedOn), null, cancellationToken);

    /// <summary>
    /// Attaches a file for document <paramref name="documentId"/>. The applicant's right to attach is checked
    /// before a byte is read; the content is streamed into the document store, refused past the document's
    /// <c>max_mb</c> or when its bytes are not one of its <c>formats</c>; <paramref name="fileName"/> is kept
    /// as a label only.
    /// </summary>
    public async Task<WorkflowResult> AttachDocumentAsync(Guid id, Actor actor, string documentId, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(content);
        var name = FileNames.Clean(fileName);
        try
        {
            // The version the attachment will be made under: a draft behind the latest is moved by it.
            var loaded = await LoadForCommandAsync(id, cancellationToken).ConfigureAwait(false);
            var document = loaded?.Definition.Documents.FirstOrDefault(d => d.Id == documentId);
            var what = $"attach_document {documentId}";
            if (loaded is null)
                return await RefuseAsync(id, actor, what, null, Refusal.Of(RefusalCodes.NotYours), cancellationToken).ConfigureAwait(false);
            // A closed or deactivated account stores nothing: the command would be refused after the bytes were read.
            if (await InactiveAsync(actor, cancellationToken).ConfigureAwait(false) is { } inactive)
                return await RefuseAsync(id, actor, what, null, inactive, cancellationToken).ConfigureAwait(false);
            var probe = new AttachedDocument(documentId, name, 0, document is { Formats.Count: > 0 } ? document.Formats[0] : "");
            if (_workflow.Execute(loaded.Definition, loaded.Application, actor, new WorkflowCommand.AttachDocument(probe), Today).Refusal is { } refusal)
                return await RefuseAsync(id, actor, what, loaded.Application.Step, refusal, cancellationToken).ConfigureAwait(false);

            var maxBytes = (long)(document!.MaxMegabytes * 1024 * 1024);
            var stored = await _documents.SaveAsync(content, maxBytes, document.Formats, cancellationToken).ConfigureAwait(false);
            if (stored.Refusal is { } rejected)
                return await RefuseAsync(id, actor, what, loaded.Application.Step, rejected, cancellationToken).ConfigureAwait(false);

            var file = stored.Value!;
            var attached = new AttachedDocument(documentId, name, file.SizeBytes, file.Format);
            return await RunAsync(id, actor, new WorkflowCommand.AttachDocument(attached), (db, next) =>
                SyncDocumentsAsync(db, next, new StoredDocument
                {
                    ApplicationId = id,
                    DocumentId = documentId,
                    FileName = name,
                    Hash = file.Hash,
                    SizeBytes = file.SizeBytes,
                    Format = file.Format,
                    UploadedBy = actor.UserId,
                    UploadedAt = Now,
                }, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return WorkflowResult.Refused(Refusal.Of(RefusalCodes.Busy));
        }
    }

    public Task<WorkflowResult> RemoveDocumentAsync(Guid id, Actor actor, string documentId, string fileName, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, new WorkflowCommand.RemoveDocument(documentId, fileName), (db, next) => SyncDocumentsAsync(db, next, null, cancellationToken), cancellationToken);

    /// <summary>
    /// Submits (or resubmits after changes): full validation, then at the first submission a reference
    /// <c>&lt;reference_prefix or id&gt;-&lt;year&gt;-&lt;6 digits&gt;</c>, unique per prefix and year, taken in the same transaction.
    /// A draft of a retired procedure is refused (<see cref="RefusalCodes.ProcedureRetired"/>).
    /// </summary>
    public Task<WorkflowResult> SubmitAsync(Guid id, Actor actor, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, new WorkflowCommand.Submit(""), null, cancellationToken);

    public Task<WorkflowResult> WithdrawAsync(Guid id, Actor actor, string? reason = null, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, new WorkflowCommand.Withdraw(reason), null, cancellationToken);

    /// <summary>A reviewer acts on the current step: approve, reject, request changes, return, acknowledge.</summary>
    public Task<WorkflowResult> DecideAsync(Guid id, Actor actor, WorkflowCommand.Decide decision, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, decision, null, cancellationToken);

    /// <summary>Makes the document rows match the application's documents, adding <paramref name="added"/> (which replaces any row for the same file).</summary>
    private static async Task SyncDocumentsAsync(ProceduresDb db, Application next, StoredDocument? added, CancellationToken cancellationToken)
    {
        var rows = await db.Documents.Where(d => d.ApplicationId == next.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        db.Documents.RemoveRange(rows.Where(r =>
            !next.Documents.Any(d => d.DocumentId == r.DocumentId && d.FileName == r.FileName)
            || (added is not null && r.DocumentId == added.DocumentId && r.FileName == added.FileName)));
        if (added is not null)
            db.Documents.Add(added);
    }
}
