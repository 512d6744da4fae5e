namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// The dashboard's counts for one procedure, one province and one month, kept up to date in the transaction
/// of each transition (<see cref="Reporting.Figures"/>), so the dashboard adds up a few thousand rows instead
/// of scanning a million applications. A submission counts in the month it was submitted, a decision or a
/// withdrawal in the month it happened.
/// </summary>
internal sealed class MonthlyFigure
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public required string ProcedureId { get; set; }

    /// <summary>
    /// The application's province, <see cref="PendingWork.Everywhere"/> when the procedure is not routed, or
    /// <see cref="AllProvinces"/> for the national total (each change is added to its province and to the total, so
    /// the national dashboard reads a few hundred rows).
    /// </summary>
    public required string Province { get; set; }

    /// <summary>The province key of national totals; no province id has it.</summary>
    public const string AllProvinces = "*";

    public int Submitted { get; set; }

    /// <summary>Approved, rejected or acknowledged (by a reviewer or by the deadline).</summary>
    public int Decided { get; set; }

    public int Approved { get; set; }
    public int Rejected { get; set; }
    public int Withdrawn { get; set; }

    /// <summary>Decisions on applications that had a legal deadline.</summary>
    public int DecidedWithDeadline { get; set; }

    /// <summary>Of those, decisions taken on or before the legal due date.</summary>
    public int DecidedInTime { get; set; }
}
