using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Definitions;

/// <summary>One question of the form (or of a reviewer's step).</summary>
public sealed record FieldDefinition
{
    public required string Id { get; init; }

    /// <summary>The name expressions use: <c>start_date</c>, <c>employer.ice</c> for a fragment's field, <c>employees.salary</c> in a group row.</summary>
    public required string Path { get; init; }

    public required FieldType Type { get; init; }
    public LocalizedText? Label { get; init; }
    public LocalizedText? Help { get; init; }
    public Condition Required { get; init; } = Condition.Never;
    public ExpressionSource? Visible { get; init; }
    public string? Default { get; init; }

    /// <summary>Smallest number, earliest date (literal or expression), fewest rows or choices.</summary>
    public Bound? Min { get; init; }

    public Bound? Max { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public int? Decimals { get; init; }
    public string? Pattern { get; init; }
    public LocalizedText? PatternMessage { get; init; }
    /// <summary>Options written in the definition itself.</summary>
    public IReadOnlyList<OptionDefinition> Options { get; init; } = [];

    public string? ListId { get; init; }

    /// <summary>Every allowed value: the inline options, or the shared list's (resolved when loaded).</summary>
    public IReadOnlyList<OptionDefinition> Choices { get; init; } = [];
    public string? CnssKind { get; init; }
    public LocalizedText? Unit { get; init; }
    public ExpressionSource? Value { get; init; }
    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];

    /// <summary>
    /// On a field of a parallel step: the one role of the step that sees, fills and must answer it; the other roles
    /// never see or change it. Null: every role of the step shares the field.
    /// </summary>
    public string? Role { get; init; }

    /// <summary>Where <see cref="Role"/> is written, for located diagnostics.</summary>
    public SourceSpan? RoleSpan { get; init; }

    public required SourceSpan Span { get; init; }

    /// <summary>For a fragment's field: the section line that included it.</summary>
    public SourceSpan? IncludedFrom { get; init; }

    /// <summary>Fields the applicant types into (not computed values or read-only text).</summary>
    public bool IsInput => Type is not (FieldType.Computed or FieldType.Info);
}
