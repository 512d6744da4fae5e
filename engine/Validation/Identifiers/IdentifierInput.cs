using System.Globalization;
using System.Text;

namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>Turns what a person typed into the plain ASCII text the validators check.</summary>
internal static class IdentifierInput
{
    /// <summary>
    /// Longest raw input looked at. The longest identifier (an IBAN printed in groups of four) is 42
    /// characters, so anything longer is a format error without further work.
    /// </summary>
    public const int MaxLength = 64;

    /// <summary>Separators people put between groups of digits: <c>001-561191.000/066</c>.</summary>
    public const string NumericSeparators = "-./";

    /// <summary>
    /// Removes white space (including no-break spaces) and invisible formatting characters, removes
    /// <paramref name="separators"/>, maps Arabic-Indic and Eastern Arabic-Indic digits to ASCII and
    /// upper-cases ASCII letters. Returns null when the input is null or longer than <see cref="MaxLength"/>.
    /// </summary>
    /// <remarks>
    /// Formatting characters (Unicode category Cf) are dropped because right-to-left keyboards and text
    /// copied from Arabic documents carry invisible direction marks (U+200E, U+200F, U+061C) around digits.
    /// Only ASCII letters are upper-cased: culture-aware upper-casing would turn the dotless <c>ı</c> or
    /// the long <c>ſ</c> into ASCII letters and accept text nobody typed as an identifier.
    /// </remarks>
    public static string? Clean(string? input, string separators = "")
    {
        if (input is null || input.Length > MaxLength)
            return null;

        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (char.IsWhiteSpace(c)
                || char.GetUnicodeCategory(c) == UnicodeCategory.Format
                || separators.Contains(c, StringComparison.Ordinal))
                continue;

            builder.Append(c switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                >= 'a' and <= 'z' => (char)(c - 'a' + 'A'),
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="text"/> is only ASCII digits and its length is within the bounds.</summary>
    public static bool IsDigits(ReadOnlySpan<char> text, int minLength, int maxLength)
    {
        if (text.Length < minLength || text.Length > maxLength)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }

        return true;
    }

    public static bool IsDigits(ReadOnlySpan<char> text, int length) => IsDigits(text, length, length);
}
