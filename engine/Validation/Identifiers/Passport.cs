using System.Text.RegularExpressions;

namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>A passport number of any country: 6–12 letters and digits (deliberately loose).</summary>
public static partial class Passport
{
    public const string FormatCode = "passport.format";

    public static IdentifierResult Check(string? input)
    {
        var text = IdentifierInput.Clean(input);
        return text is not null && Pattern().IsMatch(text)
            ? IdentifierResult.Valid(text)
            : IdentifierResult.Invalid(FormatCode);
    }

    [GeneratedRegex(@"^[A-Z0-9]{6,12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
