namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>Identifiant fiscal (IF) issued by the DGI: 1 to 8 digits, usually 7 or 8.</summary>
public static class TaxId
{
    public const string FormatCode = "if.format";
    public const int MaxLength = 8;

    public static IdentifierResult Check(string? input)
    {
        var text = IdentifierInput.Clean(input, IdentifierInput.NumericSeparators);
        return text is not null && IdentifierInput.IsDigits(text, 1, MaxLength)
            ? IdentifierResult.Valid(text)
            : IdentifierResult.Invalid(FormatCode);
    }
}
