using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Expressions.Parsing;
using EmploymentProcedures.Engine.Expressions.Syntax;

namespace EmploymentProcedures.Engine.Tests.Expressions;

public sealed class ParserTests
{
    private static string Tree(string text)
    {
        var diagnostics = new List<Diagnostic>();
        var syntax = Parser.Parse(text, new SourceMap(text, Expr.Start), diagnostics);
        Assert.True(syntax is not null, string.Join("; ", diagnostics));
        return Print(syntax);
    }

    private static string Print(ExpressionSyntax syntax) => syntax switch
    {
        LiteralSyntax literal => literal.Value.ToString(),
        ReferenceSyntax reference => string.Join('.', reference.Segments),
        UnarySyntax unary => $"({(unary.Operator == TokenKind.Not ? "not" : "-")} {Print(unary.Operand)})",
        BinarySyntax binary => $"({Print(binary.Left)} {binary.Operator.Text} {Print(binary.Right)})",
        CallSyntax call => $"{call.Name}({string.Join(", ", call.Arguments.Select(Print))})",
        ListSyntax list => $"[{string.Join(", ", list.Items.Select(Print))}]",
        _ => "?",
    };

    [Theory]
    [InlineData("a or b and c", "(a or (b and c))")]
    [InlineData("a and b or c", "((a and b) or c)")]
    [InlineData("not a and b", "((not a) and b)")]
    [InlineData("not a == b", "(not (a == b))")]
    [InlineData("a + b * c", "(a + (b * c))")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a / b * c", "((a / b) * c)")]
    [InlineData("(a + b) * c", "((a + b) * c)")]
    [InlineData("-a * b", "((- a) * b)")]
    [InlineData("a * -b", "(a * (- b))")]
    [InlineData("a + 1 > b * 2 and c", "(((a + 1) > (b * 2)) and c)")]
    [InlineData("x in [1, 2] or y", "((x in [1, 2]) or y)")]
    [InlineData("not not a", "(not (not a))")]
    public void Parser_OperatorsByPrecedence_GroupAsExpected(string text, string expected)
    {
        Assert.Equal(expected, Tree(text));
    }

    [Theory]
    [InlineData("10", "10")]
    [InlineData("2.5", "2.5")]
    [InlineData("\"a \\\"b\\\" \\\\ c\"", "\"a \"b\" \\ c\"")]
    [InlineData("'it\\'s'", "\"it's\"")]
    [InlineData("'say \"hi\"'", "\"say \"hi\"\"")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    [InlineData("2026-01-05", "2026-01-05")]
    [InlineData("[]", "[]")]
    [InlineData("establishment.address.province", "establishment.address.province")]
    [InlineData("today()", "today()")]
    [InlineData("days_between(start_date, end_date)", "days_between(start_date, end_date)")]
    public void Parser_Literals_AreRead(string text, string expected)
    {
        Assert.Equal(expected, Tree(text));
    }

    [Fact]
    public void Parser_DateLiteral_IsOneTokenNotASubtraction()
    {
        Assert.Equal("(start_date > 2026-01-05)", Tree("start_date > 2026-01-05"));
        Assert.Equal("((2026 - 1) - 5)", Tree("2026 - 1 - 5"));
    }

    [Fact]
    public void Parser_MultiLineText_IsAccepted()
    {
        Assert.Equal("((a > 1) and (b < 2))", Tree("a > 1\n  and b < 2"));
    }

    [Theory]
    [InlineData("headcount >", 11, "expected a value, a field name or '(' but found the end of the expression")]
    [InlineData("headcount > > 1", 12, "found '>'")]
    [InlineData("(headcount > 1", 14, "expected ')' to close the '(' opened earlier")]
    [InlineData("headcount 1", 10, "expected an operator or the end of the expression but found number 1")]
    [InlineData("a < b < c", 6, "comparisons cannot be chained")]
    [InlineData("a == b in c", 7, "comparisons cannot be chained")]
    [InlineData("a = 1", 2, "expected '==' to compare but found '='")]
    [InlineData("a && b", 2, "expected 'and' but found '&&'")]
    [InlineData("a || b", 2, "expected 'or' but found '||'")]
    [InlineData("!a", 0, "expected 'not' or '!=' but found '!'")]
    [InlineData("\"open", 0, "expected a closing \" for this text but found the end of the expression")]
    [InlineData("'a\\nb'", 2, "found '\\n'")]
    [InlineData("a # b", 2, "found '#'")]
    [InlineData("Headcount > 1", 0, "expected a lowercase name such as 'headcount' but found 'Headcount'")]
    [InlineData("establishment.", 14, "expected a member name after '.'")]
    [InlineData("age(birth_date", 14, "expected ',' or ')' to close the call to 'age'")]
    [InlineData("[1, 2", 5, "expected ']' to close the list")]
    [InlineData("f(1,)", 4, "found ')'")]
    [InlineData("", 0, "found the end of the expression")]
    public void Parser_SyntaxError_ReportsEP0401AtTheOffendingToken(string text, int offset, string message)
    {
        var error = Expr.Error(text);

        Assert.Equal("EP0401", error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(Expr.Start.Line, error.Span.Line);
        Assert.Equal(Expr.Column(offset), error.Span.Column);
    }

    [Theory]
    [InlineData("start_date > 2026-02-30", 13, "invalid date 2026-02-30")]
    [InlineData("start_date > 2026-1-5", 13, "invalid date 2026-1-5: write dates as YYYY-MM-DD")]
    [InlineData("headcount > 99999999999999999999999999999999", 12, "invalid number 99999999999999999999999999999999: it is too large")]
    public void Parser_InvalidLiteral_ReportsEP0411(string text, int offset, string message)
    {
        var error = Expr.Error(text);

        Assert.Equal("EP0411", error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(Expr.Column(offset), error.Span.Column);
    }

    [Fact]
    public void Parser_ErrorOnALaterLine_ReportsLineAndColumnWithinThatLine()
    {
        var error = Expr.Error("headcount > 1\n  and\n    salary > )");

        Assert.Equal(Expr.Start.Line + 2, error.Span.Line);
        Assert.Equal(14, error.Span.Column);
        Assert.Equal("procedures/test.yaml", error.Span.File);
    }

    [Fact]
    public void Parser_ErrorOnFirstLineOfMultiLineText_ShiftsFromTheStartColumn()
    {
        var error = Expr.Error("headcount >> 1\n and salary > 0");

        Assert.Equal(Expr.Start.Line, error.Span.Line);
        Assert.Equal(Expr.Column(11), error.Span.Column);
    }
}
