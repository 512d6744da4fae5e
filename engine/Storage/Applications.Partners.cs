using System.Globalization;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// What a partner administration's system reads through the API (<see cref="PartnerAccess"/>): lists of the submitted
/// applications its grant covers, one application whole, and its files. An application the grant does not cover is
/// refused exactly as one that does not exist (<see cref="RefusalCodes.NotYours"/>), and the refusal is audited as any
/// other. Every read of one application's personal data (the whole application, a file, a letter) is written in that
/// application's audit trail (<see cref="StorageEvents.ReadThroughApi"/>: the client, the time, what it read) before
/// anything is given, as a reviewer's download of the whole file is; a list, which carries no personal data, is not.
/// </summary>
public sealed partial class Applications
{
    /// <summary>
    /// A page of the submitted applications <paramref name="access"/> covers, narrowed by <paramref name="filter"/>, in the
    /// order they last changed (then by id): walking the pages with each page's <see cref="PartnerPage.Next"/> gives every
    /// application once, those changed or submitted meanwhile coming again at the end (a partner keeping a copy in step
    /// asks with <see cref="PartnerFilter.ChangedSince"/> from where its last walk ended). Keyset paging: no offset, each
    /// page reads from where the last one ended.
    /// </summary>
    public async Task<PartnerPage> PartnerPageAsync(PartnerAccess access, PartnerFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(filter);
        var procedures = filter.Procedure is { } procedure ? access.Procedures.Where(p => p == procedure).ToList() : [.. access.Procedures];
        List<string>? provinces = filter.Province is { } province
            ? (access.Provinces.Count == 0 || access.Provinces.Contains(province) ? [province] : [])
            : access.Provinces.Count == 0 ? null : [.. access.Provinces];
        if (procedures.Count == 0 || provinces is { Count: 0 })
            return new PartnerPage([], null);
        var limit = Math.Clamp(filter.Limit, 1, PartnerFilter.MaxLimit);

        // One range of the index (ProcedureId, UpdatedAt, Id) per procedure, each read only up to the page's end, then merged:
        // one query over all of them would sort every matching row (a full scan with a sort: 360 to 460 ms over a million).
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<PartnerRow>();
        foreach (var procedureId in procedures)
            rows.AddRange(await PartnerRange(db, procedureId, provinces, filter).Take(limit + 1).ToListAsync(cancellationToken).ConfigureAwait(false));
        rows = [.. rows.OrderBy(r => r.UpdatedAt).ThenBy(r => OrderOf(r.Id), StringComparer.Ordinal).Take(limit + 1)];
        var items = rows.Take(limit).Select(a => new PartnerSummary(a.Id, a.Reference!, a.ProcedureId, a.DefinitionVersion, ApplicationStatuses.ByName[a.Status], a.Step,
            a.Province, a.SubmittedOn, a.DecidedOn, a.DueOn, DateTime.SpecifyKind(a.UpdatedAt, DateTimeKind.Utc), a.Erased)).ToList();
        return new PartnerPage(items, rows.Count > limit ? new PartnerCursor(items[^1].ChangedAt, items[^1].Id) : null);
    }

    /// <summary>The submitted applications of one procedure a page may hold, in the order the list walks them (changed, then id).</summary>
    internal static IQueryable<PartnerRow> PartnerRange(ProceduresDb db, string procedureId, List<string>? provinces, PartnerFilter filter)
    {
        var draft = ApplicationStatus.Draft.Name();
        var query = db.Applications.AsNoTracking().Where(a => a.ProcedureId == procedureId && a.Status != draft);
        if (provinces is not null)
            query = query.Where(a => a.Province != null && provinces.Contains(a.Province));
        if (filter.Status is { } status)
        {
            var name = status.Name();
            query = query.Where(a => a.Status == name);
        }
        if (filter.ChangedSince is { } since)
            query = query.Where(a => a.UpdatedAt >= since);
        if (filter.After is { } after)
            query = query.Where(a => a.UpdatedAt > after.ChangedAt || (a.UpdatedAt == after.ChangedAt && a.Id.CompareTo(after.Id) > 0));
        return query.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id)
            .Select(a => new PartnerRow(a.Id, a.Reference, a.ProcedureId, a.DefinitionVersion, a.Status, a.Step, a.Province, a.SubmittedOn, a.DecidedOn, a.DueOn,
                a.UpdatedAt, a.ErasedAt != null));
    }

    /// <summary>
    /// An id as the database orders it: SQLite compares the text EF Core stores (upper-case hexadecimal with dashes), and
    /// PostgreSQL's uuid compares its bytes in the same order as that text, so the merge in memory keeps the query's order.
    /// </summary>
    private static string OrderOf(Guid id) => id.ToString("D").ToUpperInvariant();

    internal sealed record PartnerRow(
        Guid Id, string? Reference, string ProcedureId, int DefinitionVersion, string Status, string? Step, string? Province,
        DateOnly? SubmittedOn, DateOnly? DecidedOn, DateOnly? DueOn, DateTime UpdatedAt, bool Erased);

    /// <summary>
    /// Application <paramref name="reference"/> whole, when <paramref name="access"/> covers it; its read is audited first.
    /// Otherwise (another procedure or province, a draft, no such reference) <see cref="RefusalCodes.NotYours"/>, audited.
    /// </summary>
    public async Task<Outcome<PartnerApplication>> PartnerGetAsync(PartnerAccess access, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        try
        {
            var (seen, refusal) = await PartnerSeeAsync(access, reference, "api_read", cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
                return Outcome.Refused<PartnerApplication>(refusal);
            var (application, definition) = seen!;
            var erased = application.ErasedAt is not null;
            await AppendAuditAsync(Audited(application.Id, access.Actor, StorageEvents.ReadThroughApi, application.Step, detail: "application",
                from: application.Status, to: application.Status), Now, cancellationToken).ConfigureAwait(false);

            await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var row = await db.Applications.AsNoTracking().Where(a => a.Id == application.Id)
                .Select(a => new { a.UpdatedAt, a.DueOn }).SingleAsync(cancellationToken).ConfigureAwait(false);
            var summary = new PartnerSummary(application.Id, application.Reference!, application.ProcedureId, application.DefinitionVersion, application.Status,
                application.Step, application.Province, application.SubmittedOn, application.DecidedOn, row.DueOn,
                DateTime.SpecifyKind(row.UpdatedAt, DateTimeKind.Utc), erased);
            if (erased)
                return Outcome.Of(new PartnerApplication(summary, new Dictionary<string, object?>(), [], [], null));

            var documents = await db.Documents.AsNoTracking().Where(d => d.ApplicationId == application.Id).OrderBy(d => d.Id)
                .Select(d => new PartnerDocument(d.Id, d.DocumentId, d.FileName, d.SizeBytes, d.Hash, d.Format))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var letters = await LettersOfAsync(db, application.Id, cancellationToken).ConfigureAwait(false);
            var decided = WorkflowEvents.Decided;
            var reason = summary.Decision is null ? null : await db.Audit.AsNoTracking()
                .Where(e => e.ApplicationId == application.Id && e.Kind == decided).OrderByDescending(e => e.Sequence)
                .Select(e => e.Comment).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var answers = TypedAnswers.Of(definition, application.Answers, new EvaluationContext(application.SubmittedOn ?? Today));
            return Outcome.Of(new PartnerApplication(summary, answers, documents, letters, string.IsNullOrWhiteSpace(reason) ? null : reason));
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return Outcome.Refused<PartnerApplication>(Refusal.Of(RefusalCodes.Busy));
        }
    }

    /// <summary>The content of file <paramref name="documentRowId"/> (<see cref="PartnerDocument.Id"/>) of application <paramref name="reference"/>, its read audited.</summary>
    public Task<Outcome<PartnerFile>> PartnerOpenDocumentAsync(PartnerAccess access, string reference, long documentRowId, CancellationToken cancellationToken = default) =>
        PartnerOpenAsync(access, reference, "document " + documentRowId.ToString(CultureInfo.InvariantCulture), async (db, id) =>
            await db.Documents.AsNoTracking().Where(d => d.ApplicationId == id && d.Id == documentRowId).Select(d => new { d.FileName, d.Hash })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } file && _documents.OpenRead(file.Hash) is { } content
                ? new PartnerFile(file.FileName, content)
                : null,
            () => Refusal.Of(RefusalCodes.UnknownDocument, documentRowId.ToString(CultureInfo.InvariantCulture)), cancellationToken);

    /// <summary>Letter <paramref name="letterId"/> of application <paramref name="reference"/>, as issued, its read audited.</summary>
    public Task<Outcome<PartnerFile>> PartnerOpenLetterAsync(PartnerAccess access, string reference, long letterId, CancellationToken cancellationToken = default) =>
        PartnerOpenAsync(access, reference, "letter " + letterId.ToString(CultureInfo.InvariantCulture), async (db, id) =>
            await db.Letters.AsNoTracking().Where(l => l.ApplicationId == id && l.Id == letterId).Select(l => l.FileName)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } name
            && await LetterContentAsync(db, id, letterId, cancellationToken).ConfigureAwait(false) is { } content
                ? new PartnerFile(name, content)
                : null,
            () => Refusal.Of(RefusalCodes.UnknownLetter), cancellationToken);

    /// <summary>
    /// A file of an application the grant covers, through the download path every page uses (<see cref="OpenAsync"/>: the
    /// same rights check, a file looked up within the application only, refusals audited), the read audited once found.
    /// Letters and files of an erased application are gone: refused as unknown.
    /// </summary>
    private async Task<Outcome<PartnerFile>> PartnerOpenAsync(
        PartnerAccess access, string reference, string what, Func<ProceduresDb, Guid, Task<PartnerFile?>> find, Func<Refusal> missing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        try
        {
            var id = await IdOfAsync(reference, cancellationToken).ConfigureAwait(false);
            if (id is null)
                return Outcome.Refused<PartnerFile>(await RefuseUnknownAsync(access, reference, cancellationToken).ConfigureAwait(false));
            PartnerFile? found = null;
            var opened = await OpenAsync(id.Value, access.Actor, "api_read " + what, async db =>
                {
                    found = await find(db, id.Value).ConfigureAwait(false);
                    return found?.Content;
                }, missing, access.Rule, cancellationToken).ConfigureAwait(false);
            if (opened.Value is null)
                return Outcome.Refused<PartnerFile>(opened.Refusal!);
            await AppendAuditAsync(Audited(id, access.Actor, StorageEvents.ReadThroughApi, detail: what), Now, cancellationToken).ConfigureAwait(false);
            return Outcome.Of(found!);
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return Outcome.Refused<PartnerFile>(Refusal.Of(RefusalCodes.Busy));
        }
    }

    /// <summary>The application of <paramref name="reference"/> when the grant covers it; else the refusal, audited as an attempt to <paramref name="what"/>.</summary>
    private async Task<(Loaded? Loaded, Refusal? Refusal)> PartnerSeeAsync(PartnerAccess access, string reference, string what, CancellationToken cancellationToken)
    {
        if (await IdOfAsync(reference, cancellationToken).ConfigureAwait(false) is not { } id)
            return (null, await RefuseUnknownAsync(access, reference, cancellationToken).ConfigureAwait(false));
        return await SeeAsync(id, access.Actor, what, access.Rule, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The refusal of a reference no application has, audited with the reference asked for (a client trying references is seen).</summary>
    private async Task<Refusal> RefuseUnknownAsync(PartnerAccess access, string reference, CancellationToken cancellationToken)
    {
        var refusal = Refusal.Of(RefusalCodes.NotYours);
        await RefuseAsync(null, access.Actor, "api_read " + Truncated(reference), null, refusal, cancellationToken).ConfigureAwait(false);
        return refusal;
    }

    private static string Truncated(string text) => text.Length <= 64 ? text : text[..64];

    private async Task<Guid?> IdOfAsync(string reference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var ids = await db.Applications.AsNoTracking().Where(a => a.Reference == reference).Select(a => a.Id)
            .Take(1).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ids.Count == 0 ? null : ids[0];
    }
}

/// <summary>A file a partner downloads: its name (a label only) and its bytes as stored.</summary>
public sealed record PartnerFile(string FileName, Stream Content);
