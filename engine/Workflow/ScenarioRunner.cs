using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Workflow;

/// <summary>The outcome of one scenario: passed, or why not.</summary>
public sealed record ScenarioResult(ScenarioDefinition Scenario, bool Passed, string Detail);

/// <summary>
/// Runs a definition's <c>tests:</c> headlessly against the real workflow: the applicant fills the
/// answers, attaches the documents and submits; each action is taken by a reviewer of the step's role
/// and territory; answers given with an action are the applicant's corrections, saved and resubmitted
/// first. The scenario passes when the expected status, step or validation errors come out.
/// </summary>
public static partial class ScenarioRunner
{
    private const string Reference = "TEST-0000-000001";

    public static IReadOnlyList<ScenarioResult> Run(ProcedureDefinition definition, IReadOnlyDictionary<string, RoleDefinition> roles)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var workflow = new Workflow(roles);
        return definition.Tests.Select(s => Run(workflow, definition, s)).ToList();
    }

    private static ScenarioResult Run(Workflow workflow, ProcedureDefinition definition, ScenarioDefinition scenario)
    {
        var today = scenario.Today ?? DateOnly.FromDateTime(DateTime.Today);
        var applicant = Actor.Applicant("applicant", "Applicant");
        var documents = scenario.Documents.Select(id => Document(definition, id)).ToList();
        var app = Application.Start(definition, 1, Guid.Empty, applicant) with { Answers = scenario.Answers, Documents = documents };

        var submitted = workflow.Execute(definition, app, applicant, new WorkflowCommand.Submit(Reference), today);
        if (submitted.Validation is { } report)
            return scenario.ExpectErrors is { } expected ? CompareErrors(scenario, expected, report) : Fail(scenario, "the submission is invalid: " + Describe(report));
        if (scenario.ExpectErrors is { Count: > 0 } errors)
            return Fail(scenario, $"expected errors on {string.Join(", ", errors)}, but the submission is valid");
        if (submitted.Refusal is { } refused)
            return Fail(scenario, "the submission was refused: " + refused.Message.Get("en"));
        app = submitted.Application!;

        for (var i = 0; i < scenario.Actions.Count; i++)
        {
            var action = scenario.Actions[i];
            var label = $"action {i + 1} ({action.Step}.{action.Action.Name()})";
            if (app.Status == ApplicationStatus.ChangesRequested)
            {
                var corrected = Correct(workflow, definition, app, applicant, action.Answers, today);
                if (corrected.Application is null)
                    return Fail(scenario, $"{label}: the applicant's corrections were not accepted: {corrected}");
                app = corrected.Application;
            }
            else if (action.Answers.Count > 0)
            {
                return Fail(scenario, $"{label}: gives answers, but no changes were requested (the file is {app.Status.Name()})");
            }

            var step = definition.Steps.FirstOrDefault(s => s.Id == action.Step);
            var role = action.Role ?? step?.Role ?? step?.Parallel?.Roles[0] ?? "";
            var reviewer = Actor.Reviewer("reviewer-" + role, role, role, app.Province is { } province ? [province] : []);
            var decided = workflow.Execute(definition, app, reviewer,
                new WorkflowCommand.Decide(action.Step, action.Action, action.Comment, action.Reopen, action.To, action.Fields), today);
            if (decided.Application is null)
                return Fail(scenario, $"{label}: refused: {decided.Refusal?.Message.Get("en")}");
            app = decided.Application;
        }

        if (scenario.ExpectStatus is { } status && status != app.Status.Name())
            return Fail(scenario, $"expected status {status}, got {app.Status.Name()}" + (app.Status.IsPending() ? $" at step {app.Step}" : ""));
        if (scenario.ExpectStep is { } expectedStep && expectedStep != app.Step)
            return Fail(scenario, $"expected step {expectedStep}, got {app.Step ?? "none"}");
        return new ScenarioResult(scenario, true, app.Status.Name() + (app.Status == ApplicationStatus.InReview ? " at " + app.Step : ""));
    }

    /// <summary>The applicant lays the corrections over the answers, saves and resubmits.</summary>
    private static WorkflowResult Correct(Workflow workflow, ProcedureDefinition definition, Application app, Actor applicant, Answers changes, DateOnly today)
    {
        if (changes.Count > 0)
        {
            var saved = workflow.Execute(definition, app, applicant, new WorkflowCommand.SaveAnswers(DeepMerge(app.Answers, changes)), today);
            if (saved.Application is null)
                return saved;
            app = saved.Application;
        }
        return workflow.Execute(definition, app, applicant, new WorkflowCommand.Submit(Reference), today);
    }

    /// <summary>The corrections laid over the answers, into nested answers (an address keeps what the correction does not name).</summary>
    internal static Answers DeepMerge(Answers answers, Answers changes)
    {
        foreach (var (key, value) in changes)
            answers = answers.With(key, value is Answers nested && answers[key] is Answers current ? DeepMerge(current, nested) : value);
        return answers;
    }

    /// <summary>A stand-in file for a document: the first format the definition accepts, 1 KB.</summary>
    private static AttachedDocument Document(ProcedureDefinition definition, string id)
    {
        var format = definition.Documents.FirstOrDefault(d => d.Id == id)?.Formats is [var first, ..] ? first : "pdf";
        return new AttachedDocument(id, $"{id}.{format}", 1024, format);
    }

    /// <summary>
    /// Every expected path must fail, and nothing else may: an error is matched by its field (or a field
    /// inside it), document or rule id; a group row's field may be named with or without its row
    /// (<c>employees[1].cin</c> or <c>employees.cin</c>).
    /// </summary>
    private static ScenarioResult CompareErrors(ScenarioDefinition scenario, IReadOnlyList<string> expected, ValidationReport report)
    {
        static bool Matches(string item, ValidationError error) =>
            AnswerDiff.Covers(item, error.Path)
            || AnswerDiff.Covers(item, RowIndex().Replace(error.Path, ""))
            || error.Code == "rule." + item;

        var missing = expected.Where(item => !report.Errors.Any(e => Matches(item, e))).ToList();
        var unexpected = report.Errors.Where(e => !expected.Any(item => Matches(item, e))).ToList();
        if (missing.Count == 0 && unexpected.Count == 0)
            return new ScenarioResult(scenario, true, "invalid as expected: " + string.Join(", ", expected));
        var detail = new List<string>();
        if (missing.Count > 0)
            detail.Add("expected errors not raised: " + string.Join(", ", missing));
        if (unexpected.Count > 0)
            detail.Add("unexpected errors: " + Describe(new ValidationReport(unexpected)));
        return Fail(scenario, string.Join("; ", detail));
    }

    private static string Describe(ValidationReport report) =>
        string.Join("; ", report.Errors.Select(e => $"{e.Path} ({e.Code}: {e.Message.Get("en")})"));

    [System.Text.RegularExpressions.GeneratedRegex(@"\[\d+\]")]
    private static partial System.Text.RegularExpressions.Regex RowIndex();

    private static ScenarioResult Fail(ScenarioDefinition scenario, string detail) => new(scenario, false, detail);
}
