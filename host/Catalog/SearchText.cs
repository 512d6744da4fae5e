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
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || c == '\u0640') // tatweel (kashida): stretching only
            {
                continue;
            }
            if (!char.IsLetterOrDigit(c))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }
            Append(folded, c);
        }
        return folded.ToString();
    }

    /// <summary>The folded words of a query, for matching each one separately.</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static void Append(StringBuilder folded, char c)
    {
        switch (c)
        {
            case '\u0671' or '\u0622' or '\u0623' or '\u0625':  // alef wasla (and any undecomposed hamza forms) → alef
                folded.Append('\u0627');
                break;
            case '\u0629':                                        // ta marbuta → ha
                folded.Append('\u0647');
                break;
            case '\u0649' or '\u06CC':                           // alef maqsura, Persian yeh → yeh
                folded.Append('\u064A');
                break;
            case '\u06A9':                                        // keheh → kaf
                folded.Append('\u0643');
                break;
            case >= '\u0660' and <= '\u0669':                    // Arabic-Indic digits
                folded.Append((char)('0' + (c - '\u0660')));
                break;
            case >= '\u06F0' and <= '\u06F9':                    // extended Arabic-Indic digits
                folded.Append((char)('0' + (c - '\u06F0')));
                break;
            case 'œ' or 'Œ':
                folded.Append("oe");
                break;
            case 'æ' or 'Æ':
                folded.Append("ae");
                break;
            case 'ß':
                folded.Append("ss");
                break;
            default:
                folded.Append(char.ToLowerInvariant(c));
                break;
        }
    }
}
