using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Tests.Templates;

/// <summary>The repository's procedures and letters, read once, and the facts a workflow would record for a scenario.</summary>
internal static class Letters
{
    public static ProcedureCatalog Catalog => Loading.TestLibrary.Catalog;

    public static DocumentRenderer Renderer { get; } = new(Catalog.Library.DocumentTemplates);

    public static ProcedureDefinition Visa => Catalog.Definitions["foreign-worker-contract-visa"];

    public static ScenarioDefinition Scenario(ProcedureDefinition definition, string name) => definition.Tests.Single(t => t.Name == name);

    /// <summary>What the workflow would know at the end of <paramref name="scenario"/>: its last action is the decision.</summary>
    public static ApplicationFacts Facts(ProcedureDefinition definition, ScenarioDefinition scenario, string? applicant = null)
    {
        var submitted = scenario.Today ?? new DateOnly(2026, 3, 2);
        var last = scenario.Actions.Count > 0 ? scenario.Actions[^1] : null;
        var status = scenario.ExpectStatus ?? "submitted";
        var prefix = definition.ReferencePrefix ?? "APP";
        return new ApplicationFacts($"{prefix}-2026-000042", submitted, applicant ?? ApplicantOf(scenario.Answers), status)
        {
            DueOn = submitted.AddDays(14),
            Decision = last is null ? null : new DecisionFacts(last.Step, last.Action, submitted.AddDays(5), last.Comment, last.Role),
            Reopened = last?.Reopen ?? [],
            ReviewerMessage = last?.Action == StepAction.RequestChanges ? last.Comment : null,
        };
    }

    public static DocumentModel Model(ProcedureDefinition definition, string scenarioName, string language, string? applicant = null)
    {
        var scenario = Scenario(definition, scenarioName);
        return DocumentModel.Build(definition, scenario.Answers, scenario.Documents, language, Facts(definition, scenario, applicant), Catalog.Library.Roles, scenario.Today);
    }

    /// <summary>The rendered HTML; fails the test with the renderer's message otherwise.</summary>
    public static string Html(RenderResult result) => result switch
    {
        RenderResult.Rendered rendered => rendered.Html,
        RenderResult.Failed failed => throw new Xunit.Sdk.XunitException("expected a document, got: " + failed.Message),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The failure's message; fails the test when a document came out.</summary>
    public static string Failure(RenderResult result) => result switch
    {
        RenderResult.Failed failed => failed.Message,
        RenderResult.Rendered rendered => throw new Xunit.Sdk.XunitException($"expected a failure, got a document of {rendered.Html.Length} characters"),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The company or person the scenario applies for, as the account would name them.</summary>
    private static string ApplicantOf(Answers answers) =>
        answers.Get("employer.company_name") as string ?? answers.Get("establishment.name") as string ?? "Demandeur";
}
