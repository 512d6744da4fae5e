namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>What a valid phone number reaches, from its prefix.</summary>
public enum PhoneKind
{
    /// <summary>Moroccan mobile: +212 6… or +212 7….</summary>
    Mobile,

    /// <summary>Moroccan fixed line: +212 5….</summary>
    Fixed,

    /// <summary>Moroccan +212 8… (VoIP and other non-geographic services).</summary>
    Other,

    /// <summary>Any number outside Morocco.</summary>
    International,
}
