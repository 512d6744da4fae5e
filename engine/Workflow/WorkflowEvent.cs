using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Workflow;

/// <summary>What happened to an application: one audit row each, and a notification when it concerns the applicant.</summary>
/// <param name="Kind">One of <see cref="WorkflowEvents"/>.</param>
/// <param name="Step">The step acted on, skipped or entered.</param>
/// <param name="Items">Reopened items for a request for changes; changed answer paths for a resubmission.</param>
public sealed record WorkflowEvent(
    string Kind,
    ApplicationStatus From,
    ApplicationStatus To,
    string? Step = null,
    StepAction? Action = null,
    string? Comment = null,
    IReadOnlyList<string>? Items = null)
{
    /// <summary>Whether the applicant is told about it (their in-app notifications).</summary>
    public bool ConcernsApplicant => Kind is WorkflowEvents.Submitted or WorkflowEvents.Resubmitted or WorkflowEvents.ChangesRequested
        or WorkflowEvents.Decided or WorkflowEvents.DeadlineLapsed or WorkflowEvents.Returned;

    /// <summary>
    /// The comment as the applicant may read it: a request for changes' message and a decision's reason are written to
    /// them; a note a reviewer leaves another when returning the file (or any other event's comment) is not.
    /// </summary>
    public string? CommentForApplicant => Kind is WorkflowEvents.ChangesRequested or WorkflowEvents.Decided ? Comment : null;
}

public static class WorkflowEvents
{
    public const string Saved = "saved";

    /// <summary>The applicant emptied a section of their draft (<see cref="WorkflowCommand.EmptySection"/>); the item is the section.</summary>
    public const string SectionEmptied = "section_emptied";
    public const string DocumentAttached = "document_attached";
    public const string DocumentRemoved = "document_removed";
    public const string Submitted = "submitted";
    public const string Resubmitted = "resubmitted";
    public const string Withdrawn = "withdrawn";
    public const string StepSkipped = "step_skipped";
    public const string StepEntered = "step_entered";
    public const string Opinion = "opinion";
    public const string StepApproved = "step_approved";
    public const string ChangesRequested = "changes_requested";
    public const string Returned = "returned";
    public const string Decided = "decided";
    public const string DeadlineLapsed = "deadline_lapsed";
    public const string Refused = "refused";
}
