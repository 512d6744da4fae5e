namespace EmploymentProcedures.Engine.Workflow;

/// <summary>Where an application is in its life. Approved, rejected, acknowledged and withdrawn are final.</summary>
public enum ApplicationStatus
{
    Draft,
    InReview,
    ChangesRequested,
    Approved,
    Rejected,
    Acknowledged,
    Withdrawn,
}

public static class ApplicationStatuses
{
    public static readonly IReadOnlyDictionary<string, ApplicationStatus> ByName = new Dictionary<string, ApplicationStatus>(StringComparer.Ordinal)
    {
        ["draft"] = ApplicationStatus.Draft,
        ["in_review"] = ApplicationStatus.InReview,
        ["changes_requested"] = ApplicationStatus.ChangesRequested,
        ["approved"] = ApplicationStatus.Approved,
        ["rejected"] = ApplicationStatus.Rejected,
        ["acknowledged"] = ApplicationStatus.Acknowledged,
        ["withdrawn"] = ApplicationStatus.Withdrawn,
    };

    /// <summary>The status as definitions, scenarios and the database write it (<c>in_review</c>).</summary>
    public static string Name(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "draft",
        ApplicationStatus.InReview => "in_review",
        ApplicationStatus.ChangesRequested => "changes_requested",
        ApplicationStatus.Approved => "approved",
        ApplicationStatus.Rejected => "rejected",
        ApplicationStatus.Acknowledged => "acknowledged",
        ApplicationStatus.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool IsFinal(this ApplicationStatus status) =>
        status is ApplicationStatus.Approved or ApplicationStatus.Rejected or ApplicationStatus.Acknowledged or ApplicationStatus.Withdrawn;

    /// <summary>Submitted and not yet decided: the legal clock runs (or is paused for changes).</summary>
    public static bool IsPending(this ApplicationStatus status) =>
        status is ApplicationStatus.InReview or ApplicationStatus.ChangesRequested;
}
