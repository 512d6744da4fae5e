using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Definitions;

/// <summary>A cross-field rule: when <see cref="When"/> holds, <see cref="Check"/> must hold, else <see cref="Message"/> shows at <see cref="Field"/>.</summary>
public sealed record RuleDefinition
{
    public required string Id { get; init; }
    public ExpressionSource? When { get; init; }
    public required ExpressionSource Check { get; init; }
    public required string Field { get; init; }
    public SourceSpan FieldSpan { get; init; }
    public LocalizedText? Message { get; init; }
    public required SourceSpan Span { get; init; }
}
