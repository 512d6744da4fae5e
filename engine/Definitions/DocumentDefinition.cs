using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Definitions;

/// <summary>A document the applicant uploads.</summary>
public sealed record DocumentDefinition
{
    public required string Id { get; init; }
    public LocalizedText? Label { get; init; }
    public LocalizedText? Help { get; init; }
    public Condition Required { get; init; } = Condition.Never;
    public IReadOnlyList<string> Formats { get; init; } = [];
    public decimal MaxMegabytes { get; init; }
    public int MaxFiles { get; init; } = 1;
    public required SourceSpan Span { get; init; }
}
