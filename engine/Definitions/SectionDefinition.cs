using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Definitions;

/// <summary>One page of the applicant's form.</summary>
public sealed record SectionDefinition
{
    public required string Id { get; init; }
    public LocalizedText? Title { get; init; }
    public LocalizedText? Help { get; init; }
    public ExpressionSource? Visible { get; init; }

    /// <summary>The fragment this section includes; its fields are then named <c>section.field</c>.</summary>
    public string? Include { get; init; }

    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];
    public required SourceSpan Span { get; init; }
}
