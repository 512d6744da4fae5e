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
}
