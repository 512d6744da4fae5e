using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Components.Shared;

/// <summary>A file's size as a person reads it: kilobytes under a megabyte, else megabytes, in the page's language.</summary>
internal static class FileSizes
{
    public static string Text(long bytes, Language language, IStringLocalizer strings) => bytes < 1024 * 1024
        ? string.Format(language.Culture, strings["Mine.Kilobytes"].Value, Math.Max(1, (bytes + 1023) / 1024).ToString("N0", language.Culture))
        : string.Format(language.Culture, strings["Mine.Megabytes"].Value, (bytes / (1024m * 1024m)).ToString("0.#", language.Culture));
}
