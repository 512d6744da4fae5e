using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// A partner administration's system (the police, the CNSS, ANAPEC...) reading results through the portal's API: what
/// its administrators granted it. It sees submitted applications (never drafts) of <see cref="Procedures"/> and, when
/// <see cref="Provinces"/> is not empty, only those of these provinces (an application of a procedure that is not routed
/// has no province, so a client limited to provinces never sees it). It is never an <see cref="Actor"/> the workflow lets
/// in: <see cref="Actor"/> only names it in the audit, and every other service refuses it as an unknown staff role.
/// </summary>
/// <param name="ClientId">The client's identifier (the token's prefix names it).</param>
/// <param name="Name">The client's name, as the audit records who read.</param>
public sealed record PartnerAccess(string ClientId, string Name, IReadOnlySet<string> Procedures, IReadOnlySet<string> Provinces)
{
    /// <summary>The role its audit entries carry.</summary>
    public const string Role = "api-client";

    /// <summary>The audit's <c>ActorId</c> of a client's reads: <c>api:</c> and its id, never an account's id.</summary>
    public const string ActorPrefix = "api:";

    /// <summary>Who the audit says read: the client, by id and name, acting in its office (not a private person).</summary>
    public Actor Actor => new(ActorPrefix + ClientId, Name, Role, RoleKind.Staff, []);

    /// <summary>Whether the grant covers an application of <paramref name="procedureId"/> in <paramref name="province"/> in <paramref name="status"/>.</summary>
    public bool Covers(string procedureId, string? province, ApplicationStatus status) =>
        status != ApplicationStatus.Draft
        && Procedures.Contains(procedureId)
        && (Provinces.Count == 0 || (province is not null && Provinces.Contains(province)));

    /// <summary>The grant as a rule of who may see an application: the same refusal as for one that does not exist.</summary>
    internal Func<Application, Refusal?> Rule => application =>
        Covers(application.ProcedureId, application.Province, application.Status) ? null : Refusal.Of(RefusalCodes.NotYours);
}

/// <summary>Where a page of <see cref="Applications.PartnerPageAsync"/> starts: after the application changed at <paramref name="ChangedAt"/> (UTC) with id <paramref name="Id"/>.</summary>
public sealed record PartnerCursor(DateTime ChangedAt, Guid Id);

/// <summary>
/// What a partner asks for: every filter narrows its grant, never widens it. <paramref name="ChangedSince"/> (UTC) keeps
/// the applications changed at or after it; <paramref name="After"/> continues a walk; at most <paramref name="Limit"/> lines.
/// </summary>
public sealed record PartnerFilter(string? Procedure = null, ApplicationStatus? Status = null, string? Province = null, DateTime? ChangedSince = null, PartnerCursor? After = null, int Limit = PartnerFilter.DefaultLimit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;
}

/// <summary>
/// One submitted application as a partner sees it in a list: no personal data, so an erased one looks the same
/// (<paramref name="Erased"/> says it). <see cref="Decision"/> is its final status when a reviewer (or the deadline)
/// decided; <paramref name="ChangedAt"/> is UTC.
/// </summary>
public sealed record PartnerSummary(
    Guid Id, string Reference, string ProcedureId, int DefinitionVersion, ApplicationStatus Status, string? Step, string? Province,
    DateOnly? SubmittedOn, DateOnly? DecidedOn, DateOnly? DueOn, DateTime ChangedAt, bool Erased)
{
    public ApplicationStatus? Decision => Status is ApplicationStatus.Approved or ApplicationStatus.Rejected or ApplicationStatus.Acknowledged ? Status : null;
}

/// <summary>A page of a partner's list, and where the next one starts (null at the end).</summary>
public sealed record PartnerPage(IReadOnlyList<PartnerSummary> Items, PartnerCursor? Next);

/// <summary>One file attached to an application, as a partner downloads it (<paramref name="Id"/>: the row's number within the portal).</summary>
public sealed record PartnerDocument(long Id, string DocumentId, string FileName, long SizeBytes, string Sha256, string Format);

/// <summary>
/// One application whole, for a partner: its line, the answers the applicant gave to fields the form shows (typed,
/// <see cref="Validation.TypedAnswers"/>), its files, the letters issued and the decision's reason. Of an erased
/// application only the line is left: no answers, no files, no letters, no reason.
/// </summary>
public sealed record PartnerApplication(
    PartnerSummary Summary, IReadOnlyDictionary<string, object?> Answers, IReadOnlyList<PartnerDocument> Documents,
    IReadOnlyList<IssuedLetter> Letters, string? DecisionReason);
