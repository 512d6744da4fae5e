using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Tests.Support;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Tests.Validation;

/// <summary>
/// Every scenario of every procedure, at the submission stage: a scenario that expects errors gets
/// exactly those fields in error; a scenario that goes on to a decision submits a valid file.
/// </summary>
public sealed class ScenarioValidationTests
{
    private static readonly Lazy<ProcedureCatalog> Catalog = new(() => ProcedureCatalog.Load(Repository.Procedures));

    public static TheoryData<string, string> Scenarios()
    {
        var data = new TheoryData<string, string>();
        foreach (var definition in Catalog.Value.Definitions.Values.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            foreach (var scenario in definition.Tests)
                data.Add(definition.Id, scenario.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_Submission_ValidatesAsTheScenarioExpects(string procedure, string name)
    {
        var definition = Catalog.Value.Definitions[procedure];
        var scenario = definition.Tests.Single(t => t.Name == name);
        var report = Validate(definition, scenario);

        var actual = report.Errors.Select(e => ErrorKey(e.Path)).Distinct().Order(StringComparer.Ordinal).ToList();
        var expected = (scenario.ExpectErrors ?? []).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"{procedure}/{name}: expected errors [{string.Join(", ", expected)}] but got [{string.Join(", ", report.Errors)}]");
    }

    [Fact]
    public void Catalog_EveryProcedure_HasAtLeastTwoScenarios()
    {
        Assert.NotEmpty(Catalog.Value.Definitions);
        Assert.All(Catalog.Value.Definitions.Values, d => Assert.True(d.Tests.Count >= 2, d.Id));
    }

    private static ValidationReport Validate(ProcedureDefinition definition, ScenarioDefinition scenario)
    {
        var documents = scenario.Documents.Select(id => new AttachedDocument(id, id + ".pdf", 100_000, definition.Documents.First(d => d.Id == id).Formats[0])).ToArray();
        var today = scenario.Today ?? new DateOnly(2026, 3, 2);
        return SubmissionValidator.Validate(definition, Submission.Of(scenario.Answers, documents), new EvaluationContext(today));
    }

    /// <summary>Scenarios name a field, a record's field or a rule's field: <c>employees[1].cin</c> counts as <c>employees.cin</c>.</summary>
    private static string ErrorKey(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "");
}
