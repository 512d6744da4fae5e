namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// One role that must act now on one application (in review), or whose step waits for the applicant's
/// changes: the reviewer inbox reads only these rows, through the index (Role, Territory, DueOn). Rewritten
/// on every transition of the application. What the inbox filters, counts and searches on is copied here
/// (status, province, search keys) so that no query joins the applications or reads their JSON. A claim
/// survives only transitions that keep the step in review (another role's opinion on a parallel step).
/// </summary>
internal sealed class PendingWork
{
    /// <summary>Means "every reviewer of the role", as opposed to the reviewers of one province.</summary>
    public const string Everywhere = "";

    /// <summary>A routed application without a province: no territorial reviewer covers it.</summary>
    public const string NoProvince = "-";

    public long Id { get; set; }
    public Guid ApplicationId { get; set; }
    public required string Role { get; set; }

    /// <summary>The province whose reviewers act, or <see cref="Everywhere"/>.</summary>
    public required string Territory { get; set; }

    /// <summary>The step's due date, else the legal one, else <see cref="DateOnly.MaxValue"/> (sorts last on every provider).</summary>
    public DateOnly DueOn { get; set; }

    public required string ProcedureId { get; set; }
    public required string Step { get; set; }
    public string? Reference { get; set; }
    public required string ApplicantName { get; set; }
    public DateOnly? SubmittedOn { get; set; }

    /// <summary><c>in_review</c> (the role must act) or <c>changes_requested</c> (its step waits for the applicant).</summary>
    public string Status { get; set; } = InReview;

    /// <summary>The application's province, or <see cref="Everywhere"/> when the procedure is not routed.</summary>
    public string Province { get; set; } = Everywhere;

    /// <summary>What the inbox search matches: the reference, the applicant's name and identifiers, folded (<see cref="SearchKeys"/>).</summary>
    public string Search { get; set; } = "";

    public const string InReview = "in_review";

    /// <summary>The user id of the reviewer who claimed this role's work on the step, so others see who is on it; null when nobody has.</summary>
    public string? ClaimedBy { get; set; }

    public string? ClaimedByName { get; set; }

    /// <summary>
    /// The applicant wrote last and no reviewer has answered (nor said no answer is needed): the inbox's "new message".
    /// Set and cleared in the transaction of the message (or of the reviewer's "no reply needed"), carried over when the
    /// rows are rewritten by a transition. The same on every role's row of the application.
    /// </summary>
    public bool AwaitingReply { get; set; }
    public DateTime? ClaimedAt { get; set; }
}
