namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>Which CNSS number a field holds.</summary>
public enum CnssKind
{
    /// <summary>An employer's affiliation number (7 digits).</summary>
    Employer,

    /// <summary>An insured person's immatriculation number (9 digits).</summary>
    Insured,
}
