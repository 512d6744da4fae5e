using EmploymentProcedures.Engine.Authoring;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Tests.Loading;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Authoring;

/// <summary>"Add a scenario from the preview's answers": the text gains one scenario, everything else stays as written.</summary>
public sealed class ScenarioTextTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static (string Yaml, Definitions.ProcedureDefinition Definition) Scaffolded()
    {
        var yaml = Scaffold.For("night-work-permit").Replace("notes:", "# the analyst's comment\nnotes:", StringComparison.Ordinal);
        var result = new ProcedureLoader(TestLibrary.Library).LoadText(yaml, "night-work-permit.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return (yaml, result.Definition!);
    }

    [Fact]
    public void Append_InvalidAnswers_AddsAScenarioExpectingTheirErrorsAndKeepsTheRestOfTheText()
    {
        var (yaml, definition) = Scaffolded();

        var text = ScenarioText.Append(yaml, definition, "only-a-subject", Submission.Of(Answers.From([new("subject", "Travail de nuit")])), Today);

        Assert.StartsWith(yaml.TrimEnd(), text, StringComparison.Ordinal);
        var loaded = new ProcedureLoader(TestLibrary.Library).LoadText(text, "night-work-permit.yaml");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var scenario = loaded.Definition!.Tests[^1];
        Assert.Equal("only-a-subject", scenario.Name);
        Assert.Contains("declaration", scenario.ExpectErrors!);
        Assert.All(ScenarioRunner.Run(loaded.Definition, TestLibrary.Library.Roles), r => Assert.True(r.Passed, r.Detail));
    }

    [Fact]
    public void Append_ToATextWithoutTests_StartsATestsBlock()
    {
        var (yaml, definition) = Scaffolded();
        var withoutTests = yaml[..yaml.IndexOf("tests:", StringComparison.Ordinal)];

        var text = ScenarioText.Append(withoutTests, definition, "first", Submission.Of(Answers.Empty), Today);

        var loaded = new ProcedureLoader(TestLibrary.Library).LoadText(text, "night-work-permit.yaml");
        Assert.Equal(["first"], loaded.Definition!.Tests.Select(t => t.Name));
        Assert.Contains("# the analyst's comment", text, StringComparison.Ordinal);
    }
}
