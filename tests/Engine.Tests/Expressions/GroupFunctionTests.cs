using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Tests.Expressions;

public sealed class GroupFunctionTests
{
    private static Answers Employee(string name, string birth, decimal? salary, bool manager = false) => new()
    {
        ["name"] = Value.From(name),
        ["birth_date"] = Value.From(Expr.Date(birth)),
        ["salary"] = Value.From(salary),
        ["is_manager"] = Value.From(manager),
        ["headcount"] = Value.From("row-level text"),
    };

    private static Answers Application(params Answers[] employees) => new()
    {
        ["employees"] = Value.Group(employees),
        ["minimum_salary"] = Value.From(3000m),
        ["headcount"] = Value.From(2m),
    };

    private static readonly Answers Team = Application(
        Employee("Amina", "1990-05-01", 5000m, manager: true),
        Employee("Youssef", "2009-01-10", 2500m),
        Employee("Salma", "2000-02-29", null));

    [Theory]
    [InlineData("count(employees)", 3)]
    [InlineData("count(employees, salary > 2000)", 2)]
    [InlineData("count(employees, age(birth_date) < 18)", 1)]
    [InlineData("count(employees, salary >= minimum_salary)", 1)]
    [InlineData("sum(employees, salary)", 7500)]
    [InlineData("sum(employees, salary * 12)", 90000)]
    [InlineData("sum(employees, 1)", 3)]
    [InlineData("count([1, 2, 3, 4])", 4)]
    [InlineData("count(amendment_types)", 0)]
    public void NumericGroupFunction_OverRows_Computes(string text, int expected)
    {
        Assert.Equal(Value.From((decimal)expected), Expr.Compile(text).Evaluate(Team, Expr.Context));
    }

    [Theory]
    [InlineData("any(employees, age(birth_date) < 18)", true)]
    [InlineData("any(employees, name == 'Karim')", false)]
    [InlineData("all(employees, not empty(name))", true)]
    [InlineData("all(employees, salary >= minimum_salary)", false)]
    [InlineData("any(employees, is_manager) and count(employees) > 2", true)]
    public void BooleanGroupFunction_OverRows_Decides(string text, bool expected)
    {
        Assert.Equal(Value.From(expected), Expr.Compile(text).Evaluate(Team, Expr.Context));
    }

    [Fact]
    public void RowScope_RowMemberWithTheSameNameAsAnOuterField_WinsInsideTheFunction()
    {
        // 'headcount' is text in each row and a number outside; the condition is typed and evaluated against the row.
        Assert.Equal(Value.From(3m), Expr.Compile("count(employees, headcount == 'row-level text')").Evaluate(Team, Expr.Context));
        Assert.NotNull(Expr.Compile("headcount > count(employees, is_manager)"));
        Assert.Equal("EP0405", Expr.Error("any(employees, headcount > 1)").Code);
    }

    [Fact]
    public void RowScope_NameOutsideTheGroupFunction_IsNotARowMember()
    {
        var error = Expr.Error("is_manager");

        Assert.Equal("EP0402", error.Code);
    }

    [Fact]
    public void RowScope_UnknownName_SuggestsRowMembers()
    {
        var error = Expr.Error("any(employees, is_manger)");

        Assert.Equal("unknown field 'is_manger' (did you mean 'is_manager'?)", error.Message);
        Assert.Equal(Expr.Column(15), error.Span.Column);
    }

    [Fact]
    public void GroupFunctions_OnEmptyOrMissingGroup_UseNeutralResults()
    {
        foreach (var answers in new[] { Application(), new Answers() })
        {
            Assert.Equal(Value.From(0m), Expr.Compile("count(employees)").Evaluate(answers, Expr.Context));
            Assert.Equal(Value.From(0m), Expr.Compile("count(employees, is_manager)").Evaluate(answers, Expr.Context));
            Assert.Equal(Value.From(0m), Expr.Compile("sum(employees, salary)").Evaluate(answers, Expr.Context));
            Assert.Equal(Value.False, Expr.Compile("any(employees, is_manager)").Evaluate(answers, Expr.Context));
            Assert.Equal(Value.True, Expr.Compile("all(employees, is_manager)").Evaluate(answers, Expr.Context));
        }
    }

    [Fact]
    public void Sum_RowsWithoutAValue_AreSkipped()
    {
        var answers = Application(Employee("A", "1990-01-01", null), Employee("B", "1990-01-01", 10m));

        Assert.Equal(Value.From(10m), Expr.Compile("sum(employees, salary)").Evaluate(answers, Expr.Context));
    }

    [Fact]
    public void Sum_Overflowing_GivesNull()
    {
        var answers = Application(Employee("A", "1990-01-01", decimal.MaxValue), Employee("B", "1990-01-01", decimal.MaxValue));

        Assert.Equal(Value.Null, Expr.Compile("sum(employees, salary)").Evaluate(answers, Expr.Context));
    }

    [Fact]
    public void GroupFunctions_Nested_ResolveEachRowThenTheOuterRowThenTheFields()
    {
        var unitRow = ExprType.GroupOf(new Dictionary<string, ExprType>
        {
            ["unit"] = ExprType.Text,
            ["staff"] = ExprType.GroupOf(new Dictionary<string, ExprType> { ["salary"] = ExprType.Number }),
            ["cap"] = ExprType.Number,
        });
        var scope = new TestScope(new Dictionary<string, ExprType> { ["units"] = unitRow, ["floor"] = ExprType.Number });
        var compiled = Expr.Compile("count(units, any(staff, salary > cap or salary < floor))", scope: scope);

        static Answers Staff(decimal salary) => new() { ["salary"] = Value.From(salary) };
        var answers = new Answers
        {
            ["floor"] = Value.From(100m),
            ["units"] = Value.Group([
                new Answers { ["cap"] = Value.From(1000m), ["staff"] = Value.Group([Staff(500m), Staff(900m)]) },
                new Answers { ["cap"] = Value.From(800m), ["staff"] = Value.Group([Staff(500m), Staff(900m)]) },
                new Answers { ["cap"] = Value.From(1000m), ["staff"] = Value.Group([Staff(50m)]) },
            ]),
        };

        Assert.Equal(Value.From(2m), compiled.Evaluate(answers, Expr.Context));
        Assert.Equal([["units"], ["floor"]], compiled.References);
    }
}
