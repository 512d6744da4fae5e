using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Reporting;

/// <summary>
/// One procedure's public figures over a period, nationwide, as they may be published: the counts always, and each
/// figure drawn from decisions only when at least the threshold of decisions stands behind it, so that nobody can
/// read one firm's file from it (law 09-08).
/// </summary>
/// <param name="Submitted">Applications submitted in the period (withdrawn ones included, drafts never).</param>
/// <param name="Decided">Decisions in the period: approved, rejected or acknowledged.</param>
/// <param name="Withdrawn">Applications withdrawn by their applicant in the period.</param>
/// <param name="ShareApproved">
/// The share of decisions that were not a refusal (approved, or acknowledged where the circuit acknowledges); not
/// applicable when the circuit cannot reject, for it would always be 100 %.
/// </param>
/// <param name="MedianDays">The median time from submission to decision in <paramref name="DaysUnit"/>, days paused for changes not counted.</param>
/// <param name="DaysUnit">The unit of the legal deadline (calendar days for a procedure without one).</param>
/// <param name="LegalDeadline">The legal deadline of the definition, to set beside the median; null without one.</param>
/// <param name="ShareInTime">The share of decisions taken on or before their legal due date; not applicable without a legal deadline.</param>
public sealed record ProcedureStatistics(
    string ProcedureId,
    int Submitted,
    int Decided,
    int Withdrawn,
    PublicFigure ShareApproved,
    PublicFigure MedianDays,
    CalendarKind DaysUnit,
    DeadlineDefinition? LegalDeadline,
    PublicFigure ShareInTime)
{
    /// <summary>Whether a file of <paramref name="definition"/> may end rejected: a step that rejects, or silence that means no.</summary>
    public static bool CanReject(ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.OnDeadline == "reject" || definition.Steps.Any(s => s.Actions.Contains(StepAction.Reject));
    }

    /// <summary>
    /// The unit a procedure's processing times are given in: its legal deadline's (business days when the deadline does
    /// not say), so a median sits beside its deadline; calendar days for a procedure without one. The dashboard and the
    /// public statistics both use it.
    /// </summary>
    public static CalendarKind UnitOf(DeadlineDefinition? deadline) =>
        deadline is null ? CalendarKind.Calendar : deadline.Calendar ?? CalendarKind.Business;

    internal static ProcedureStatistics Of(ProcedureDefinition definition, ProcedureTally tally, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var unit = UnitOf(definition.Deadline);
        var times = unit == CalendarKind.Business ? tally.BusinessDays : tally.CalendarDays;
        return new ProcedureStatistics(
            definition.Id, tally.Submitted, tally.Decided, tally.Withdrawn,
            CanReject(definition) ? PublicFigure.Of(tally.Decided - tally.Rejected, tally.Decided, threshold) : PublicFigure.NotApplicable,
            PublicFigure.From(Dashboard.Median(times), times.Sum(t => t.Count), threshold),
            unit,
            definition.Deadline,
            definition.Deadline is null ? PublicFigure.NotApplicable : PublicFigure.Of(tally.DecidedInTime, tally.DecidedWithDeadline, threshold));
    }
}

/// <summary>Whether a figure is published, withheld for too few decisions, or meaningless for the procedure.</summary>
public enum FigureStatus
{
    Published,
    TooFewDecisions,
    NotApplicable,
}

/// <summary>A figure of the public statistics: its value when <see cref="Status"/> is <see cref="FigureStatus.Published"/>.</summary>
public readonly record struct PublicFigure(FigureStatus Status, double Value)
{
    public static readonly PublicFigure NotApplicable = new(FigureStatus.NotApplicable, 0);

    /// <summary>The value, or null when it is not published.</summary>
    public double? Published => Status == FigureStatus.Published ? Value : null;

    /// <summary>The share <paramref name="part"/> of <paramref name="basis"/> decisions, withheld under <paramref name="threshold"/> of them.</summary>
    internal static PublicFigure Of(int part, int basis, int threshold) => From(basis == 0 ? null : (double)part / basis, basis, threshold);

    internal static PublicFigure From(double? value, int basis, int threshold) =>
        basis < threshold || value is not { } v ? new(FigureStatus.TooFewDecisions, 0) : new(FigureStatus.Published, v);
}
