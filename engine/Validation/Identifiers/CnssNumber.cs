namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>
/// Caisse Nationale de Sécurité Sociale numbers: an employer's affiliation number has 7 digits (the
/// boxes of form 322-1-11), an insured person's immatriculation number has 9.
/// </summary>
public static class CnssNumber
{
    public const string EmployerFormatCode = "cnss.employer.format";
    public const string InsuredFormatCode = "cnss.insured.format";
    public const int EmployerLength = 7;
    public const int InsuredLength = 9;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value (a bug in the caller).</exception>
    public static IdentifierResult Check(string? input, CnssKind kind)
    {
        var (length, code) = kind switch
        {
            CnssKind.Employer => (EmployerLength, EmployerFormatCode),
            CnssKind.Insured => (InsuredLength, InsuredFormatCode),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown CNSS number kind."),
        };

        var text = IdentifierInput.Clean(input, IdentifierInput.NumericSeparators);
        return text is not null && IdentifierInput.IsDigits(text, length)
            ? IdentifierResult.Valid(text)
            : IdentifierResult.Invalid(code);
    }
}
