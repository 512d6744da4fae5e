namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>A Moroccan postal code: 5 digits.</summary>
public static class PostalCode
{
    public const string FormatCode = "postal_code.format";
    public const int Length = 5;

    public static IdentifierResult Check(string? input)
    {
        var text = IdentifierInput.Clean(input, IdentifierInput.NumericSeparators);
        return text is not null && IdentifierInput.IsDigits(text, Length)
            ? IdentifierResult.Valid(text)
            : IdentifierResult.Invalid(FormatCode);
    }
}
