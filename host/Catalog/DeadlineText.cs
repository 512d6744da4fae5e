using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Catalog;

/// <summary>A legal deadline in words: "10 business days", or that the procedure has none.</summary>
public static class DeadlineText
{
    public static string Of(DeadlineDefinition? deadline, Language language, IStringLocalizer strings)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(strings);
        if (deadline is null)
            return strings["Deadline.None"];
        var key = deadline.Calendar == CalendarKind.Business ? "Deadline.BusinessDays" : "Deadline.CalendarDays";
        return string.Format(language.Culture, strings[key].Value, deadline.Days.ToString("N0", language.Culture));
    }

    /// <summary>A file size limit in the language's number format: "2,5 Mo", "5 MB".</summary>
    public static string Megabytes(decimal megabytes, Language language, IStringLocalizer strings)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(strings);
        return string.Format(language.Culture, strings["Document.MaxSize"].Value, megabytes.ToString("0.##", language.Culture));
    }
}
