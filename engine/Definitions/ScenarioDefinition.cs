using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Definitions;

/// <summary>A scenario from <c>tests:</c>: answers, documents, actions, and what must come of them.</summary>
public sealed record ScenarioDefinition
{
    public required string Name { get; init; }
    public DateOnly? Today { get; init; }
    public Answers Answers { get; init; } = Answers.Empty;

    /// <summary>Where each answer is written in the file, by field path.</summary>
    public IReadOnlyDictionary<string, SourceSpan> AnswerSpans { get; init; } = new Dictionary<string, SourceSpan>();

    public IReadOnlyList<string> Documents { get; init; } = [];
    public IReadOnlyList<ScenarioAction> Actions { get; init; } = [];
    public string? ExpectStatus { get; init; }
    public string? ExpectStep { get; init; }
    public IReadOnlyList<string>? ExpectErrors { get; init; }
    public required SourceSpan Span { get; init; }
}

public sealed record ScenarioAction
{
    public required string Step { get; init; }
    public required StepAction Action { get; init; }
    public string? Role { get; init; }
    public string? Comment { get; init; }
    public IReadOnlyList<string> Reopen { get; init; } = [];
    public string? To { get; init; }
    public Answers Fields { get; init; } = Answers.Empty;
    public Answers Answers { get; init; } = Answers.Empty;
    public required SourceSpan Span { get; init; }
}
