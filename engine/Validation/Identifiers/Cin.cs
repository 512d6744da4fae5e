using System.Text.RegularExpressions;

namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>
/// Carte d'Identité Nationale number: one or two letters (the issuing area) followed by up to six digits.
/// </summary>
/// <remarks>Prefixes are not checked against a list: public sources disagree on which exist.</remarks>
public static partial class Cin
{
    public const string FormatCode = "cin.format";

    public static IdentifierResult Check(string? input)
    {
        var text = IdentifierInput.Clean(input);
        return text is not null && Pattern().IsMatch(text)
            ? IdentifierResult.Valid(text)
            : IdentifierResult.Invalid(FormatCode);
    }

    // [0-9] rather than \d, which would also match other scripts' digits.
    [GeneratedRegex(@"^[A-Z]{1,2}[0-9]{1,6}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
