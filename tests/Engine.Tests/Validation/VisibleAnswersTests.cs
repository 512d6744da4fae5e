using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Tests.Validation;

public sealed class VisibleAnswersTests
{
    [Fact]
    public void Prune_NothingHidden_ReturnsTheSameAnswers()
    {
        var answers = FormTest.Of(new { contract_type = "cdd", start_date = "2026-04-01", end_date = "2026-12-31" });

        Assert.Same(answers, VisibleAnswers.Prune(FormTest.Definition, answers, FormTest.Context));
    }

    [Fact]
    public void Prune_ConditionTurnedFalse_DropsTheHiddenAnswer()
    {
        var answers = FormTest.Of(new { contract_type = "cdi", start_date = "2026-04-01", end_date = "2026-12-31" });

        var pruned = VisibleAnswers.Prune(FormTest.Definition, answers, FormTest.Context);

        Assert.Null(pruned["end_date"]);
        Assert.Equal("cdi", pruned["contract_type"]);
        Assert.Equal("2026-04-01", pruned["start_date"]);
    }

    [Fact]
    public void Prune_ChainOfConditions_DropsEveryAnswerTheFirstHiddenOneWasShowing()
    {
        // end_date shows renewal, which shows renewal_count: hiding end_date must hide all three.
        var answers = FormTest.Of(new { contract_type = "cdi", end_date = "2026-12-31", renewal = true, renewal_count = "2" });

        var pruned = VisibleAnswers.Prune(FormTest.Definition, answers, FormTest.Context);

        Assert.Equal(["contract_type"], pruned.Keys);
    }

    [Fact]
    public void Prune_HiddenSection_DropsItsAnswers()
    {
        var answers = FormTest.Of(new { establishment = new Dictionary<string, object?> { ["headcount"] = "12", ["name"] = "Atlas" }, committee = "Comité central" });

        var pruned = VisibleAnswers.Prune(FormTest.Definition, answers, FormTest.Context);

        Assert.Null(pruned["committee"]);
        Assert.Equal("Atlas", pruned.Get("establishment.name"));
    }

    [Fact]
    public void Prune_RowFieldHiddenInItsRow_DropsItFromThatRowOnly()
    {
        var answers = FormTest.Of(new { dependants = new[] { FormTest.Row("Salma", student: true, school: "Lycée Descartes"), FormTest.Row("Youssef", student: false, school: "Ancienne école") } });

        var pruned = VisibleAnswers.Prune(FormTest.Definition, answers, FormTest.Context);

        Assert.Equal("Lycée Descartes", ((Answers)((IReadOnlyList<object?>)pruned["dependants"]!)[0]!)["school"]);
        Assert.Null(((Answers)((IReadOnlyList<object?>)pruned["dependants"]!)[1]!)["school"]);
        Assert.Equal(2, ((IReadOnlyList<object?>)pruned["dependants"]!).Count);
    }

    [Fact]
    public void Prune_AnswersToComputedOrUnknownFields_AreDropped()
    {
        var answers = FormTest.Of(new { contract_type = "cdi", dependants_count = "7", nickname = "x" });

        var pruned = VisibleAnswers.Prune(FormTest.Definition, answers, FormTest.Context);

        Assert.Equal(["contract_type"], pruned.Keys);
    }

    [Fact]
    public void Prune_ThenValidate_NoLongerRequiresWhatAHiddenAnswerShowed()
    {
        // The raw answers still hold end_date (hidden by cdi) and renewal, so renewal_count looks required.
        var answers = FormTest.Of(new { contract_type = "cdi", start_date = "2026-04-01", end_date = "2026-12-31", renewal = true });
        var raw = SubmissionValidator.Validate(FormTest.Definition, Submission.Of(answers), FormTest.Context);

        var pruned = VisibleAnswers.Prune(FormTest.Definition, answers, FormTest.Context);
        var report = SubmissionValidator.Validate(FormTest.Definition, Submission.Of(pruned), FormTest.Context);

        Assert.Contains(raw.Errors, e => e.Path == "renewal_count");
        Assert.DoesNotContain(report.Errors, e => e.Path.StartsWith("renewal", StringComparison.Ordinal) || e.Path == "end_date");
    }

    [Fact]
    public void Prune_IsIdempotent()
    {
        var answers = FormTest.Of(new { contract_type = "cdi", end_date = "2026-12-31", renewal = true, committee = "x" });

        var once = VisibleAnswers.Prune(FormTest.Definition, answers, FormTest.Context);

        Assert.Same(once, VisibleAnswers.Prune(FormTest.Definition, once, FormTest.Context));
    }
}
