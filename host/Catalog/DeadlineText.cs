using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Catalog;

/// <summary>A legal deadline in words, the noun in the count's form: "10 business days", "1 business day", or that the procedure has none.</summary>
public static class DeadlineText
{
    /// <param name="unstated">The unit of a deadline that does not say its own: a step's deadline counts in its procedure's
    /// (<see cref="Engine.Deadlines.DeadlineClock.StepFallback"/>), as the engine's clock does.</param>
    public static string Of(DeadlineDefinition? deadline, Language language, IStringLocalizer strings, CalendarKind unstated = CalendarKind.Business)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(strings);
        if (deadline is null)
            return strings["Deadline.None"];
        // Counted: Arabic says "يوم عمل واحد", "يوما عمل", "5 أيام عمل", "15 يوم عمل".
        var key = (deadline.Calendar ?? unstated) == CalendarKind.Business ? "Deadline.BusinessDays" : "Deadline.CalendarDays";
        return new CountedText(language, strings).Say(key, deadline.Days);
    }

    /// <summary>A file size limit in the language's number format: "2,5 Mo", "5 MB".</summary>
    public static string Megabytes(decimal megabytes, Language language, IStringLocalizer strings)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(strings);
        return string.Format(language.Culture, strings["Document.MaxSize"].Value, megabytes.ToString("0.##", language.Culture));
    }
}
