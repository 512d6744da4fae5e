using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Definitions;

/// <summary>A reusable block of fields from <c>procedures/fragments/</c>.</summary>
/// <param name="Carried">
/// <c>carry: applicant</c>: its answers describe the applicant (their company, establishment, representative), so a new
/// draft's section including it is filled from the applicant's most recent submitted application that answered it.
/// </param>
public sealed record FragmentDefinition(string Id, LocalizedText? Title, LocalizedText? Help, IReadOnlyList<FieldDefinition> Fields, SourceSpan Span, bool Carried = false);

/// <summary>A shared option list from <c>procedures/lists/</c>.</summary>
public sealed record OptionList(string Id, LocalizedText? Title, IReadOnlyList<OptionDefinition> Options, SourceSpan Span)
{
    private readonly Lazy<HashSet<string>> _values = new(() => Options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal));

    public bool Contains(string value) => _values.Value.Contains(value);
}

public enum RoleKind
{
    Applicant,
    Reviewer,
    Staff,
}

/// <param name="Territorial">Reviewers of this role work on a territory (provinces) for routed procedures.</param>
public sealed record RoleDefinition(string Id, RoleKind Kind, LocalizedText? Label, bool Territorial, bool External, SourceSpan Span);

public sealed record CategoryDefinition(string Id, LocalizedText? Title, SourceSpan Span);
