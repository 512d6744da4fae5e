using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Tests.Support;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Workflow;

/// <summary>The test circuit (<c>circuit-test.yaml</c>): reception, a conditional inspection, parallel opinions (2 of 3), a decision.</summary>
internal static class Circuit
{
    public static readonly DateOnly Today = new(2026, 3, 2);

    public static ProcedureLibrary Library => Loading.TestLibrary.Library;

    public static ProcedureDefinition Definition { get; } = Load(File.ReadAllText(Path.Combine(Repository.Root, "tests", "Engine.Tests", "Workflow", "circuit-test.yaml")), "circuit-test.yaml");

    public static EmploymentProcedures.Engine.Workflow.Workflow Flow { get; } = new(Library.Roles);

    public static readonly Actor Owner = Actor.Applicant("amina", "Amina Alaoui");
    public static readonly Actor Stranger = Actor.Applicant("karim", "Karim Bennani");

    public static Actor Reviewer(string role, string province = "casablanca") => Actor.Reviewer(role + "-" + province, role, role, province);

    public static ProcedureDefinition Load(string yaml, string file)
    {
        var result = new ProcedureLoader(Library).LoadText(yaml, file);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Definition!;
    }

    public static Answers Form(int headcount = 12, string province = "casablanca", string salary = "9000") =>
        Answers.From(new Dictionary<string, object?> { ["province"] = province, ["headcount"] = headcount, ["salary"] = salary });

    public static Application Draft(int headcount = 12, ProcedureDefinition? definition = null) =>
        Application.Start(definition ?? Definition, 1, Guid.NewGuid(), Owner) with
        {
            Answers = Form(headcount),
            Documents = [new AttachedDocument("contract", "contrat.pdf", 20_000, "pdf")],
        };

    public static WorkflowResult Run(Application app, Actor actor, WorkflowCommand command, ProcedureDefinition? definition = null) =>
        Flow.Execute(definition ?? Definition, app, actor, command, Today);

    public static Application Ok(Application app, Actor actor, WorkflowCommand command, ProcedureDefinition? definition = null)
    {
        var result = Run(app, actor, command, definition);
        Assert.True(result.Succeeded, $"{command} by {actor.Role}: {result}");
        return result.Application!;
    }

    public static Refusal Refused(Application app, Actor actor, WorkflowCommand command, string code, ProcedureDefinition? definition = null)
    {
        var result = Run(app, actor, command, definition);
        Assert.False(result.Succeeded, $"{command} by {actor.Role} should be refused with {code}");
        Assert.NotNull(result.Refusal);
        Assert.Equal(code, result.Refusal.Code);
        Assert.All(LocalizedText.RequiredLanguages, language => Assert.True(result.Refusal.Message.Has(language)));
        return result.Refusal;
    }

    public static Application Submitted(int headcount = 12) => Ok(Draft(headcount), Owner, new WorkflowCommand.Submit("CT-2026-000001"));

    public static WorkflowCommand.Decide Decide(string step, StepAction action, string? comment = null, IReadOnlyList<string>? reopen = null, string? to = null, Answers? fields = null) =>
        new(step, action, comment, reopen, to, fields);

    public static Answers VisitDate(string date = "2026-03-10") => Answers.From(new Dictionary<string, object?> { ["visit_date"] = date });
}
