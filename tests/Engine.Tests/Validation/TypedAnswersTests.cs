using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Tests.Validation;

/// <summary>The answers as the partners' API gives them: only those shown, each typed by its field.</summary>
public sealed class TypedAnswersTests
{
    [Fact]
    public void Of_HiddenAnswers_AreLeftOut_InRowsToo()
    {
        var answers = FormTest.Of(new
        {
            contract_type = "cdi",
            start_date = "2026-04-01",
            end_date = "2026-12-31",
            dependants = new[] { FormTest.Row("Salma", student: false, school: "Ancienne école") },
            establishment = new Dictionary<string, object?> { ["headcount"] = "12", ["name"] = "Atlas" },
            committee = "Comité central",
        });

        var typed = TypedAnswers.Of(FormTest.Definition, answers, FormTest.Context);

        Assert.False(typed.ContainsKey("end_date"));
        Assert.False(typed.ContainsKey("committee"));
        var row = Assert.Single((IReadOnlyList<Dictionary<string, object?>>)typed["dependants"]!);
        Assert.False(row.ContainsKey("school"));
        Assert.Equal("Salma", row["name"]);
    }

    [Fact]
    public void Of_Values_AreTypedByTheirField()
    {
        var answers = FormTest.Of(new
        {
            contract_type = "cdd",
            start_date = "2026-04-01",
            end_date = "2026-12-31",
            renewal = "true",
            renewal_count = "2",
            dependants = new[] { FormTest.Row("Salma", student: true, school: "Lycée Descartes") },
            establishment = new Dictionary<string, object?> { ["headcount"] = "60", ["name"] = "Atlas" },
        });

        var typed = TypedAnswers.Of(FormTest.Definition, answers, FormTest.Context);

        Assert.Equal("cdd", typed["contract_type"]);
        Assert.Equal("2026-04-01", typed["start_date"]);
        Assert.Equal(true, typed["renewal"]);
        Assert.Equal(2m, typed["renewal_count"]);
        Assert.Equal(true, ((IReadOnlyList<Dictionary<string, object?>>)typed["dependants"]!)[0]["student"]);
        Assert.Equal(60m, ((IReadOnlyDictionary<string, object?>)typed["establishment"]!)["headcount"]);
        // A computed value is the portal's, not an answer.
        Assert.False(typed.ContainsKey("dependants_count"));
    }

    [Fact]
    public void Of_NumberThatDoesNotParse_StaysText()
    {
        var answers = FormTest.Of(new { contract_type = "cdd", start_date = "2026-04-01", end_date = "2026-12-31", renewal = "true", renewal_count = "deux" });

        var typed = TypedAnswers.Of(FormTest.Definition, answers, FormTest.Context);

        Assert.Equal("deux", typed["renewal_count"]);
    }
}
