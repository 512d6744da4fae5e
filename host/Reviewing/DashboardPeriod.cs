using System.Globalization;
using EmploymentProcedures.Engine.Reporting;

namespace EmploymentProcedures.Host.Reviewing;

/// <summary>
/// The dashboard's address read into the engine's <see cref="DashboardFilter"/>: <c>from</c> and <c>to</c> as months
/// (<c>2026-01</c>, what <c>input type="month"</c> sends), <c>province</c> one province id (<c>_</c>: the procedures
/// that are not routed). Missing or unreadable months give the twelve months up to today's; ends in the wrong order
/// are swapped. What the viewer may see is the engine's business: a province outside their territory gives nothing.
/// </summary>
internal static class DashboardPeriod
{
    public static DashboardFilter Of(string? from, string? to, string? province, DateOnly today)
    {
        var year = DashboardFilter.LastTwelveMonths(today);
        var (first, last) = (Month(from) ?? year.From, Month(to) ?? year.To);
        if (first > last)
            (first, last) = (last, first);
        var provinces = string.IsNullOrWhiteSpace(province) ? [] : new[] { province.Trim() == InboxAddress.NoProvince ? "" : province.Trim() };
        return new DashboardFilter(new DateOnly(first.Year, first.Month, 1), new DateOnly(last.Year, last.Month, 1)) { Provinces = provinces };
    }

    private static DateOnly? Month(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year >= 2000 ? month : null;
}
