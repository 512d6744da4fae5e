namespace EmploymentProcedures.Engine.Reporting;

/// <summary>The dashboard's period (whole months, both ends included) and territory.</summary>
/// <param name="From">Any day of the first month.</param>
/// <param name="To">Any day of the last month.</param>
public sealed record DashboardFilter(DateOnly From, DateOnly To)
{
    /// <summary>Province ids to keep (<c>""</c>: procedures that are not routed); empty means all the viewer covers.</summary>
    public IReadOnlyList<string> Provinces { get; init; } = [];

    /// <summary>Procedure ids to keep; empty means all.</summary>
    public IReadOnlyList<string> Procedures { get; init; } = [];

    /// <summary>The twelve months up to and including <paramref name="today"/>'s.</summary>
    public static DashboardFilter LastTwelveMonths(DateOnly today) => new(today.AddMonths(-11), today);
}
