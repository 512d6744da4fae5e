using System.Text.RegularExpressions;

namespace EmploymentProcedures.Host.Components.Designer;

/// <summary>A new procedure's id: kebab-case (it is the file's name), and written into a copied definition.</summary>
internal static partial class DesignerIds
{
    public static bool IsValid(string id) => KebabId().IsMatch(id);

    /// <summary>The definition's text with its top-level <c>id:</c> replaced; everything else (comments included) kept.</summary>
    public static string Rename(string yaml, string id) => TopLevelId().Replace(yaml, "id: " + id, 1);

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabId();

    [GeneratedRegex(@"^id:[^\n#]*", RegexOptions.Multiline)]
    private static partial Regex TopLevelId();
}
