using EmploymentProcedures.Engine.Validation.Identifiers;

namespace EmploymentProcedures.Engine.Tests.Validation.Identifiers;

/// <summary>Every validator with the code it returns for input of the wrong shape, for tests that cover them all.</summary>
internal static class IdentifierValidators
{
    public static readonly IReadOnlyDictionary<string, (Func<string?, IdentifierResult> Check, string FormatCode)> All =
        new Dictionary<string, (Func<string?, IdentifierResult>, string)>
        {
            ["ice"] = (Ice.Check, "ice.format"),
            ["cin"] = (Cin.Check, "cin.format"),
            ["cnss-employer"] = (input => CnssNumber.Check(input, CnssKind.Employer), "cnss.employer.format"),
            ["cnss-insured"] = (input => CnssNumber.Check(input, CnssKind.Insured), "cnss.insured.format"),
            ["rib"] = (Rib.Check, "rib.format"),
            ["iban"] = (Iban.Check, "iban.format"),
            ["phone"] = (PhoneNumber.Check, "phone.format"),
            ["passport"] = (Passport.Check, "passport.format"),
            ["if"] = (TaxId.Check, "if.format"),
            ["rc"] = (RcNumber.Check, "rc.format"),
            ["postal-code"] = (PostalCode.Check, "postal_code.format"),
        };
}
