using System.Globalization;
using System.Text;

namespace EmploymentProcedures.Host.Catalog;

/// <summary>
/// Folds text for search so that what a person types finds what a definition says, whatever the
/// keyboard: case, Latin accents (é → e, œ → oe), Arabic diacritics and tatweel are dropped, the
/// alef variants (أ إ آ ٱ) become ا, ta marbuta (ة) becomes ه, alef maqsura (ى) becomes ي, Arabic-Indic
/// digits become 0-9, and every run of punctuation or spaces becomes one space.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";

        // Canonical decomposition splits é into e + U+0301 and أ into ا + U+0654 (hamza above):
        // dropping the combining marks then folds accents, hamza carriers and harakat in one rule.
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            var mapped = Map(c);
            if (mapped is null)
                continue;
            if (mapped.Length == 1 && !char.IsLetterOrDigit(mapped[0]))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }
            folded.Append(mapped);
        }
        return folded.ToString();
    }

    /// <summary>The folded words of a query, for matching each one separately.</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <returns>The folded form of one character, or null to drop it.</returns>
    private static string? Map(char c) => c switch
    {
        '\u0640' => null,                                            // tatweel (kashida): stretching only
        '\u0671' or '\u0622' or '\u0623' or '\u0625' => "\u0627",    // alef wasla (and any undecomposed hamza forms) → alef
        '\u0629' => "\u0647",                                        // ta marbuta → ha
        '\u0649' or '\u06CC' => "\u064A",                            // alef maqsura, Persian yeh → yeh
        '\u06A9' => "\u0643",                                        // keheh → kaf
        >= '\u0660' and <= '\u0669' => ((char)('0' + (c - '\u0660'))).ToString(),
        >= '\u06F0' and <= '\u06F9' => ((char)('0' + (c - '\u06F0'))).ToString(),
        'œ' or 'Œ' => "oe",
        'æ' or 'Æ' => "ae",
        'ß' => "ss",
        _ => char.ToLowerInvariant(c).ToString(),
    };
}
