using System.Text;

namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>
/// International Bank Account Number (ISO 13616) for any country: 2-letter country code, 2 check digits and
/// an account part, 15–34 letters and digits in all, whose check is mod-97 = 1. A Moroccan (<c>MA</c>) IBAN
/// has exactly 28 characters and its account part is a RIB with a valid key.
/// </summary>
/// <remarks>
/// Other countries' lengths and account structures are not checked (the ISO registry changes; the mod-97
/// check already catches typing errors). Country codes are not checked against ISO 3166.
/// </remarks>
public static class Iban
{
    public const string FormatCode = "iban.format";
    public const string ChecksumCode = "iban.checksum";
    public const string LengthCode = "iban.length";
    public const string RibCode = "iban.rib";
    public const int MinLength = 15;
    public const int MaxLength = 34;
    public const int MoroccanLength = 28;

    public static IdentifierResult Check(string? input)
    {
        var text = IdentifierInput.Clean(input);
        if (text is null || text.Length < 4 || !IsUpperAlphanumeric(text)
            || !char.IsAsciiLetterUpper(text[0]) || !char.IsAsciiLetterUpper(text[1])
            || !char.IsAsciiDigit(text[2]) || !char.IsAsciiDigit(text[3]))
            return IdentifierResult.Invalid(FormatCode);

        var moroccan = text.StartsWith("MA", StringComparison.Ordinal);
        if (moroccan)
        {
            if (text.Length != MoroccanLength)
                return IdentifierResult.Invalid(LengthCode);
            if (!IdentifierInput.IsDigits(text.AsSpan(4), Rib.Length))
                return IdentifierResult.Invalid(FormatCode);
        }
        else if (text.Length is < MinLength or > MaxLength)
        {
            return IdentifierResult.Invalid(FormatCode);
        }

        // ISO 7064 MOD 97-10 only produces check digits 02–98; 00, 01 and 99 are typing errors.
        var checkDigits = ((text[2] - '0') * 10) + (text[3] - '0');
        var rearrangedRemainder = Mod97.Remainder(text.AsSpan(0, 4), Mod97.Remainder(text.AsSpan(4)));
        if (checkDigits is < 2 or > 98 || rearrangedRemainder != 1)
            return IdentifierResult.Invalid(ChecksumCode);

        if (moroccan && !Rib.HasValidKey(text.AsSpan(4)))
            return IdentifierResult.Invalid(RibCode);

        return IdentifierResult.Valid(text);
    }

    /// <summary>The IBAN in groups of four for display: <c>MA64 0115 1900 0001 2050 0053 4921</c>.</summary>
    public static string Format(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var compact = normalized.Replace(" ", "", StringComparison.Ordinal);
        var builder = new StringBuilder(compact.Length + (compact.Length / 4));
        for (var i = 0; i < compact.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
                builder.Append(' ');
            builder.Append(compact[i]);
        }

        return builder.ToString();
    }

    private static bool IsUpperAlphanumeric(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
                return false;
        }

        return true;
    }
}
