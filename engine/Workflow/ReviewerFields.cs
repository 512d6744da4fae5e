using System.Runtime.CompilerServices;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Workflow;

/// <summary>
/// A step's reviewer-only fields (<c>fields:</c> of a step) seen as a one-section form, so they render, prune and
/// validate exactly like an applicant's fields: the workflow checks a decision's fields with it, and the reviewer's
/// page renders them through the applicant's form and checks them the same way before sending.
/// </summary>
public static class ReviewerFields
{
    private static readonly ConditionalWeakTable<StepDefinition, ProcedureDefinition> Forms = [];

    /// <summary>The step's fields as a definition with one plain section named after the step (built once per step).</summary>
    public static ProcedureDefinition FormOf(StepDefinition step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Forms.GetValue(step, Build);
    }

    /// <summary>
    /// What stops <paramref name="action"/>: any field given that is invalid by type; the missing required ones
    /// only when the action closes the step (<c>approve</c>, <c>acknowledge</c>). <paramref name="kept"/> are the
    /// fields recorded earlier at this step, <paramref name="given"/> the ones sent now (they win).
    /// </summary>
    public static ValidationReport Check(StepDefinition step, Answers kept, Answers given, StepAction action, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(given);
        if (step.Fields.Count == 0)
            return ValidationReport.Valid;
        var closing = action is StepAction.Approve or StepAction.Acknowledge;
        var report = SubmissionValidator.Validate(FormOf(step), new Submission(kept.Merge(given), []), context);
        return new ValidationReport([.. report.Errors.Where(e =>
            closing || (e.Code is not ("required" or "consent.required") && given.ContainsKey(e.Path.Split('.', '[')[0])))]);
    }

    private static ProcedureDefinition Build(StepDefinition step) => new()
    {
        Language = 1,
        Id = step.Id,
        Title = step.Title ?? LocalizedText.Of(step.Id, step.Id),
        Category = "",
        Applicant = "",
        Sections = [new SectionDefinition { Id = step.Id, Title = step.Title, Fields = [.. step.Fields.Select(f => AsAnswered(f, step.Id + "."))], Span = step.Span }],
        Span = step.Span,
    };

    /// <summary>A step field's path is <c>step.field</c> (how later steps read it); in the step's own form it is answered by its bare name.</summary>
    private static FieldDefinition AsAnswered(FieldDefinition field, string prefix) => field with
    {
        Path = field.Path.StartsWith(prefix, StringComparison.Ordinal) ? field.Path[prefix.Length..] : field.Path,
        Fields = [.. field.Fields.Select(f => AsAnswered(f, prefix))],
    };
}
