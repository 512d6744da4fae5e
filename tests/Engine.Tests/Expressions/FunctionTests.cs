using System.Diagnostics;
using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Tests.Expressions;

public sealed class FunctionTests
{
    private static Value Eval(string text, string today = "2026-03-15") =>
        Expr.Eval(text, new Answers
        {
            ["name"] = Value.From("Atlas SARL"),
            ["nationality"] = Value.From(""),
            ["amendment_types"] = Value.List(),
            ["employees"] = Value.Group([]),
        }, new EvaluationContext(Expr.Date(today)));

    [Theory]
    [InlineData("empty(null)", true)]
    [InlineData("empty(birth_date)", true)]
    [InlineData("empty(nationality)", true)]
    [InlineData("empty(name)", false)]
    [InlineData("empty(amendment_types)", true)]
    [InlineData("empty([1])", false)]
    [InlineData("empty(employees)", true)]
    [InlineData("empty(0)", false)]
    [InlineData("empty(false)", false)]
    public void Empty_OnEachKindOfValue_IsTrueOnlyForNothing(string text, bool expected)
    {
        Assert.Equal(Value.From(expected), Eval(text));
    }

    [Fact]
    public void Today_ComesFromTheContextNotTheClock()
    {
        Assert.Equal(Value.From(Expr.Date("1999-12-31")), Eval("today()", today: "1999-12-31"));
    }

    [Theory]
    [InlineData("2008-03-15", 18)]
    [InlineData("2008-03-16", 17)]
    [InlineData("2008-03-14", 18)]
    [InlineData("2026-03-15", 0)]
    [InlineData("1960-12-31", 65)]
    public void Age_CountsWholeYearsAtToday(string birth, int expected)
    {
        Assert.Equal(Value.From((decimal)expected), Eval($"age({birth})"));
    }

    [Theory]
    [InlineData("2027-02-28", 18)]
    [InlineData("2027-03-01", 19)]
    [InlineData("2028-02-29", 20)]
    public void Age_BornOnTheTwentyNinthOfFebruary_HasBirthdayOnTheFirstOfMarchInOtherYears(string today, int expected)
    {
        Assert.Equal(Value.From((decimal)expected), Eval("age(2008-02-29)", today));
    }

    [Theory]
    [InlineData("days_between(2026-01-05, 2026-01-06)", 1)]
    [InlineData("days_between(2026-01-06, 2026-01-05)", -1)]
    [InlineData("days_between(2024-02-28, 2024-03-01)", 2)]
    [InlineData("days_between(2026-02-28, 2026-03-01)", 1)]
    [InlineData("days_between(2025-12-31, 2026-12-31)", 365)]
    [InlineData("days_between(2024-01-01, 2025-01-01)", 366)]
    [InlineData("months_between(2026-01-15, 2026-03-14)", 1)]
    [InlineData("months_between(2026-01-15, 2026-03-15)", 2)]
    [InlineData("months_between(2026-01-31, 2026-02-28)", 1)]
    [InlineData("months_between(2024-01-31, 2024-02-28)", 0)]
    [InlineData("months_between(2024-01-31, 2024-02-29)", 1)]
    [InlineData("months_between(2026-03-15, 2026-01-15)", -2)]
    [InlineData("months_between(2026-03-15, 2026-01-16)", -1)]
    [InlineData("months_between(2025-06-10, 2026-06-09)", 11)]
    [InlineData("year(2026-01-05)", 2026)]
    [InlineData("length(name)", 10)]
    [InlineData("length('')", 0)]
    [InlineData("length('مرحبا')", 5)]
    [InlineData("min(3, 2.5)", 2.5)]
    [InlineData("max(3, 2.5)", 3)]
    [InlineData("min(-1, 1)", -1)]
    public void NumberFunctions_ReturnTheExpectedNumber(string text, double expected)
    {
        Assert.Equal(Value.From((decimal)expected), Eval(text));
    }

    [Theory]
    [InlineData("add_days(2026-01-31, 1)", "2026-02-01")]
    [InlineData("add_days(2024-02-28, 1)", "2024-02-29")]
    [InlineData("add_days(2025-02-28, 1)", "2025-03-01")]
    [InlineData("add_days(2026-01-01, -1)", "2025-12-31")]
    [InlineData("add_days(2026-01-01, 2.9)", "2026-01-03")]
    [InlineData("add_months(2026-01-31, 1)", "2026-02-28")]
    [InlineData("add_months(2024-01-31, 1)", "2024-02-29")]
    [InlineData("add_months(2026-03-31, -1)", "2026-02-28")]
    [InlineData("add_months(2026-11-15, 3)", "2027-02-15")]
    [InlineData("add_years(2024-02-29, 1)", "2025-02-28")]
    [InlineData("add_years(2024-02-29, 4)", "2028-02-29")]
    [InlineData("add_days(today(), 30)", "2026-04-14")]
    [InlineData("min(2026-01-05, 2025-12-31)", "2025-12-31")]
    [InlineData("max(2026-01-05, 2025-12-31)", "2026-01-05")]
    public void DateFunctions_AcrossMonthEndsAndLeapYears_ReturnTheExpectedDate(string text, string expected)
    {
        Assert.Equal(Value.From(Expr.Date(expected)), Eval(text));
    }

    [Theory]
    [InlineData("add_days(9999-12-31, 1)")]
    [InlineData("add_years(0001-01-01, -1)")]
    [InlineData("add_days(2026-01-01, 79228162514264337593543950335)")]
    [InlineData("add_days(birth_date, 1)")]
    [InlineData("add_days(2026-01-01, headcount)")]
    [InlineData("age(birth_date)")]
    [InlineData("days_between(birth_date, 2026-01-01)")]
    [InlineData("months_between(2026-01-01, birth_date)")]
    [InlineData("year(birth_date)")]
    [InlineData("length(contract_type)")]
    [InlineData("lower(contract_type)")]
    [InlineData("min(headcount, 1)")]
    [InlineData("max(2026-01-01, birth_date)")]
    public void Functions_OnNullOrOutOfRange_GiveNull(string text)
    {
        Assert.Equal(Value.Null, Eval(text));
    }

    [Fact]
    public void LowerAndUpper_UseInvariantCasing()
    {
        Assert.Equal(Value.From("atlas sarl"), Eval("lower(name)"));
        Assert.Equal(Value.From("ATLAS SARL"), Eval("upper(name)"));
        Assert.Equal(Value.From("TITLE"), Eval("upper('title')"));
    }

    [Theory]
    [InlineData("AB123456", true)]
    [InlineData("A123", true)]
    [InlineData("ab123456", false)]
    [InlineData("XAB123456", false)]
    [InlineData("AB123456 ", false)]
    [InlineData("AB123456\n", false)]
    public void Matches_WholeTextAgainstThePattern(string cin, bool expected)
    {
        var compiled = Expr.Compile("matches(name, \"[A-Z]{1,2}[0-9]+\")");

        Assert.Equal(Value.From(expected), compiled.Evaluate(new Answers { ["name"] = Value.From(cin) }, Expr.Context));
    }

    [Fact]
    public void Matches_AlternationInThePattern_StillMatchesTheWholeText()
    {
        var compiled = Expr.Compile("matches(name, 'cdd|cdi')");

        Assert.True(compiled.Evaluate(new Answers { ["name"] = Value.From("cdi") }, Expr.Context).IsTrue);
        Assert.False(compiled.Evaluate(new Answers { ["name"] = Value.From("cdix") }, Expr.Context).IsTrue);
    }

    [Fact]
    public void Matches_NullText_IsFalse()
    {
        Assert.Equal(Value.False, Eval("matches(contract_type, '.*')"));
    }

    [Fact]
    public void Matches_CatastrophicBacktracking_TimesOutAsFalseWithoutThrowing()
    {
        var compiled = Expr.Compile("matches(name, '(a+)+b')");
        var input = new Answers { ["name"] = Value.From(new string('a', 5000) + "c") };

        var clock = Stopwatch.StartNew();
        var result = compiled.Evaluate(input, Expr.Context);

        Assert.Equal(Value.False, result);
        // At least the 50 ms timeout elapsed, so this went through the timeout path, not a quick non-match.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(45), $"took {clock.Elapsed}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.True(compiled.Evaluate(new Answers { ["name"] = Value.From("aaab") }, Expr.Context).IsTrue);
    }
}
