using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Tests.Validation;

public sealed class FormStateTests
{
    [Fact]
    public void Evaluate_ChoiceNotAnswered_HidesTheFieldItConditions()
    {
        var state = FormState.Evaluate(FormTest.Definition, Answers.Empty, FormTest.Context);

        Assert.True(state.IsVisible("contract_type"));
        Assert.True(state.IsRequired("contract_type"));
        Assert.False(state.IsVisible("end_date"));
        Assert.False(state.IsRequired("end_date"));
    }

    [Fact]
    public void Evaluate_ChoiceAnswered_ShowsAndRequiresTheConditionalField()
    {
        var state = FormState.Evaluate(FormTest.Definition, FormTest.Of(new { contract_type = "cdd" }), FormTest.Context);

        Assert.True(state.IsVisible("end_date"));
        Assert.True(state.IsRequired("end_date"));
    }

    [Fact]
    public void Evaluate_FragmentFieldsAndConditionalSection_UseSectionPathsAndFollowTheAnswer()
    {
        var small = FormState.Evaluate(FormTest.Definition, FormTest.Of(new { establishment = new Dictionary<string, object?> { ["headcount"] = "12" } }), FormTest.Context);
        var large = FormState.Evaluate(FormTest.Definition, FormTest.Of(new { establishment = new Dictionary<string, object?> { ["headcount"] = "80" } }), FormTest.Context);

        Assert.True(small.IsVisible("establishment.headcount"));
        Assert.False(small.IsSectionVisible("large_employer"));
        Assert.False(small.IsVisible("committee"));
        Assert.False(small.IsDocumentRequired("committee_minutes"));
        Assert.True(large.IsSectionVisible("large_employer"));
        Assert.True(large.IsRequired("committee"));
        Assert.True(large.IsDocumentRequired("committee_minutes"));
        Assert.True(large.IsDocumentRequired("contract_copy"));
    }

    [Fact]
    public void Evaluate_GroupRows_EvaluatesEachRowsConditionsAndTheComputedCount()
    {
        var answers = FormTest.Of(new { dependants = new[] { FormTest.Row("Salma", student: true), FormTest.Row("Youssef", student: false) } });

        var state = FormState.Evaluate(FormTest.Definition, answers, FormTest.Context);

        Assert.True(state.IsRequired("dependants[0].school"));
        Assert.False(state.IsVisible("dependants[1].school"));
        Assert.True(state.IsVisible("dependants[1].name"));
        Assert.False(state.IsVisible("dependants[2].name"));
        Assert.Equal(2m, state.Field("dependants_count").Value.AsNumber);
    }

    [Fact]
    public void Evaluate_DateBounds_AreEvaluatedAgainstTodayAndOtherAnswers()
    {
        var state = FormState.Evaluate(FormTest.Definition, FormTest.Of(new { contract_type = "cdd", start_date = "2026-04-01" }), FormTest.Context);

        Assert.Equal(new DateOnly(2026, 3, 2), state.Field("start_date").Earliest);
        Assert.Equal(new DateOnly(2026, 4, 1), state.Field("end_date").Earliest);
        Assert.Null(state.Field("end_date").Latest);
    }

    [Fact]
    public void Evaluate_UnknownPath_IsHidden()
    {
        var state = FormState.Evaluate(FormTest.Definition, Answers.Empty, FormTest.Context);

        Assert.Same(FieldState.Hidden, state.Field("no_such_field"));
    }
}
