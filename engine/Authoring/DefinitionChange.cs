using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Authoring;

/// <summary>What part of a definition a change touches; the change list is ordered by it.</summary>
public enum ChangeArea
{
    Section,
    Field,
    Option,
    Document,
    Rule,
    Step,
    Output,
    Deadline,
    Applicant,

    /// <summary>The reviewers' labels (<c>labels:</c>).</summary>
    Label,
    Other,
}

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// One difference between a published definition and its draft: a section, field, option, document, rule,
/// step, output, deadline, applicant or other key that was added, removed or changed.
/// </summary>
/// <param name="Path">
/// Where it is, in the analyst's words: <c>contract.start_date</c> (section, then the field as expressions
/// name it), <c>contract.contract_type.options.cdd</c>, <c>documents.passport_copy</c>, <c>rules.end-after-start</c>,
/// <c>steps.inspection</c>, <c>steps.inspection.visit_date</c> (a reviewer's field), <c>outputs.approved</c>,
/// <c>deadline</c>, <c>on_deadline</c>, <c>applicant</c>, <c>title</c>...
/// </param>
/// <param name="Properties">
/// Old → new of each property that differs; for an added or removed item, the properties that describe it
/// (a field's type and whether it is required), with the other side null.
/// </param>
/// <param name="Breaks">Why adding or removing the item breaks applications in progress; null when it does not.</param>
public sealed record DefinitionChange(ChangeArea Area, ChangeKind Kind, string Path, IReadOnlyList<PropertyChange> Properties, LocalizedText? Breaks = null)
{
    /// <summary>
    /// Whether an application in progress (a draft, one waiting for changes or at a step), were it moved to the
    /// draft version, could fail: its saved answers or files become invalid, its submission fails, or its place
    /// in the circuit no longer exists.
    /// </summary>
    public bool IsBreaking => Breaks is not null || Properties.Any(p => p.Breaks is not null);

    /// <summary>Every reason it breaks applications in progress, the item's first, then its properties'.</summary>
    public IEnumerable<LocalizedText> Reasons =>
        Properties.Select(p => p.Breaks).Prepend(Breaks).OfType<LocalizedText>().Distinct();

    /// <summary>A change of texts only (labels, help, titles, summaries, messages): listed, never breaking.</summary>
    public bool IsCosmetic => Kind == ChangeKind.Changed && Properties.Count > 0 && Properties.All(p => p.IsCosmetic);
}

/// <summary>One property of a changed item, as the YAML key says it (<c>type</c>, <c>max</c>, <c>label.ar</c>).</summary>
/// <param name="Old">The published value as written (an expression's text, <c>true</c>, <c>5</c>, <c>pdf, jpg</c>), null when absent.</param>
/// <param name="New">The draft's value, null when absent.</param>
/// <param name="Breaks">Why this difference breaks applications in progress; null when it does not.</param>
public sealed record PropertyChange(string Name, string? Old, string? New, LocalizedText? Breaks = null)
{
    /// <summary>A text shown to people (label, help, title, summary, message...), not a rule of the procedure.</summary>
    public bool IsCosmetic { get; init; }
}
