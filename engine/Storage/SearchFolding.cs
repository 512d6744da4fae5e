using System.Globalization;
using System.Text;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// Folds text the same way when it is stored and when it is searched, so that what a reviewer types finds
/// what an applicant wrote: lower case, Latin accents and ligatures dropped (é → e, œ → oe), Arabic harakat,
/// hamza carriers and tatweel dropped, alef variants → ا, ta marbuta → ه, alef maqsura → ي, Arabic-Indic digits
/// → 0-9, and any run of other characters → one space.
/// </summary>
internal static class SearchFolding
{
    private static readonly Dictionary<char, string> Replacements = new()
    {
        ['\u0622'] = "\u0627", ['\u0623'] = "\u0627", ['\u0625'] = "\u0627", ['\u0671'] = "\u0627",
        ['\u0629'] = "\u0647",
        ['\u0649'] = "\u064A", ['\u06CC'] = "\u064A",
        ['\u06A9'] = "\u0643",
        ['œ'] = "oe", ['Œ'] = "oe", ['æ'] = "ae", ['Æ'] = "ae", ['ß'] = "ss",
    };

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark || c == '\u0640')
                continue;
            if (!char.IsLetterOrDigit(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
                builder.Append(' ');
            space = false;
            if (Replacements.TryGetValue(c, out var replacement))
                builder.Append(replacement);
            else if (char.IsDigit(c) && CharUnicodeInfo.GetDecimalDigitValue(c) is var digit and >= 0)
                builder.Append((char)('0' + digit));
            else
                builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>Letters and digits only, folded: <c>AB 123 456</c> and <c>ab-123456</c> both give <c>ab123456</c>.</summary>
    public static string Compact(string? text) => Fold(text).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The distinct folded words of a query, at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<string> Words(string? query, int max) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(max).ToList();
}
