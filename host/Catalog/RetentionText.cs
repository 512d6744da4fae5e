using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Catalog;

/// <summary>A procedure's retention in words: "10 ans", "سنتان و6 أشهر", "18 months".</summary>
public static class RetentionText
{
    public static string Of(RetentionPeriod retention, Language language, IStringLocalizer strings)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(strings);
        var years = retention.Years > 0 ? Count(retention.Years, YearKey(retention.Years), language, strings) : null;
        var months = retention.Months > 0 ? Count(retention.Months, MonthKey(retention.Months), language, strings) : null;
        return years is not null && months is not null
            ? string.Format(language.Culture, strings["Retention.And"].Value, years, months)
            : years ?? months ?? Count(0, "Retention.MonthsMany", language, strings);
    }

    /// <summary>"10 ans après la clôture du dossier, puis les données personnelles sont effacées".</summary>
    public static string AfterClosure(RetentionPeriod retention, Language language, IStringLocalizer strings) =>
        string.Format(language.Culture, strings["Privacy.RetentionAfterClosure"].Value, Of(retention, language, strings));

    private static string Count(int number, string key, Language language, IStringLocalizer strings) =>
        string.Format(language.Culture, strings[key].Value, number.ToString("N0", language.Culture));

    // Arabic counts have four forms (one, two, three to ten, eleven and more); French and English give the last
    // three the same plural text.
    private static string YearKey(int years) => years switch
    {
        1 => "Retention.Year",
        2 => "Retention.YearsTwo",
        <= 10 => "Retention.YearsFew",
        _ => "Retention.YearsMany",
    };

    private static string MonthKey(int months) => months switch
    {
        1 => "Retention.Month",
        2 => "Retention.MonthsTwo",
        <= 10 => "Retention.MonthsFew",
        _ => "Retention.MonthsMany",
    };
}
