namespace EmploymentProcedures.Engine.Reporting;

/// <summary>The period of the public statistics: whole months, the first and the last included.</summary>
/// <param name="FirstMonth">The first day of the first month.</param>
/// <param name="LastMonth">The first day of the last month.</param>
public sealed record StatisticsPeriod(DateOnly FirstMonth, DateOnly LastMonth)
{
    /// <summary>
    /// The twelve months before <paramref name="today"/>'s: the month under way is left out, since its figures would
    /// move every day and a month's first days would show a few files as if they were a month's.
    /// </summary>
    public static StatisticsPeriod LastTwelveFullMonths(DateOnly today)
    {
        var current = Figures.MonthOf(today);
        return new(current.AddMonths(-12), current.AddMonths(-1));
    }

    /// <summary>The last day counted.</summary>
    public DateOnly LastDay => LastMonth.AddMonths(1).AddDays(-1);
}
