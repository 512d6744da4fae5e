namespace EmploymentProcedures.Engine.Tests.Expressions;

public sealed class ReferencesTests
{
    [Fact]
    public void References_DottedPaths_AreListedWhole()
    {
        var compiled = Expr.Compile("establishment.headcount > 10 and establishment.address.province == 'Rabat'");

        Assert.Equal([["establishment", "headcount"], ["establishment", "address", "province"]], compiled.References);
    }

    [Fact]
    public void References_SameFieldTwice_IsListedOnce()
    {
        var compiled = Expr.Compile("headcount > 1 and headcount < 10 or salary > headcount");

        Assert.Equal([["headcount"], ["salary"]], compiled.References);
    }

    [Fact]
    public void References_GroupFunction_ListsTheGroupAndOuterFieldsButNotRowMembers()
    {
        var compiled = Expr.Compile("all(employees, salary >= minimum_salary and age(birth_date) >= 18)");

        // 'salary' and 'birth_date' are row members here, even though 'birth_date' is also an outer field.
        Assert.Equal([["employees"], ["minimum_salary"]], compiled.References);
    }

    [Fact]
    public void References_LiteralsAndFunctionsOnly_AreEmpty()
    {
        Assert.Empty(Expr.Compile("add_days(today(), 30) > 2026-01-01").References);
    }

    [Fact]
    public void CompiledExpression_KeepsItsText()
    {
        const string Text = "headcount >= 50";

        Assert.Equal(Text, Expr.Compile(Text).Text);
        Assert.Equal(Text, Expr.Compile(Text).ToString());
    }
}
