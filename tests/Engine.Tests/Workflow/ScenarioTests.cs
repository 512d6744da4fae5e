using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Workflow;

/// <summary>Every scenario of every procedure in <c>procedures/</c>, run against the real workflow (what <c>procedures test</c> does).</summary>
public sealed class ScenarioTests
{
    private static readonly Lazy<ProcedureCatalog> Catalog = new(() => Loading.TestLibrary.Catalog);

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
    public void Scenario_RunsToWhatItExpects(string procedure, string name)
    {
        var definition = Catalog.Value.Definitions[procedure];

        var result = ScenarioRunner.Run(definition, Catalog.Value.Library.Roles).Single(r => r.Scenario.Name == name);

        Assert.True(result.Passed, $"{procedure}/{name}: {result.Detail}");
    }

    [Fact]
    public void Catalog_EveryProcedure_HasAPathToItsEndAndAFailure()
    {
        Assert.NotEmpty(Catalog.Value.Definitions);
        Assert.All(Catalog.Value.Definitions.Values, d =>
        {
            Assert.True(d.Tests.Count >= 2, d.Id);
            Assert.Contains(d.Tests, t => t.ExpectStatus is "approved" or "acknowledged");
            Assert.Contains(d.Tests, t => t.ExpectStatus == "rejected" || t.ExpectErrors is { Count: > 0 });
        });
    }

    [Fact]
    public void Runner_ReportsAScenarioWhoseExpectationIsWrong()
    {
        var definition = Catalog.Value.Definitions["foreign-worker-contract-visa"];
        var approved = definition.Tests.First(t => t.ExpectStatus == "approved");
        var wrong = definition with { Tests = [approved with { ExpectStatus = "rejected" }, approved with { Actions = [approved.Actions[0], approved.Actions[0]] }] };

        var results = ScenarioRunner.Run(wrong, Catalog.Value.Library.Roles);

        Assert.All(results, r => Assert.False(r.Passed));
        Assert.Equal("expected status rejected, got approved", results[0].Detail);
        Assert.Contains("refused", results[1].Detail, StringComparison.Ordinal);
    }
}
