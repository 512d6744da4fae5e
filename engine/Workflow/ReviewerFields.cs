using System.Collections.Concurrent;
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
    private static readonly ConditionalWeakTable<StepDefinition, ConcurrentDictionary<(string Role, bool Own), ProcedureDefinition>> Forms = [];

    /// <summary>
    /// The fields <paramref name="role"/> fills at the step, as a definition with one plain section named after the step
    /// (built once per step and role): the shared fields and the role's own (<c>role:</c> on a field of a parallel step);
    /// every field of the step when <paramref name="role"/> is null.
    /// </summary>
    public static ProcedureDefinition FormOf(StepDefinition step, string? role)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Form(step, role ?? "", own: false);
    }

    /// <summary>Only the fields that belong to <paramref name="role"/> (none of the shared ones): what it recorded, shown to the others.</summary>
    public static ProcedureDefinition OwnFormOf(StepDefinition step, string role)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(role);
        return Form(step, role, own: true);
    }

    /// <summary>
    /// What the reviewers recorded at the steps <paramref name="application"/> went through before the one it is at (every
    /// step once it is no longer in review), in the circuit's order, for <paramref name="viewer"/>: nothing for an
    /// applicant, whose page and letters never show reviewer-only fields. The application is the one the engine let
    /// <paramref name="viewer"/> see (<c>Workflow.Authorize</c>); a parallel step gives one entry per role that
    /// recorded its own fields, then one for the shared fields.
    /// </summary>
    public static IReadOnlyList<RecordedFields> RecordedBefore(ProcedureDefinition definition, Application application, Actor viewer)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Kind == RoleKind.Applicant)
            return [];
        var current = application.Status == ApplicationStatus.InReview ? application.Step : null;
        var recorded = new List<RecordedFields>();
        foreach (var step in definition.Steps.TakeWhile(s => s.Id != current))
        {
            if (!application.StepFields.TryGetValue(step.Id, out var answers) || answers.Count == 0)
                continue;
            if (step.Parallel is null)
                recorded.Add(new RecordedFields(step, null, FormOf(step, null), Of(step, null, answers)));
            else
            {
                foreach (var role in step.Parallel.Roles)
                    recorded.Add(new RecordedFields(step, role, OwnFormOf(step, role), RecordedBy(step, role, answers)));
                recorded.Add(new RecordedFields(step, null, Form(step, "", own: true), RecordedBy(step, null, answers)));
            }
        }
        return [.. recorded.Where(r => r.Answers.Count > 0)];
    }

    /// <summary>Among what was recorded at a parallel step, the answers of <paramref name="role"/>'s own fields (of the shared ones when null).</summary>
    public static Answers RecordedBy(StepDefinition step, string? role, Answers recorded)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(recorded);
        return Answers.From(recorded.Where(a => step.Fields.Any(f => f.Id == a.Key && f.Role == role)));
    }

    /// <summary>The answers among <paramref name="answers"/> that <paramref name="role"/> fills at the step (all of them when null).</summary>
    public static Answers Of(StepDefinition step, string? role, Answers answers)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(answers);
        var ids = step.FieldsFor(role).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        return answers.Keys.All(ids.Contains) ? answers : Answers.From(answers.Where(a => ids.Contains(a.Key)));
    }

    /// <summary>
    /// What stops <paramref name="action"/> by <paramref name="role"/>: any of its fields given that is invalid by type; its
    /// missing required ones only when the action closes the step or gives an approving opinion (<c>approve</c>,
    /// <c>acknowledge</c>). <paramref name="kept"/> are the fields recorded earlier at this step, <paramref name="given"/>
    /// the ones sent now (they win). Another role's own fields are neither required nor checked.
    /// </summary>
    public static ValidationReport Check(StepDefinition step, string? role, Answers kept, Answers given, StepAction action, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(given);
        if (!step.FieldsFor(role).Any())
            return ValidationReport.Valid;
        var closing = action is StepAction.Approve or StepAction.Acknowledge;
        var report = SubmissionValidator.Validate(FormOf(step, role), new Submission(Of(step, role, kept).Merge(given), []), context);
        return new ValidationReport([.. report.Errors.Where(e =>
            closing || (e.Code is not ("required" or "consent.required") && given.ContainsKey(e.Path.Split('.', '[')[0])))]);
    }

    /// <summary>The fields <paramref name="role"/> fills (<paramref name="own"/>: only its own; "" with <paramref name="own"/>: only the shared ones).</summary>
    private static ProcedureDefinition Form(StepDefinition step, string role, bool own) =>
        Forms.GetOrCreateValue(step).GetOrAdd((role, own), key => Build(step,
            key.Own ? step.Fields.Where(f => f.Role == (key.Role.Length == 0 ? null : key.Role)) : step.FieldsFor(key.Role.Length == 0 ? null : key.Role)));

    private static ProcedureDefinition Build(StepDefinition step, IEnumerable<FieldDefinition> fields) => new()
    {
        Language = 1,
        Id = step.Id,
        Title = step.Title ?? LocalizedText.Of(step.Id, step.Id),
        Category = "",
        Applicant = "",
        Sections = [new SectionDefinition { Id = step.Id, Title = step.Title, Fields = [.. fields.Select(f => AsAnswered(f, step.Id + "."))], Span = step.Span }],
        Span = step.Span,
    };

    /// <summary>A step field's path is <c>step.field</c> (how later steps read it); in the step's own form it is answered by its bare name.</summary>
    private static FieldDefinition AsAnswered(FieldDefinition field, string prefix) => field with
    {
        Path = field.Path.StartsWith(prefix, StringComparison.Ordinal) ? field.Path[prefix.Length..] : field.Path,
        Fields = [.. field.Fields.Select(f => AsAnswered(f, prefix))],
    };
}
