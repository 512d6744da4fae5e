using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// What the inbox search finds an application by, computed when the application is written: its reference
/// (as written and without separators), the applicant's name, and the values of the form's identifier fields
/// (ICE, CIN, passport, RC, IF, CNSS: whatever the definition declares with those types, in a section or an
/// included fragment; rows of repeating groups are other people and are left out), all folded.
/// </summary>
internal static class SearchKeys
{
    /// <summary>The column's size; a longer text is cut (a name is the only long part).</summary>
    public const int MaxLength = 500;

    private static readonly HashSet<FieldType> Identifiers = [FieldType.Ice, FieldType.Cin, FieldType.Passport, FieldType.Rc, FieldType.If, FieldType.Cnss];

    public static string For(ProcedureDefinition definition, Application application)
    {
        var keys = new List<string> { SearchFolding.Fold(application.Reference), SearchFolding.Compact(application.Reference), SearchFolding.Fold(application.ApplicantName) };
        foreach (var field in definition.Sections.SelectMany(s => s.Fields).Where(f => Identifiers.Contains(f.Type)))
            keys.AddRange(Values(application.Answers.Get(field.Path)).Select(SearchFolding.Compact));
        var text = string.Join(' ', keys.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal));
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }

    /// <summary>The text of an answer: a value, or each value of a record such as an RC (number and court).</summary>
    private static IEnumerable<string> Values(object? answer) => answer switch
    {
        string text => [text],
        Answers record => record.Values.OfType<string>(),
        null => [],
        _ => [Convert.ToString(answer, System.Globalization.CultureInfo.InvariantCulture) ?? ""],
    };
}
