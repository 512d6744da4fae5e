namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>
/// Identifiant Commun de l'Entreprise: 15 digits (9 company, 4 establishment, 2 check digits) whose
/// whole value is divisible by 97. Leading zeros are significant, so the number is kept as text.
/// </summary>
/// <remarks>
/// The check rule is not published; it is derived from public examples (all divisible by 97) and
/// recorded in the procedures catalogue, section "3. Validation formats".
/// </remarks>
public static class Ice
{
    public const string FormatCode = "ice.format";
    public const string ChecksumCode = "ice.checksum";
    public const int Length = 15;

    public static IdentifierResult Check(string? input)
    {
        var text = IdentifierInput.Clean(input, IdentifierInput.NumericSeparators);
        if (text is null || !IdentifierInput.IsDigits(text, Length))
            return IdentifierResult.Invalid(FormatCode);

        return Mod97.Remainder(text) == 0
            ? IdentifierResult.Valid(text)
            : IdentifierResult.Invalid(ChecksumCode);
    }

    /// <summary>The two check digits to append to the first 13 digits of an ICE.</summary>
    /// <exception cref="ArgumentException"><paramref name="first13"/> is not 13 ASCII digits.</exception>
    public static string ComputeCheckDigits(string first13)
    {
        ArgumentNullException.ThrowIfNull(first13);
        if (!IdentifierInput.IsDigits(first13, Length - 2))
            throw new ArgumentException("Expected the first 13 digits of an ICE.", nameof(first13));

        return Mod97.CheckDigits(first13);
    }
}
