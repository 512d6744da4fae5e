using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Workflow;

public enum ActionKind
{
    Edit,
    Submit,
    Withdraw,
    Decide,
}

/// <summary>One thing a user may do now: every button of the UI comes from one of these.</summary>
/// <param name="Step">For <see cref="ActionKind.Decide"/>: the step and <paramref name="Action"/> offered.</param>
/// <param name="ReturnTargets">For <c>return</c>: the earlier steps the file may go back to.</param>
/// <param name="Editable">For <see cref="ActionKind.Edit"/> while changes are requested: the reopened items only (null: everything).</param>
public sealed record PermittedAction(
    ActionKind Kind,
    string? Step = null,
    StepAction? Action = null,
    IReadOnlyList<string>? ReturnTargets = null,
    IReadOnlyList<string>? Editable = null);
