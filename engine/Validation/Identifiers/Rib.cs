namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>
/// Relevé d'Identité Bancaire: 24 digits = bank (3) + locality (3) + account (16) + key (2), where the
/// key makes the whole 24-digit number divisible by 97.
/// </summary>
/// <remarks>
/// The key rule is the usual mod-97 scheme proposed by the procedures catalogue; it holds for the Moroccan
/// example of the SWIFT IBAN registry but has not been confirmed by Bank Al-Maghrib's texts.
/// </remarks>
public static class Rib
{
    public const string FormatCode = "rib.format";
    public const string KeyCode = "rib.key";
    public const int Length = 24;

    public static IdentifierResult Check(string? input)
    {
        var text = IdentifierInput.Clean(input, IdentifierInput.NumericSeparators);
        if (text is null || !IdentifierInput.IsDigits(text, Length))
            return IdentifierResult.Invalid(FormatCode);

        return HasValidKey(text)
            ? IdentifierResult.Valid(text)
            : IdentifierResult.Invalid(KeyCode);
    }

    /// <summary>The two-digit key (01–97) to append to the first 22 digits of a RIB.</summary>
    /// <exception cref="ArgumentException"><paramref name="first22"/> is not 22 ASCII digits.</exception>
    public static string ComputeKey(string first22)
    {
        ArgumentNullException.ThrowIfNull(first22);
        if (!IdentifierInput.IsDigits(first22, Length - 2))
            throw new ArgumentException("Expected the first 22 digits of a RIB.", nameof(first22));

        return Mod97.CheckDigits(first22);
    }

    /// <summary>The parts of a normalised RIB, or null when <paramref name="normalized"/> is not 24 digits.</summary>
    public static RibParts? Split(string? normalized) =>
        normalized is not null && IdentifierInput.IsDigits(normalized, Length)
            ? new RibParts(normalized[..3], normalized[3..6], normalized[6..22], normalized[22..])
            : null;

    /// <summary>Whether 24 ASCII digits carry a correct key.</summary>
    internal static bool HasValidKey(ReadOnlySpan<char> digits) => Mod97.Remainder(digits) == 0;
}
