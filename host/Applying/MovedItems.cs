using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Host.Applying;

/// <summary>One line of the notice of a moved draft: what it is called in the person's language, and the form page that asks for it (null for what was removed).</summary>
internal sealed record MovedItem(string Label, string? Page);

/// <summary>
/// The lines of the notice of a draft moved to a newer version (<see cref="DraftMove"/>): what the new version now asks of the
/// applicant, labelled and placed by the new version; what was removed, labelled by the version it was removed from.
/// </summary>
internal static class MovedItems
{
    /// <summary>The form page of the applicant's documents (<c>ProcedureForm</c>).</summary>
    public const string DocumentsPage = "documents";

    public static IReadOnlyList<MovedItem> Required(DraftMove moved, ProcedureDefinition current, string language, Func<string, string> document)
    {
        ArgumentNullException.ThrowIfNull(moved);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(document);
        return
        [
            .. moved.RequiredFields.Select(path => Find(current, path) is { } found
                ? new MovedItem(Label(found.Field.Label, found.Field.Id, language), found.Section.Id)
                : new MovedItem(path, null)),
            .. moved.RequiredDocuments.Select(id => new MovedItem(document(DocumentLabel(current, id, language)), DocumentsPage)),
        ];
    }

    /// <param name="previous">The version the draft was on; null when it cannot be read (the paths and ids are shown then).</param>
    public static IReadOnlyList<MovedItem> Removed(DraftMove moved, ProcedureDefinition? previous, string language, Func<string, string> document)
    {
        ArgumentNullException.ThrowIfNull(moved);
        ArgumentNullException.ThrowIfNull(document);
        return
        [
            .. moved.DroppedAnswers.Select(path => new MovedItem(
                previous is not null && Find(previous, path) is { } found ? Label(found.Field.Label, found.Field.Id, language) : path, null)),
            .. moved.DroppedDocuments.Select(id => new MovedItem(document(previous is null ? id : DocumentLabel(previous, id, language)), null)),
        ];
    }

    /// <summary>
    /// The field at an answer's path and the section (form page) it is on: <c>note</c> in a plain section, <c>employer.ice</c>
    /// in an included one, <c>children.age</c> in a group's rows.
    /// </summary>
    private static (FieldDefinition Field, SectionDefinition Section)? Find(ProcedureDefinition definition, string path)
    {
        var parts = path.Split('.');
        foreach (var section in definition.Sections)
        {
            var fields = section.Fields;
            var rest = parts.AsSpan();
            if (section.Include is not null)
            {
                if (parts[0] != section.Id || parts.Length < 2)
                    continue;
                rest = rest[1..];
            }
            FieldDefinition? field = null;
            foreach (var part in rest)
            {
                field = fields.FirstOrDefault(f => f.Id == part);
                if (field is null)
                    break;
                fields = field.Fields;
            }
            if (field is not null)
                return (field, section);
        }
        return null;
    }

    private static string DocumentLabel(ProcedureDefinition definition, string id, string language) =>
        Label(definition.Documents.FirstOrDefault(d => d.Id == id)?.Label, id, language);

    private static string Label(LocalizedText? label, string id, string language) => label?.Get(language) is { Length: > 0 } text ? text : id;
}
