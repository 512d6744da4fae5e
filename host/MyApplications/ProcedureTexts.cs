using System.Globalization;
using System.Text.RegularExpressions;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.MyApplications;

/// <summary>
/// What an applicant reads instead of the ids an application stores: a step's title, a role's label, the
/// label of a reopened field, document or section. Taken from the definition the application is pinned to.
/// Public because pages take it as a parameter.
/// </summary>
public sealed partial class ProcedureTexts(ProcedureDefinition definition, ProcedureLibrary library, Language language, IStringLocalizer strings)
{
    public string Procedure => definition.Title.Get(language.Code);

    /// <summary>The step's title, else the label of the role that acts on it.</summary>
    public string Step(string? stepId)
    {
        var step = definition.Steps.FirstOrDefault(s => s.Id == stepId);
        return step?.Title?.Get(language.Code)
            ?? (step?.Role is { } role ? Role(role) : null)
            ?? stepId
            ?? "";
    }

    public string Role(string roleId) =>
        library.Roles.TryGetValue(roleId, out var role) ? role.Label?.Get(language.Code) ?? roleId : roleId;

    /// <summary>Whether the role is a reviewer's (people the applicant may be told acted on the file).</summary>
    public bool IsReviewer(string roleId) => library.Roles.TryGetValue(roleId, out var role) && role.Kind == RoleKind.Reviewer;

    public string Document(string documentId) =>
        definition.Documents.FirstOrDefault(d => d.Id == documentId)?.Label?.Get(language.Code) ?? documentId;

    /// <summary>
    /// A reopened or changed item in words: a document's label, a section's title, or a field's label after
    /// the labels of what holds it ("Établissement › Adresse"), with the row of a repeating group ("ligne 2").
    /// </summary>
    public string Item(string item)
    {
        if (definition.Documents.FirstOrDefault(d => d.Id == item) is { } document)
            return document.Label?.Get(language.Code) ?? item;
        var parts = item.Split('.');
        var labels = new List<string>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var row = RowIndex().Match(parts[i]);
            var path = RowIndex().Replace(string.Join('.', parts[..(i + 1)]), "");
            var label = definition.FindField(path)?.Label?.Get(language.Code)
                ?? (i == 0 ? definition.Sections.FirstOrDefault(s => s.Id == path)?.Title?.Get(language.Code) : null);
            if (label is null)
                continue;
            if (row.Success)
                label += " (" + string.Format(language.Culture, strings["Mine.Row"].Value, (int.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture) + 1).ToString("N0", language.Culture)) + ")";
            labels.Add(label);
        }
        return labels.Count == 0 ? item : string.Join(" › ", labels);
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex RowIndex();
}
