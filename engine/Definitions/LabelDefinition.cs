using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Definitions;

/// <summary>
/// A label ("étiquette") reviewers may put on the procedure's files to organise their work ("pièce à vérifier auprès de
/// la CNSS", "dossier prioritaire"). Seen by the staff only, never by the applicant. Always shown with its title: the
/// colour helps the eye, it never carries the meaning alone.
/// </summary>
/// <param name="Id">A kebab-case id, unique in the procedure: what files record.</param>
/// <param name="Colour">One of <see cref="Colours"/>.</param>
public sealed record LabelDefinition(string Id, LocalizedText Title, string Colour, SourceSpan Span)
{
    /// <summary>
    /// The palette: each has a light and a dark rendering in the portal's stylesheet whose text passes WCAG AA contrast
    /// (4.5:1) on its background in both themes. A closed list, so a colour never depends on an analyst's taste or sight.
    /// </summary>
    public static readonly IReadOnlyList<string> Colours = ["grey", "blue", "green", "yellow", "orange", "red", "purple"];

    /// <summary>Most labels a procedure declares: more would make the inbox filter and the case page's list unreadable.</summary>
    public const int MaxPerProcedure = 20;
}
