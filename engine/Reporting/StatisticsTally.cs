using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Reporting;

/// <summary>
/// What the monthly figures say of each procedure over <see cref="Period"/>, nationwide, before any definition is read:
/// the counts and the spread of processing times. <see cref="For"/> turns one procedure's into what may be published.
/// </summary>
/// <param name="ComputedAt">When the figures were read from the database.</param>
/// <param name="Procedures">Per procedure id; a procedure with no submission or decision in the period has none.</param>
public sealed record StatisticsTally(StatisticsPeriod Period, DateTimeOffset ComputedAt, IReadOnlyDictionary<string, ProcedureTally> Procedures)
{
    /// <summary>The figures of <paramref name="definition"/>'s procedure as they may be published, each under <paramref name="threshold"/> decisions withheld.</summary>
    public ProcedureStatistics For(ProcedureDefinition definition, int threshold)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return ProcedureStatistics.Of(definition, Procedures.GetValueOrDefault(definition.Id) ?? ProcedureTally.None, threshold);
    }
}

/// <summary>One procedure's counts over the period, all provinces together.</summary>
/// <param name="Submitted">First submissions in the period (withdrawn ones included; drafts are never submitted).</param>
/// <param name="Decided">Approved, rejected or acknowledged in the period.</param>
/// <param name="Withdrawn">Withdrawn by their applicant in the period (not decided).</param>
/// <param name="DecidedWithDeadline">Decisions on files that had a legal deadline.</param>
/// <param name="DecidedInTime">Of those, decisions on or before the legal due date.</param>
public sealed record ProcedureTally(int Submitted, int Decided, int Approved, int Rejected, int Withdrawn, int DecidedWithDeadline, int DecidedInTime)
{
    public static readonly ProcedureTally None = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>How many decisions took each number of business days (days paused for changes not counted).</summary>
    public IReadOnlyList<(int Days, int Count)> BusinessDays { get; init; } = [];

    /// <summary>The same in calendar days.</summary>
    public IReadOnlyList<(int Days, int Count)> CalendarDays { get; init; } = [];
}
