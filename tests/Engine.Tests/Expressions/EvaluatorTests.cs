using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Tests.Expressions;

public sealed class EvaluatorTests
{
    private static Answers Sample() => new()
    {
        ["headcount"] = Value.From(60m),
        ["salary"] = Value.From(3000m),
        ["name"] = Value.From("Atlas SARL"),
        ["nationality"] = Value.From("SN"),
        ["is_foreign"] = Value.From(true),
        ["start_date"] = Value.From(Expr.Date("2026-01-05")),
        ["end_date"] = Value.From(Expr.Date("2026-07-05")),
        ["amendment_types"] = Value.List(Value.From("salary"), Value.From("duration")),
        ["establishment"] = Value.Record(new Dictionary<string, Value>
        {
            ["headcount"] = Value.From(12m),
            ["address"] = Value.Record(new Dictionary<string, Value> { ["province"] = Value.From("Rabat") }),
        }),
    };

    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("7 / 2", 3.5)]
    [InlineData("-headcount + 100", 40)]
    [InlineData("- -5", 5)]
    [InlineData("salary * 12", 36000)]
    [InlineData("0.1 + 0.2", 0.3)]
    [InlineData("establishment.headcount + headcount", 72)]
    public void Arithmetic_OnNumbers_ComputesExactDecimals(string text, double expected)
    {
        Assert.Equal(Value.From((decimal)expected), Expr.Eval(text, Sample()));
    }

    [Theory]
    [InlineData("headcount / 0")]
    [InlineData("headcount / (salary - 3000)")]
    [InlineData("minimum_salary + 1")]
    [InlineData("-minimum_salary")]
    [InlineData("2 * minimum_salary")]
    [InlineData("79228162514264337593543950335 * 2")]
    [InlineData("79228162514264337593543950335 + 1")]
    public void Arithmetic_NullDivisionByZeroOrOverflow_GivesNull(string text)
    {
        Assert.Equal(Value.Null, Expr.Eval(text, Sample()));
    }

    [Theory]
    [InlineData("headcount > 50", true)]
    [InlineData("headcount >= 60", true)]
    [InlineData("headcount < 60", false)]
    [InlineData("headcount <= 60", true)]
    [InlineData("headcount == 60", true)]
    [InlineData("headcount == 60.00", true)]
    [InlineData("headcount != 60", false)]
    [InlineData("end_date > start_date", true)]
    [InlineData("start_date >= 2026-01-05", true)]
    [InlineData("start_date < 2026-01-05", false)]
    [InlineData("start_date == 2026-01-05", true)]
    [InlineData("name == \"Atlas SARL\"", true)]
    [InlineData("name == \"atlas sarl\"", false)]
    [InlineData("name != 'Atlas SARL'", false)]
    [InlineData("is_foreign == true", true)]
    [InlineData("amendment_types == [\"salary\", \"duration\"]", true)]
    [InlineData("amendment_types == [\"duration\", \"salary\"]", false)]
    [InlineData("establishment.address.province == \"Rabat\"", true)]
    public void Comparison_OnValues_ComparesByValue(string text, bool expected)
    {
        Assert.Equal(Value.From(expected), Expr.Eval(text, Sample()));
    }

    [Theory]
    [InlineData("minimum_salary == null", true)]
    [InlineData("minimum_salary != null", false)]
    [InlineData("null == null", true)]
    [InlineData("headcount == null", false)]
    [InlineData("minimum_salary == 0", false)]
    [InlineData("minimum_salary > 0", false)]
    [InlineData("minimum_salary < 0", false)]
    [InlineData("minimum_salary <= 0", false)]
    [InlineData("birth_date < 2026-01-01", false)]
    [InlineData("birth_date >= 2026-01-01", false)]
    [InlineData("not minimum_salary > 0", true)]
    [InlineData("contract_type in [\"cdd\", \"cdi\"]", false)]
    [InlineData("\"salary\" in missing_list", false)]
    [InlineData("establishment.address.city == null", true)]
    public void Comparison_WithNull_IsFalseExceptForEquality(string text, bool expected)
    {
        var scope = new TestScope(new Dictionary<string, ExprType>(TestScope.Default.Names.ToDictionary(n => n, n => TestScope.Default.Lookup(n)!))
        {
            ["missing_list"] = ExprType.ListOf(ExprType.Text),
        });
        var compiled = Expr.Compile(text, scope: scope);

        Assert.Equal(Value.From(expected), compiled.Evaluate(Sample(), Expr.Context));
    }

    [Theory]
    [InlineData("true and true", true)]
    [InlineData("true and false", false)]
    [InlineData("false or true", true)]
    [InlineData("false or false", false)]
    [InlineData("not true", false)]
    [InlineData("not false", true)]
    [InlineData("not null", true)]
    [InlineData("null and true", false)]
    [InlineData("null or true", true)]
    [InlineData("null or null", false)]
    [InlineData("is_foreign and headcount > 50", true)]
    [InlineData("not is_foreign or headcount > 100", false)]
    public void Logic_WithBooleansAndNull_TreatsNullAsFalse(string text, bool expected)
    {
        Assert.Equal(Value.From(expected), Expr.Eval(text, Sample()));
    }

    [Fact]
    public void Logic_And_ShortCircuitsSoTheRightSideIsNotRead()
    {
        var answers = new CountingAnswers(Sample());

        Expr.Compile("headcount > 100 and salary > 0").Evaluate(answers, Expr.Context);
        Expr.Compile("headcount > 1 or salary > 0").Evaluate(answers, Expr.Context);

        Assert.Equal(["headcount", "headcount"], answers.Reads);
    }

    [Theory]
    [InlineData("\"salary\" in amendment_types", true)]
    [InlineData("\"bonus\" in amendment_types", false)]
    [InlineData("nationality in [\"DZ\", \"TN\", \"SN\"]", true)]
    [InlineData("not (nationality in [\"DZ\", \"TN\"])", true)]
    [InlineData("headcount in [10, 60.0]", true)]
    [InlineData("start_date in [2026-01-05]", true)]
    [InlineData("name in []", false)]
    [InlineData("contract_type in [null]", false)]
    public void In_ListMembership_ComparesByValue(string text, bool expected)
    {
        Assert.Equal(Value.From(expected), Expr.Eval(text, Sample()));
    }

    [Fact]
    public void Evaluate_UnansweredFields_ReadAsNull()
    {
        Assert.Equal(Value.Null, Expr.Eval("establishment.address.province"));
        Assert.Equal(Value.Null, Expr.Eval("name"));
    }

    [Fact]
    public void Evaluate_ValuesOfAnUnexpectedKind_AreTreatedAsNull()
    {
        var wrong = new Answers
        {
            ["headcount"] = Value.From("sixty"),
            ["start_date"] = Value.From(3m),
            ["amendment_types"] = Value.From(true),
            ["establishment"] = Value.From("not a record"),
            ["employees"] = Value.From(5m),
            ["name"] = Value.List(Value.From(1m)),
        };

        Assert.Equal(Value.Null, Expr.Compile("headcount + 1").Evaluate(wrong, Expr.Context));
        Assert.Equal(Value.False, Expr.Compile("start_date > 2026-01-01").Evaluate(wrong, Expr.Context));
        Assert.Equal(Value.False, Expr.Compile("\"salary\" in amendment_types").Evaluate(wrong, Expr.Context));
        Assert.Equal(Value.Null, Expr.Compile("establishment.address.province").Evaluate(wrong, Expr.Context));
        Assert.Equal(Value.From(0m), Expr.Compile("count(employees)").Evaluate(wrong, Expr.Context));
        Assert.Equal(Value.False, Expr.Compile("any(employees, is_manager)").Evaluate(wrong, Expr.Context));
        Assert.Equal(Value.Null, Expr.Compile("age(start_date)").Evaluate(wrong, Expr.Context));
        Assert.Equal(Value.Null, Expr.Compile("upper(name)").Evaluate(wrong, Expr.Context));
        Assert.Equal(Value.False, Expr.Compile("matches(name, \"x\")").Evaluate(wrong, Expr.Context));
        Assert.Equal(Value.Null, Expr.Compile("length(name)").Evaluate(wrong, Expr.Context));
    }

    [Fact]
    public void Evaluate_SameCompiledExpressionTwice_ReadsTheNewAnswers()
    {
        var compiled = Expr.Compile("headcount >= 50", ExprType.Boolean);

        Assert.True(compiled.Evaluate(new Answers { ["headcount"] = Value.From(50m) }, Expr.Context).IsTrue);
        Assert.False(compiled.Evaluate(new Answers { ["headcount"] = Value.From(49m) }, Expr.Context).IsTrue);
        Assert.False(compiled.Evaluate(new Answers(), Expr.Context).IsTrue);
    }

    [Fact]
    public void ListLiteral_EvaluatesItsItems()
    {
        Assert.Equal(Value.List(Value.From(61m), Value.Null, Value.From(3m)), Expr.Eval("[headcount + 1, null, 3]", Sample()));
    }

    private sealed class CountingAnswers(IValueSource inner) : IValueSource
    {
        public List<string> Reads { get; } = [];

        public Value Get(string name)
        {
            Reads.Add(name);
            return inner.Get(name);
        }
    }
}
