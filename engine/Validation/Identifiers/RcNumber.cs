namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>
/// Registre du commerce number: 1 to 7 digits. It is unique only together with the commercial court that
/// keeps the register, which is a separate choice field validated elsewhere.
/// </summary>
public static class RcNumber
{
    public const string FormatCode = "rc.format";
    public const int MaxLength = 7;

    public static IdentifierResult Check(string? input)
    {
        var text = IdentifierInput.Clean(input, IdentifierInput.NumericSeparators);
        return text is not null && IdentifierInput.IsDigits(text, 1, MaxLength)
            ? IdentifierResult.Valid(text)
            : IdentifierResult.Invalid(FormatCode);
    }
}
