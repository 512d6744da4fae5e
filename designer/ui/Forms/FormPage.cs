using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Designer.Forms;

/// <summary>One page of the applicant's form: a section, or the documents page that ends the form.</summary>
/// <param name="Key">The section id, or <see cref="DocumentsKey"/>.</param>
public sealed record FormPage(string Key, SectionDefinition? Section)
{
    /// <summary>The documents page's key; section ids are lower_snake and never start with '_', so it cannot collide.</summary>
    public const string DocumentsKey = "_documents";

    public bool IsDocuments => Section is null;

    /// <summary>The pages shown for the current answers, in order: each visible section, then documents when the procedure asks for any.</summary>
    public static IReadOnlyList<FormPage> Of(ProcedureDefinition definition, FormState state)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        var pages = definition.Sections.Where(s => state.IsSectionVisible(s.Id)).Select(s => new FormPage(s.Id, s)).ToList();
        if (definition.Documents.Count > 0)
            pages.Add(new FormPage(DocumentsKey, null));
        return pages;
    }

    /// <summary>
    /// The page a validation error belongs to: a document's (or the documents list's) errors go to the
    /// documents page, a field's to its section (the first name of its path is a plain field's id or an
    /// included section's id).
    /// </summary>
    public static string? KeyOf(ProcedureDefinition definition, ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(error);
        if (error.Code.StartsWith("document.", StringComparison.Ordinal))
            return DocumentsKey;
        var end = error.Path.IndexOfAny(['.', '[']);
        var head = end < 0 ? error.Path : error.Path[..end];
        foreach (var section in definition.Sections)
        {
            if (section.Include is not null ? section.Id == head : section.Fields.Any(f => f.Id == head))
                return section.Id;
        }
        return null;
    }
}
