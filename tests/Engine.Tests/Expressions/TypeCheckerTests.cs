using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Tests.Expressions;

public sealed class TypeCheckerTests
{
    [Fact]
    public void Comparison_DateWithNumber_ReportsEP0405AtTheOperator()
    {
        var error = Expr.Error("start_date > 10");

        Assert.Equal("EP0405", error.Code);
        Assert.StartsWith("cannot compare date 'start_date' with number 10 using '>'", error.Message, StringComparison.Ordinal);
        Assert.Contains("days_between", error.Message, StringComparison.Ordinal);
        Assert.Equal(Expr.Start.Line, error.Span.Line);
        Assert.Equal(Expr.Column(11), error.Span.Column);
        Assert.Equal($"procedures/test.yaml(12,31): error EP0405: {error.Message}", error.ToString());
    }

    [Fact]
    public void Comparison_DateWithNumberInsideALongerCondition_PointsAtThatOperator()
    {
        var error = Expr.Error("headcount >= 50 and\n   end_date <= 30");

        Assert.Equal(Expr.Start.Line + 1, error.Span.Line);
        Assert.Equal(13, error.Span.Column);
    }

    [Theory]
    [InlineData("headcount > 10")]
    [InlineData("start_date < end_date")]
    [InlineData("start_date >= 2026-01-01")]
    [InlineData("start_date < null")]
    [InlineData("name == \"x\"")]
    [InlineData("name != null")]
    [InlineData("null == start_date")]
    [InlineData("is_foreign == true")]
    [InlineData("amendment_types == [\"a\"]")]
    [InlineData("\"salary\" in amendment_types")]
    [InlineData("nationality in [\"DZ\", \"TN\"]")]
    [InlineData("headcount in [1, null, 3]")]
    [InlineData("null in amendment_types")]
    [InlineData("name in []")]
    [InlineData("not (nationality in [\"DZ\", \"TN\", \"SN\"])")]
    [InlineData("-headcount + salary * 2 / 3 - 1 > 0")]
    [InlineData("is_foreign and not (headcount > 1) or false")]
    [InlineData("establishment.address.province == \"Rabat\"")]
    [InlineData("establishment.headcount + headcount > 10")]
    public void TypeChecker_WellTypedExpression_Compiles(string text)
    {
        Assert.NotNull(Expr.Compile(text));
    }

    [Theory]
    [InlineData("name < \"b\"", "cannot compare text 'name' with text \"b\" using '<'", 5)]
    [InlineData("is_foreign > false", "cannot compare true/false 'is_foreign' with true/false false using '>'", 11)]
    [InlineData("name == 1", "cannot compare text 'name' with number 1 using '=='", 5)]
    [InlineData("start_date != \"2026-01-01\"", "cannot compare date 'start_date' with text \"2026-01-01\" using '!='", 11)]
    [InlineData("headcount in amendment_types", "cannot compare number 'headcount' with list of text 'amendment_types' using 'in'", 10)]
    [InlineData("1 in [\"a\"]", "cannot compare number 1 with list of text '[\"a\"]' using 'in'", 2)]
    [InlineData("(headcount + 1) >= start_date", "cannot compare number '(headcount + 1)' with date 'start_date' using '>='", 16)]
    public void Comparison_MismatchedTypes_ReportsEP0405(string text, string message, int offset)
    {
        var error = Expr.Error(text);

        Assert.Equal("EP0405", error.Code);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(Expr.Column(offset), error.Span.Column);
    }

    [Theory]
    [InlineData("headcount and is_foreign", "operator 'and' needs true/false values, but 'headcount' is a number", 0)]
    [InlineData("is_foreign or name", "operator 'or' needs true/false values, but 'name' is text", 14)]
    [InlineData("not headcount", "operator 'not' needs a true/false value, but 'headcount' is a number", 4)]
    [InlineData("-name", "operator '-' needs a number, but 'name' is text", 1)]
    [InlineData("name + 1", "operator '+' needs numbers, but 'name' is text", 0)]
    [InlineData("headcount * true", "operator '*' needs numbers, but true is true/false", 12)]
    [InlineData("start_date + 30", "operator '+' needs numbers (for dates use add_days, add_months or days_between), but 'start_date' is a date", 0)]
    [InlineData("nationality in \"DZ\"", "operator 'in' needs a list on its right", 15)]
    public void Operator_OperandOfWrongType_ReportsEP0413AtTheOperand(string text, string message, int offset)
    {
        var error = Expr.Error(text);

        Assert.Equal("EP0413", error.Code);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(Expr.Column(offset), error.Span.Column);
    }

    [Fact]
    public void UnknownField_CloseToAKnownOne_ReportsEP0402WithDidYouMean()
    {
        var error = Expr.Error("headcuont > 10");

        Assert.Equal("EP0402", error.Code);
        Assert.Equal("unknown field 'headcuont' (did you mean 'headcount'?)", error.Message);
        Assert.Equal(Expr.Column(0), error.Span.Column);
    }

    [Fact]
    public void UnknownField_FarFromEveryName_HasNoSuggestion()
    {
        var error = Expr.Error("is_foreign and zzzzzz");

        Assert.Equal("unknown field 'zzzzzz'", error.Message);
        Assert.Equal(Expr.Column(15), error.Span.Column);
    }

    [Fact]
    public void UnknownField_UsedInAComparison_DoesNotCascadeIntoATypeError()
    {
        var errors = Expr.Errors("(strat_date > 10) and missing_flag");

        Assert.Equal(["EP0402", "EP0402"], errors.Select(error => error.Code));
        Assert.Contains("did you mean 'start_date'?", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypeChecker_SeveralIndependentErrors_ReportsEachOnce()
    {
        var errors = Expr.Errors("name > 1 or headcount and start_date");

        Assert.Equal(["EP0405", "EP0413", "EP0413"], errors.Select(error => error.Code));
    }

    [Fact]
    public void Member_OfARecord_ResolvesThroughNestedRecords()
    {
        var compiled = Expr.Compile("establishment.address.province");

        Assert.Equal(ExprType.Text, compiled.Type);
    }

    [Fact]
    public void Member_UnknownInARecord_ReportsEP0412WithDidYouMean()
    {
        var error = Expr.Error("establishment.address.provnce == \"Rabat\"");

        Assert.Equal("EP0412", error.Code);
        Assert.Equal("'establishment.address' has no member 'provnce' (did you mean 'province'?)", error.Message);
        Assert.Equal(Expr.Column(22), error.Span.Column);
    }

    [Fact]
    public void Member_UnknownWithNoCloseName_ListsTheMembers()
    {
        var error = Expr.Error("establishment.zzzzzzzz");

        Assert.Equal("'establishment' has no member 'zzzzzzzz'; its members are address, headcount", error.Message);
    }

    [Fact]
    public void Member_OfAGroup_ReportsEP0410SuggestingGroupFunctions()
    {
        var error = Expr.Error("employees.salary > 0");

        Assert.Equal("EP0410", error.Code);
        Assert.StartsWith("cannot use '.' on 'employees': it is a group of rows; use count(employees), sum(employees, ...)", error.Message, StringComparison.Ordinal);
        Assert.Equal(Expr.Column(10), error.Span.Column);
    }

    [Fact]
    public void Member_OfANumber_ReportsEP0410()
    {
        var error = Expr.Error("headcount.value");

        Assert.Equal("EP0410", error.Code);
        Assert.Equal("cannot use '.' on 'headcount': it is a number; only records have members", error.Message);
    }

    [Fact]
    public void UnknownFunction_CloseToAKnownOne_ReportsEP0403WithDidYouMeanAndTheList()
    {
        var error = Expr.Error("is_foreign and emtpy(name)");

        Assert.Equal("EP0403", error.Code);
        Assert.StartsWith("unknown function 'emtpy' (did you mean 'empty'?); the functions are: add_days, add_months, add_years, age, all, any, count,", error.Message, StringComparison.Ordinal);
        Assert.Equal(Expr.Column(15), error.Span.Column);
    }

    [Fact]
    public void UnknownFunction_MisspelledGroupFunction_DoesNotReportItsRowMembersAsUnknown()
    {
        var error = Expr.Error("cuont(employees, is_manager)");

        Assert.Equal("EP0403", error.Code);
        Assert.Contains("(did you mean 'count'?)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("age(birth_date, today())", "function 'age' takes 1 argument, got 2")]
    [InlineData("today(1)", "function 'today' takes 0 arguments, got 1")]
    [InlineData("days_between(start_date)", "function 'days_between' takes 2 arguments, got 1")]
    [InlineData("count()", "function 'count' takes 1 or 2 arguments, got 0")]
    [InlineData("sum(employees)", "function 'sum' takes 2 arguments, got 1")]
    public void Call_WrongNumberOfArguments_ReportsEP0404(string text, string message)
    {
        var error = Expr.Error(text);

        Assert.Equal("EP0404", error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal(Expr.Column(0), error.Span.Column);
    }

    [Theory]
    [InlineData("age(10)", "argument 1 of 'age' must be a date, but 10 is a number", 4)]
    [InlineData("add_days(start_date, \"3\")", "argument 2 of 'add_days' must be a number, but \"3\" is text", 21)]
    [InlineData("length(headcount)", "argument 1 of 'length' must be text, but 'headcount' is a number", 7)]
    [InlineData("lower(start_date)", "argument 1 of 'lower' must be text, but 'start_date' is a date", 6)]
    [InlineData("min(headcount, start_date)", "argument 2 of 'min' must be a number like argument 1, but 'start_date' is a date", 15)]
    [InlineData("max(name, 1)", "argument 1 of 'max' must be a number or a date, but 'name' is text", 4)]
    [InlineData("count(headcount)", "argument 1 of 'count' must be a group or a list, but 'headcount' is a number", 6)]
    [InlineData("any(amendment_types, true)", "argument 1 of 'any' must be a group (repeating rows), but 'amendment_types' is a list of text", 4)]
    [InlineData("any(employees, salary)", "argument 2 of 'any' must be a condition (true/false) checked for each row, but 'salary' is a number", 15)]
    [InlineData("sum(employees, name)", "argument 2 of 'sum' must be a number computed for each row, but 'name' is text", 15)]
    [InlineData("matches(headcount, \"[0-9]+\")", "argument 1 of 'matches' must be text, but 'headcount' is a number", 8)]
    public void Call_ArgumentOfWrongType_ReportsEP0406AtTheArgument(string text, string message, int offset)
    {
        var error = Expr.Error(text);

        Assert.Equal("EP0406", error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal(Expr.Column(offset), error.Span.Column);
    }

    [Theory]
    [InlineData("empty(employees)")]
    [InlineData("empty(null)")]
    [InlineData("age(null) > 18")]
    [InlineData("min(start_date, end_date) < 2026-01-01")]
    [InlineData("max(null, headcount) > 1")]
    [InlineData("count(amendment_types) > 0")]
    [InlineData("count(employees, age(birth_date) < 18) == 0")]
    [InlineData("all(employees, salary >= minimum_salary)")]
    public void Call_ArgumentsOfAcceptedTypes_Compile(string text)
    {
        Assert.NotNull(Expr.Compile(text));
    }

    [Fact]
    public void Matches_PatternNotALiteral_ReportsEP0415()
    {
        var error = Expr.Error("matches(name, nationality)");

        Assert.Equal("EP0415", error.Code);
        Assert.Equal(Expr.Column(14), error.Span.Column);
    }

    [Fact]
    public void Matches_InvalidPattern_ReportsEP0408AtThePattern()
    {
        var error = Expr.Error("matches(name, \"[0-9\")");

        Assert.Equal("EP0408", error.Code);
        Assert.Equal("invalid regular expression \"[0-9\" in 'matches': unterminated bracket", error.Message);
        Assert.Equal(Expr.Column(14), error.Span.Column);
    }

    [Fact]
    public void ListLiteral_MixedItemTypes_ReportsEP0414AtTheOddItem()
    {
        var error = Expr.Error("nationality in [\"DZ\", 3]");

        Assert.Equal("EP0414", error.Code);
        Assert.Equal("all items of a list must have the same type, but 3 is a number and the first item is text", error.Message);
        Assert.Equal(Expr.Column(22), error.Span.Column);
    }

    [Theory]
    [InlineData("headcount", "this expression must be true/false (it is a condition), but it is a number; a condition is a comparison")]
    [InlineData("name", "this expression must be true/false (it is a condition), but it is text")]
    [InlineData("add_days(start_date, 1)", "but it is a date")]
    public void ExpectedType_ConditionThatIsNotBoolean_ReportsEP0407(string text, string message)
    {
        var error = Expr.Error(text, ExprType.Boolean);

        Assert.Equal("EP0407", error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(Expr.Column(0), error.Span.Column);
    }

    [Fact]
    public void ExpectedType_NumberForAComputedValue_AcceptsArithmeticAndRejectsText()
    {
        Assert.Equal(ExprType.Number, Expr.Compile("salary * 12", ExprType.Number).Type);

        var error = Expr.Error("name", ExprType.Number);
        Assert.Equal("this expression must be a number, but it is text", error.Message);
    }

    [Theory]
    [InlineData("headcount > 1", TypeKind.Boolean)]
    [InlineData("salary * 12", TypeKind.Number)]
    [InlineData("upper(name)", TypeKind.Text)]
    [InlineData("add_months(start_date, 1)", TypeKind.Date)]
    [InlineData("[1, 2]", TypeKind.List)]
    [InlineData("establishment", TypeKind.Record)]
    [InlineData("employees", TypeKind.Group)]
    [InlineData("count(employees)", TypeKind.Number)]
    [InlineData("any(employees, is_manager)", TypeKind.Boolean)]
    [InlineData("min(start_date, end_date)", TypeKind.Date)]
    [InlineData("null", TypeKind.Null)]
    public void TypeChecker_Expression_HasTheInferredType(string text, TypeKind kind)
    {
        Assert.Equal(kind, Expr.Compile(text).Type.Kind);
    }

    [Fact]
    public void ExprType_ToString_IsReadable()
    {
        Assert.Equal("list of text", ExprType.ListOf(ExprType.Text).ToString());
        Assert.Equal("list of list of date", ExprType.ListOf(ExprType.ListOf(ExprType.Date)).ToString());
        Assert.Equal("number", ExprType.Number.ToString());
        Assert.Equal("group", TestScope.Employees.ToString());
        Assert.Equal("record", TestScope.Establishment.ToString());
    }

    [Fact]
    public void ExprType_Equality_IsStructural()
    {
        Assert.Equal(ExprType.ListOf(ExprType.Text), ExprType.ListOf(ExprType.Text));
        Assert.NotEqual(ExprType.ListOf(ExprType.Text), ExprType.ListOf(ExprType.Number));
        Assert.Equal(
            ExprType.RecordOf(new Dictionary<string, ExprType> { ["a"] = ExprType.Number }),
            ExprType.RecordOf(new Dictionary<string, ExprType> { ["a"] = ExprType.Number }));
        Assert.NotEqual(
            ExprType.RecordOf(new Dictionary<string, ExprType> { ["a"] = ExprType.Number }),
            ExprType.GroupOf(new Dictionary<string, ExprType> { ["a"] = ExprType.Number }));
    }
}
