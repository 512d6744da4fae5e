using System.Text.RegularExpressions;

namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>
/// A Moroccan phone number (<c>0612345678</c>, <c>+212 6 12 34 56 78</c>, <c>00212…</c>) normalised to
/// <c>+212XXXXXXXXX</c>, or an international E.164 number (<c>+</c> or <c>00</c>, then 8–15 digits starting
/// with the country code) normalised to <c>+digits</c>.
/// </summary>
public static partial class PhoneNumber
{
    public const string FormatCode = "phone.format";
    public const string MoroccanPrefix = "+212";

    public static IdentifierResult Check(string? input)
    {
        var text = IdentifierInput.Clean(input, " .-");
        if (text is null)
            return IdentifierResult.Invalid(FormatCode);

        // "+33 (0)6 …" and "+212 (0)6 …" mark the trunk 0 that is not dialled from abroad.
        if (text.StartsWith('+') || text.StartsWith("00", StringComparison.Ordinal))
            text = text.Replace("(0)", "", StringComparison.Ordinal);
        text = text.Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal);

        var moroccan = Moroccan().Match(text);
        if (moroccan.Success)
            return IdentifierResult.Valid(MoroccanPrefix + moroccan.Groups["subscriber"].Value);

        // A +212 number that fails the Moroccan rule is wrong, not international.
        var international = International().Match(text);
        return international.Success && !international.Groups["digits"].Value.StartsWith("212", StringComparison.Ordinal)
            ? IdentifierResult.Valid("+" + international.Groups["digits"].Value)
            : IdentifierResult.Invalid(FormatCode);
    }

    /// <summary>Classifies a phone number that <see cref="Check"/> accepts (normalised or not).</summary>
    /// <exception cref="ArgumentException"><paramref name="normalized"/> is not a valid phone number (a bug in the caller).</exception>
    public static PhoneKind Classify(string normalized)
    {
        var result = Check(normalized);
        if (result.Normalized is not { } number)
            throw new ArgumentException("Not a valid phone number; check it first.", nameof(normalized));

        if (!number.StartsWith(MoroccanPrefix, StringComparison.Ordinal))
            return PhoneKind.International;

        return number[MoroccanPrefix.Length] switch
        {
            '5' => PhoneKind.Fixed,
            '6' or '7' => PhoneKind.Mobile,
            _ => PhoneKind.Other,
        };
    }

    // The trunk 0 after +212 is tolerated because people write "+212 06 …" and "+212 (0)6 …".
    [GeneratedRegex(@"^(?:(?:\+|00)2120?|0)(?<subscriber>[5-8][0-9]{8})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Moroccan();

    [GeneratedRegex(@"^(?:\+|00)(?<digits>[1-9][0-9]{7,14})\z", RegexOptions.CultureInvariant)]
    private static partial Regex International();
}
