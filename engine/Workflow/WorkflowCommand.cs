using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Workflow;

/// <summary>Something a person (or the deadline sweep) asks of an application.</summary>
public abstract record WorkflowCommand
{
    /// <summary>The applicant saves answers (a draft, or the reopened fields while changes are requested).</summary>
    /// <param name="BasedOn">The application's <see cref="Application.Version"/> the answers were edited from: when it has
    /// changed since (another tab or device saved), the save is refused as <see cref="RefusalCodes.Stale"/> rather than
    /// overwriting that work. Null: save whatever the version.</param>
    public sealed record SaveAnswers(Answers Answers, int? BasedOn = null) : WorkflowCommand;

    /// <summary>
    /// The applicant empties a section of their draft, typically one filled from their earlier application they do not want
    /// to keep: its answers go, and so does its <see cref="Application.Carried"/> record. <paramref name="BasedOn"/> as for
    /// <see cref="SaveAnswers"/>.
    /// </summary>
    public sealed record EmptySection(string Section, int? BasedOn = null) : WorkflowCommand;

    /// <summary>The applicant attaches a file; it replaces an earlier file for the same document when only one is allowed.</summary>
    public sealed record AttachDocument(AttachedDocument Document) : WorkflowCommand;

    public sealed record RemoveDocument(string DocumentId, string FileName) : WorkflowCommand;

    /// <summary>The applicant submits (or resubmits after changes). <paramref name="Reference"/> is used at the first submission.</summary>
    public sealed record Submit(string Reference) : WorkflowCommand;

    public sealed record Withdraw(string? Reason) : WorkflowCommand;

    /// <summary>A reviewer acts on a step.</summary>
    /// <param name="Reopen">For <c>request_changes</c>: the field paths and document ids to reopen.</param>
    /// <param name="ReturnTo">For <c>return</c>: the earlier step to go back to (the previous one when null).</param>
    /// <param name="Fields">The step's reviewer-only fields.</param>
    public sealed record Decide(string Step, StepAction Action, string? Comment = null, IReadOnlyList<string>? Reopen = null, string? ReturnTo = null, Answers? Fields = null) : WorkflowCommand;

    /// <summary>The deadline sweep applies the procedure's <c>on_deadline</c> outcome.</summary>
    public sealed record LapseDeadline : WorkflowCommand;
}
