using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Reporting;

/// <summary>What the dashboard shows: values for the host to draw, in the period and territory asked, within what the viewer covers.</summary>
/// <param name="Provinces">The provinces the figures cover; null for the whole country (procedures that are not routed included).</param>
/// <param name="From">The first day of the first month counted.</param>
/// <param name="To">The first day of the last month counted.</param>
/// <param name="Volumes">Per procedure and month: submissions, decisions, withdrawals; months with none are left out.</param>
/// <param name="Procedures">Per procedure: processing times against the legal deadline, busiest first.</param>
/// <param name="Overall">Every procedure together: decisions and the share within the deadline (each decision against its own due date).</param>
/// <param name="OverallByUnit">
/// Every procedure together per unit of legal deadline, business days first: the median of the procedures whose deadline
/// is in business days, in business days, and of the others (calendar days, or no deadline), in calendar days. A median
/// of both units at once would count a week as five days for some files and seven for others.
/// </param>
/// <param name="BacklogByProvince">Files now pending (in review or waiting for changes), per province; not limited to the period.</param>
/// <param name="BacklogByStep">The same per procedure and step.</param>
public sealed record DashboardFigures(
    IReadOnlyList<string>? Provinces,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<MonthlyVolume> Volumes,
    IReadOnlyList<ProcedurePerformance> Procedures,
    DecisionCounts Overall,
    IReadOnlyList<Performance> OverallByUnit,
    IReadOnlyList<Backlog> BacklogByProvince,
    IReadOnlyList<Backlog> BacklogByStep);

/// <param name="Month">The first day of the month.</param>
/// <param name="Decided">Approved, rejected or acknowledged in the month.</param>
public sealed record MonthlyVolume(string ProcedureId, DateOnly Month, int Submitted, int Decided, int Approved, int Rejected, int Withdrawn);

/// <summary>How many decisions came, and how many of those that had a legal deadline came within it.</summary>
/// <param name="DecidedWithDeadline">Decisions on files that had a legal deadline.</param>
/// <param name="DecidedInTime">Of those, decisions on or before the legal due date.</param>
public record DecisionCounts(int Decided, int DecidedWithDeadline, int DecidedInTime)
{
    /// <summary>The share of decisions within the legal deadline (0 to 1); null when no decided file had one.</summary>
    public double? ShareInTime => DecidedWithDeadline == 0 ? null : (double)DecidedInTime / DecidedWithDeadline;
}

/// <summary>How fast decisions came, for one procedure or the procedures whose deadlines share a unit.</summary>
/// <param name="MedianDays">
/// The median time from submission to decision in <paramref name="DaysUnit"/>, days paused for changes not counted;
/// null without decisions.
/// </param>
/// <param name="DaysUnit">The unit of the legal deadline (<see cref="ProcedureStatistics.UnitOf"/>), as the public statistics give it.</param>
public sealed record Performance(int Decided, double? MedianDays, CalendarKind DaysUnit, int DecidedWithDeadline, int DecidedInTime)
    : DecisionCounts(Decided, DecidedWithDeadline, DecidedInTime);

/// <param name="LegalDeadline">The deadline the latest published version states, for comparison; null without one.</param>
public sealed record ProcedurePerformance(string ProcedureId, LocalizedText Title, DeadlineDefinition? LegalDeadline, Performance Figures);

/// <summary>Pending files of one province (<see cref="Key"/> a province id, <c>""</c> for procedures that are not routed) or one step (<see cref="ProcedureId"/> and the step id).</summary>
/// <param name="Overdue">In review past their legal due date.</param>
/// <param name="WaitingForApplicant">Changes requested, the clock paused.</param>
public sealed record Backlog(string Key, string? ProcedureId, LocalizedText Label, int Pending, int Overdue, int WaitingForApplicant);
