using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Host.Api;

// What the API answers, in JSON (camelCase; dates yyyy-MM-dd, times ISO 8601 in UTC). The records are the contract: a
// field renamed here is a change every partner's program sees, so fields are added, never renamed or removed, within v1.

/// <summary>A text in the portal's three languages (<c>en</c> null where the definition has none).</summary>
public sealed record ApiText(string Fr, string Ar, string? En)
{
    public static ApiText Of(LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(text.Get("fr"), text.Get("ar"), text.Has("en") ? text.Get("en") : null);
    }
}

/// <summary>A procedure the client may read.</summary>
/// <param name="Id">The procedure's stable id (its definition file's name).</param>
/// <param name="PublishedVersion">The version new applications are made on; older applications keep the version they were made on.</param>
/// <param name="Category">The id of its category in the catalog.</param>
public sealed record ApiProcedure(string Id, int PublishedVersion, ApiText Title, string Category);

/// <summary>The procedures the client may read.</summary>
public sealed record ApiProcedureList(IReadOnlyList<ApiProcedure> Items);

/// <summary>One submitted application, without personal data.</summary>
/// <param name="Reference">Its reference, as on the applicant's receipt (<c>RI-2026-000123</c>): the key of every other address.</param>
/// <param name="Procedure">The procedure's id.</param>
/// <param name="Version">The version of the procedure's definition it was made on: its answers' field ids are that version's.</param>
/// <param name="Status">in_review, changes_requested, approved, rejected, acknowledged or withdrawn.</param>
/// <param name="CurrentStep">The id of the approval step it is at (null once closed).</param>
/// <param name="Province">Its province's id (null for a procedure that is not routed by province).</param>
/// <param name="Decision">approved, rejected or acknowledged once decided; null otherwise (a withdrawn application has none).</param>
/// <param name="DueOn">The legal due date while the legal clock runs (null before, when paused for changes, after the end, or without a legal deadline).</param>
/// <param name="ChangedAt">When it last changed (UTC): the list's order and what <c>changedSince</c> compares.</param>
/// <param name="Erased">Its personal data was erased at the end of its retention period: nothing but this line is left.</param>
public sealed record ApiApplicationSummary(
    string Reference, string Procedure, int Version, string Status, string? CurrentStep, string? Province,
    DateOnly? SubmittedOn, DateOnly? DecidedOn, string? Decision, DateOnly? DueOn, DateTime ChangedAt, bool Erased)
{
    public static ApiApplicationSummary Of(PartnerSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Reference, summary.ProcedureId, summary.DefinitionVersion, summary.Status.Name(),
            summary.Status.IsFinal() ? null : summary.Step, summary.Province, summary.SubmittedOn, summary.DecidedOn,
            summary.Decision?.Name(), summary.DueOn, summary.ChangedAt, summary.Erased);
    }
}

/// <summary>A page of applications and the cursor of the next one.</summary>
/// <param name="Next">Pass it as <c>after</c> to read the next page; null on the last page.</param>
public sealed record ApiApplicationPage(IReadOnlyList<ApiApplicationSummary> Items, string? Next);

/// <summary>A file the applicant attached.</summary>
/// <param name="Id">Its number: <c>/documents/{id}</c> downloads it.</param>
/// <param name="Document">The id of the document the definition asks for.</param>
/// <param name="Label">That document's label in the definition.</param>
/// <param name="FileName">The name the applicant's file had (a label only).</param>
/// <param name="Format">The format read from its bytes: pdf, png, jpeg, docx, xlsx, odt or ods.</param>
public sealed record ApiDocument(long Id, string Document, ApiText? Label, string FileName, long Size, string Sha256, string Format);

/// <summary>A letter the administration issued.</summary>
/// <param name="Id">Its number: <c>/letters/{id}</c> downloads it (HTML, as issued).</param>
/// <param name="Kind">receipt, changes_requested, approved, rejected or acknowledged.</param>
/// <param name="Language">fr, ar or en.</param>
/// <param name="VerificationCode">
/// The code printed at the foot of the letter (20 characters in five groups, 7KQM-3XPA-9D2F-H6RT-0BCW): a paper letter shown to
/// the partner is this one when it carries the same code (and the same reference); null for a letter issued before letters
/// carried one.
/// </param>
public sealed record ApiLetter(long Id, string Kind, string Language, DateTime IssuedAt, string FileName, long Size, string Sha256, string? VerificationCode);

/// <summary>One application whole: the fields of its line (<see cref="ApiApplicationSummary"/>), the answers, the files, the letters and the decision's reason.</summary>
/// <param name="Answers">The answers by the definition's field ids, typed; a hidden field's answer is never there. Empty once erased.</param>
/// <param name="DecisionReason">What the reviewer wrote with the decision (a rejection's reason); null when none or erased.</param>
public sealed record ApiApplication(
    string Reference, string Procedure, int Version, string Status, string? CurrentStep, string? Province,
    DateOnly? SubmittedOn, DateOnly? DecidedOn, string? Decision, DateOnly? DueOn, DateTime ChangedAt, bool Erased,
    IReadOnlyDictionary<string, object?> Answers, IReadOnlyList<ApiDocument> Documents, IReadOnlyList<ApiLetter> Letters, string? DecisionReason)
{
    public static ApiApplication Of(PartnerApplication application, ProcedureDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(application);
        var line = ApiApplicationSummary.Of(application.Summary);
        return new(line.Reference, line.Procedure, line.Version, line.Status, line.CurrentStep, line.Province,
            line.SubmittedOn, line.DecidedOn, line.Decision, line.DueOn, line.ChangedAt, line.Erased,
            application.Answers,
            [.. application.Documents.Select(d => new ApiDocument(d.Id, d.DocumentId,
                definition?.Documents.FirstOrDefault(x => x.Id == d.DocumentId)?.Label is { } label ? ApiText.Of(label) : null,
                d.FileName, d.SizeBytes, d.Sha256, d.Format))],
            [.. application.Letters.Select(l => new ApiLetter(l.Id, l.Kind, l.Language, l.IssuedAt, l.FileName, l.SizeBytes, l.Hash,
                Engine.Templates.VerificationCode.TryParse(l.VerificationCode, out var code) ? code.ToString() : null))],
            application.DecisionReason);
    }
}

/// <summary>
/// A push to a partner's webhook: an application of its grant changed. No personal data: read it through the API (so the read
/// is audited as any other). Its <paramref name="Id"/> is the <c>webhook-id</c> header's, the same at each retry.
/// </summary>
/// <param name="Id">The event's id (<c>evt_…</c>): a partner that already handled it may ignore it.</param>
/// <param name="Type">Always <c>application.changed</c> within v1.</param>
/// <param name="Reference">The application's reference: <c>GET /api/v1/applications/{reference}</c> reads it.</param>
/// <param name="Procedure">The procedure's id.</param>
/// <param name="Version">The version of the procedure's definition it was made on.</param>
/// <param name="Status">Its status as the change left it: in_review, changes_requested, approved, rejected, acknowledged or withdrawn.</param>
/// <param name="CurrentStep">The id of the approval step it is at (null once closed).</param>
/// <param name="Province">Its province's id (null for a procedure that is not routed by province).</param>
/// <param name="ChangedAt">When it changed (UTC): the list's <c>changedAt</c> (an erasure keeps it).</param>
/// <param name="Erased">Its personal data was erased at the end of its retention period.</param>
public sealed record ApiApplicationChanged(
    string Id, string Type, string Reference, string Procedure, int Version, string Status, string? CurrentStep, string? Province, DateTime ChangedAt, bool Erased)
{
    public const string ChangedType = "application.changed";

    public static ApiApplicationChanged Of(PartnerEventItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(IdOf(item.Id), ChangedType, item.Reference, item.ProcedureId, item.Version, item.Status, item.Step, item.Province,
            DateTime.SpecifyKind(item.ChangedAt, DateTimeKind.Utc), item.Erased);
    }

    public static string IdOf(long id) => "evt_" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
