using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Authoring;

/// <summary>
/// The change list between a published definition and its draft, computed from the loaded records (never from
/// the YAML text, so reformatting or moving keys changes nothing), with no procedure-specific code.
/// </summary>
public static class DefinitionChanges
{
    /// <summary>
    /// Every difference, ordered by area (sections, fields, options, documents, rules, steps, outputs, deadlines,
    /// applicant, other), then in the draft's order, then what was removed in the published order. Empty when the
    /// two say the same thing.
    /// </summary>
    public static IReadOnlyList<DefinitionChange> Compare(ProcedureDefinition published, ProcedureDefinition draft)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(draft);
        return new ChangeList(published, draft).Build();
    }

    /// <summary>
    /// What happens to the applicants' drafts once the draft version is published: they move to it at their next opening or
    /// save (a file is filed under the rules in force when it is submitted), losing the answers and files <paramref name="changes"/>
    /// no longer asks for, named. Files already submitted stay on their version: what <see cref="DefinitionChange.IsBreaking"/> says
    /// would break them were they moved.
    /// </summary>
    public static LocalizedText Drafts(IReadOnlyList<DefinitionChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var lost = DraftLosses(changes);
        return lost.Count == 0
            ? ChangeReasons.Of(ChangeReasons.DraftsMovedWhole)
            : ChangeReasons.Of(ChangeReasons.DraftsMoved, string.Join(", ", lost));
    }

    /// <summary>
    /// The paths a draft moved to the new version loses its answers or files under: an applicant's field removed or of another
    /// type, a choice no longer offered, a document no longer asked for or a format no longer accepted.
    /// </summary>
    public static IReadOnlyList<string> DraftLosses(IReadOnlyList<DefinitionChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return [.. changes.Where(Loses).Select(c => c.Path)];
    }

    private static bool Loses(DefinitionChange change) => change.Area switch
    {
        _ when change.Path.StartsWith("steps.", StringComparison.Ordinal) => false,
        ChangeArea.Field when change.Kind == ChangeKind.Removed => change.Breaks is not null,
        ChangeArea.Field => change.Properties.Any(p => p.Name is "type" or "list" && p.Breaks is not null),
        ChangeArea.Option => change.Kind == ChangeKind.Removed && change.Breaks is not null,
        ChangeArea.Document when change.Kind == ChangeKind.Removed => true,
        ChangeArea.Document => change.Properties.Any(p => p.Name == "formats" && p.Breaks is not null),
        _ => false,
    };
}
