using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// What a reviewer asks of their inbox. Every list is "any of these" and empty means no filter; filters of
/// different kinds all apply. The reviewer's rights (the role of the current step and, for routed procedures,
/// their territory) always apply first: a filter only narrows what they may see.
/// </summary>
public sealed record InboxFilter
{
    public static readonly InboxFilter None = new();

    public IReadOnlyList<string> Procedures { get; init; } = [];

    /// <summary>Category ids (<c>categories.yaml</c>): the procedures whose latest published version is in one of them.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary><see cref="ApplicationStatus.InReview"/> (to act on) and <see cref="ApplicationStatus.ChangesRequested"/> (waiting for the applicant).</summary>
    public IReadOnlyList<ApplicationStatus> Statuses { get; init; } = [];

    /// <summary>Step ids, such as <c>reception</c>, in whatever procedure.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];

    /// <summary>Province ids (<c>lists/provinces.yaml</c>); <c>""</c> stands for applications of procedures that are not routed.</summary>
    public IReadOnlyList<string> Provinces { get; init; } = [];

    public IReadOnlyList<Urgency> Urgencies { get; init; } = [];

    public ClaimFilter Claims { get; init; } = ClaimFilter.Any;

    /// <summary>Label ids (a procedure's <c>labels:</c>): files carrying any of them. The same id in several procedures is one filter value.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Only the files whose applicant wrote last and awaits a reply.</summary>
    public bool AwaitingReply { get; init; }

    /// <summary>Words to find in the reference, the applicant's name or their identifiers (ICE, CIN...), case, accents and Arabic letter forms folded; all must match.</summary>
    public string? Search { get; init; }

    public InboxOrder Order { get; init; } = InboxOrder.DueDate;
}

/// <summary>How urgent a line is, from its due date (the step's, else the legal one).</summary>
public enum Urgency
{
    /// <summary>The due date has passed.</summary>
    Overdue,

    /// <summary>Due today or within <see cref="Deadlines.DeadlineClock.DefaultDueSoonBusinessDays"/> business days.</summary>
    DueSoon,

    /// <summary>Due later, or nothing is due (no deadline, or waiting for the applicant).</summary>
    Later,
}

/// <summary>Whose lines: anyone's, those the reviewer has claimed, or those nobody has claimed.</summary>
public enum ClaimFilter
{
    Any,
    Mine,
    Unclaimed,
}

/// <summary>The inbox's order; ties are broken by when the line was written, so pages never overlap.</summary>
public enum InboxOrder
{
    /// <summary>Soonest due first; lines with nothing due last.</summary>
    DueDate,

    /// <summary>Oldest submission first (first come, first served).</summary>
    OldestSubmitted,

    /// <summary>Latest submission first.</summary>
    NewestSubmitted,
}
