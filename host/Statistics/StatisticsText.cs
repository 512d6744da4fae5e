using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Statistics;

/// <summary>The public statistics in words, in the reader's language: the period, numbers, shares and days.</summary>
public sealed class StatisticsText(Language language, IStringLocalizer strings)
{
    /// <summary>"de décembre 2025 à novembre 2026" as the sentence of <paramref name="key"/> has it.</summary>
    public string Period(StatisticsPeriod period, string key = "Statistics.Period")
    {
        ArgumentNullException.ThrowIfNull(period);
        return string.Format(language.Culture, strings[key].Value, Month(period.FirstMonth), Month(period.LastMonth));
    }

    public string Number(int value) => value.ToString("N0", language.Culture);

    /// <summary>A share in per cent, or why there is none.</summary>
    public string Share(PublicFigure figure) => figure.Status switch
    {
        FigureStatus.Published => figure.Value.ToString("P0", language.Culture),
        FigureStatus.TooFewDecisions => strings["Statistics.TooFew"],
        _ => strings["Statistics.NotApplicable"],
    };

    /// <summary>The median in days of <paramref name="unit"/>, or why there is none.</summary>
    public string Median(PublicFigure figure, CalendarKind unit) => figure.Published is { } days ? Days(days, unit) : strings["Statistics.TooFew"];

    /// <summary>The legal deadline in days of its kind ("10 jours ouvrables"), or that there is none.</summary>
    public string Deadline(DeadlineDefinition? deadline) =>
        deadline is null ? strings["Deadline.None"] : Days(deadline.Days, deadline.Calendar ?? CalendarKind.Business);

    /// <summary>"6 jours ouvrables", "1,5 jour", "يومان", "6 أيام عمل": each count in its language's form (<see cref="CountedText"/>).</summary>
    public string Days(double days, CalendarKind unit) =>
        new CountedText(language, strings).Say(unit == CalendarKind.Business ? "Statistics.BusinessDays" : "Statistics.CalendarDays", days);

    /// <summary>"le 30 novembre 2026 à 17:40" as the sentence of <c>Statistics.ComputedAt</c> has it.</summary>
    public string ComputedAt(DateTimeOffset at) =>
        string.Format(language.Culture, strings["Statistics.ComputedAt"].Value, at.ToString("D", language.Culture), at.ToString("t", language.Culture));

    private string Month(DateOnly month) => month.ToString("MMMM yyyy", language.Culture);
}
