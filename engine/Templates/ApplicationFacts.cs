using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// What the workflow knows about an application that its answers do not say: the facts a letter
/// prints besides the answers. The workflow fills it; <see cref="DocumentModel.Build"/> turns it into
/// display text in the letter's language.
/// </summary>
/// <param name="Reference">The application's reference, e.g. <c>TAE-2026-000042</c>.</param>
/// <param name="SubmittedOn">The day the application was submitted (local date in Morocco).</param>
/// <param name="ApplicantName">The applicant as the letter addresses them (company or person).</param>
/// <param name="Status">The status code: draft, submitted, in_review, changes_requested, approved, rejected, withdrawn, acknowledged.</param>
public sealed record ApplicationFacts(string Reference, DateOnly SubmittedOn, string ApplicantName, string Status)
{
    /// <summary>The day the legal deadline falls on, when the procedure has one (the workflow's calendar computes it).</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>The decision the letter reports (approve, reject, acknowledge, or the request for changes).</summary>
    public DecisionFacts? Decision { get; init; }

    /// <summary>For a request for changes: the field paths and document ids reopened for the applicant.</summary>
    public IReadOnlyList<string> Reopened { get; init; } = [];

    /// <summary>For a request for changes: the reviewer's message to the applicant.</summary>
    public string? ReviewerMessage { get; init; }
}

/// <param name="Step">The id of the step that decided.</param>
/// <param name="Role">The role id of the reviewer who decided; null means the step's own role.</param>
public sealed record DecisionFacts(string Step, StepAction Action, DateOnly DecidedOn, string? Comment = null, string? Role = null);
