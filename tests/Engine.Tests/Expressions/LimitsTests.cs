using System.Diagnostics;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Tests.Expressions;

public sealed class LimitsTests
{
    [Fact]
    public void Limits_TextLongerThan2000Characters_ReportsEP0409AtTheStart()
    {
        var text = string.Join(" + ", Enumerable.Repeat("headcount", 500));

        var error = Expr.Error(text);

        Assert.Equal("EP0409", error.Code);
        Assert.Equal($"expression is too long ({text.Length} characters) (the limit is 2000 characters); split it into computed fields", error.Message);
        Assert.Equal(Expr.Start, error.Span);
    }

    [Fact]
    public void Limits_TextOfExactly2000Characters_IsAccepted()
    {
        var text = ("1" + string.Concat(Enumerable.Repeat(" + 1", 499))).PadRight(2000);
        Assert.Equal(2000, text.Length);

        Assert.Equal(Value.From(500m), Expr.Compile(text).Evaluate(new Answers(), Expr.Context));
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("-", "")]
    [InlineData("not ", "")]
    [InlineData("[", "]")]
    [InlineData("age(", ")")]
    public void Limits_NestingOf1000Levels_ReportsEP0409QuicklyWithoutStackOverflow(string open, string close)
    {
        var depth = 1000 / Math.Max(open.Length, 1);
        var inner = open == "not " ? "true" : open == "age(" ? "birth_date" : "1";
        var text = string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));
        var diagnostics = new List<Diagnostic>();

        var clock = Stopwatch.StartNew();
        var compiled = ExpressionCompiler.Compile(text, TestScope.Default, Expr.Start, null, diagnostics);

        Assert.Null(compiled);
        var error = Assert.Single(diagnostics);
        Assert.Equal("EP0409", error.Code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Limits_Nesting32Levels_IsAcceptedAnd33IsNot()
    {
        static string Nested(int depth) => new string('(', depth) + "1" + new string(')', depth);

        Assert.Equal(Value.From(1m), Expr.Compile(Nested(32)).Evaluate(new Answers(), Expr.Context));
        var error = Expr.Error(Nested(33));
        Assert.Equal("EP0409", error.Code);
        Assert.Equal(Expr.Column(32), error.Span.Column);
        Assert.Contains("too deeply nested", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_LongFlatChainWithinTheLengthLimit_CompilesAndEvaluates()
    {
        var text = string.Join(" or ", Enumerable.Repeat("is_foreign", 140));

        Assert.Equal(Value.True, Expr.Compile(text).Evaluate(new Answers { ["is_foreign"] = Value.From(true) }, Expr.Context));
    }
}
