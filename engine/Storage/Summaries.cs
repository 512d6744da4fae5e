using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>One line of the applicant's "my applications".</summary>
public sealed record ApplicationSummary(
    Guid Id, string ProcedureId, string? Reference, ApplicationStatus Status, string? Step, DateOnly? SubmittedOn, DateOnly? DueOn, DateTime UpdatedAt)
{
    /// <summary>Whether its personal data was erased at the end of its retention (<see cref="Applications.EraseAsync"/>).</summary>
    public bool Erased { get; init; }
}

/// <summary>One line of a reviewer's inbox: an application their role must act on now, or whose step waits for the applicant's changes.</summary>
/// <param name="DueOn">The step's due date, else the legal one; null when neither applies or while waiting for the applicant.</param>
/// <param name="Province">The application's province; null when the procedure is not routed.</param>
/// <param name="ClaimedBy">The user id of the reviewer who claimed it (<see cref="Applications.ClaimAsync"/>), shown as <paramref name="ClaimedByName"/>; null when unclaimed.</param>
public sealed record InboxItem(
    Guid ApplicationId, string ProcedureId, string? Reference, string Step, string Role, string ApplicantName, DateOnly? SubmittedOn, DateOnly? DueOn,
    ApplicationStatus Status = ApplicationStatus.InReview, string? Province = null, Urgency Urgency = Urgency.Later,
    string? ClaimedBy = null, string? ClaimedByName = null)
{
    /// <summary>The labels the file carries, as its procedure's latest version declares them, in its order (never shown to the applicant).</summary>
    public IReadOnlyList<LabelDefinition> Labels { get; init; } = [];

    /// <summary>The applicant wrote last and no reviewer has answered: the line's "new message".</summary>
    public bool AwaitingReply { get; init; }
}

/// <summary>What the deadline sweep did.</summary>
/// <param name="Lapsed">Applications decided by the procedure's <c>on_deadline</c> outcome.</param>
/// <param name="Warned">Applications whose reviewers were told the deadline is near.</param>
public sealed record SweepReport(int Lapsed, int Warned);

/// <summary>One audit entry as the timeline shows it (UTC).</summary>
public sealed record AuditRecord(
    long Sequence, DateTime At, Guid? ApplicationId, string ActorId, string ActorName, string ActorRole, string Kind,
    string? Step, string? Action, string? FromStatus, string? ToStatus, string? Comment, string? Detail)
{
    internal static AuditRecord From(AuditEntry e) =>
        new(e.Sequence, e.At, e.ApplicationId, e.ActorId, e.ActorName, e.ActorRole, e.Kind, e.Step, e.Action, e.FromStatus, e.ToStatus, e.Comment, e.Detail);
}
