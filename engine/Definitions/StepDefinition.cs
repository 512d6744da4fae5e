using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Definitions;

/// <summary>One step of the approval circuit: one role, or several roles in parallel with a quorum.</summary>
public sealed record StepDefinition
{
    public required string Id { get; init; }
    public LocalizedText? Title { get; init; }
    public string? Role { get; init; }
    public ParallelDefinition? Parallel { get; init; }
    public ExpressionSource? When { get; init; }
    public DeadlineDefinition? Deadline { get; init; }
    public bool? Territorial { get; init; }
    public bool External { get; init; }
    public IReadOnlyList<StepAction> Actions { get; init; } = [StepAction.Approve, StepAction.Reject, StepAction.RequestChanges];
    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];
    public required SourceSpan Span { get; init; }

    /// <summary>Every role that may act on this step.</summary>
    public IEnumerable<string> Roles => Parallel?.Roles ?? (Role is null ? [] : [Role]);

    /// <summary>The fields <paramref name="role"/> sees and fills at this step: the shared ones and its own (every field when null).</summary>
    public IEnumerable<FieldDefinition> FieldsFor(string? role) =>
        role is null ? Fields : Fields.Where(f => f.Role is null || f.Role == role);
}

/// <param name="Quorum">How many approvals close the step; equals the number of roles for <c>all</c>.</param>
public sealed record ParallelDefinition(IReadOnlyList<string> Roles, int Quorum, SourceSpan Span)
{
    /// <summary>A <c>quorum:</c> that is neither <c>all</c>, <c>any</c> nor a number, as written (an error; the quorum then counts as all).</summary>
    public string? UnknownQuorum { get; init; }
}
