using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Tests.Expressions;

public sealed class DiagnosticCatalogueTests
{
    private static readonly DiagnosticDescriptor[] Expressions =
    [
        DiagnosticCodes.ExpressionSyntax,
        DiagnosticCodes.ExpressionUnknownField,
        DiagnosticCodes.ExpressionUnknownFunction,
        DiagnosticCodes.ExpressionWrongArity,
        DiagnosticCodes.ExpressionComparisonMismatch,
        DiagnosticCodes.ExpressionArgumentType,
        DiagnosticCodes.ExpressionExpectedType,
        DiagnosticCodes.ExpressionInvalidRegex,
        DiagnosticCodes.ExpressionTooComplex,
        DiagnosticCodes.ExpressionNoMembers,
        DiagnosticCodes.ExpressionInvalidLiteral,
        DiagnosticCodes.ExpressionUnknownMember,
        DiagnosticCodes.ExpressionOperandType,
        DiagnosticCodes.ExpressionListElementType,
        DiagnosticCodes.ExpressionRegexNotLiteral,
    ];

    [Fact]
    public void ExpressionCodes_AreUniqueErrorsInTheirRange()
    {
        Assert.Equal(Expressions.Length, Expressions.Select(descriptor => descriptor.Code).Distinct().Count());
        Assert.All(Expressions, descriptor =>
        {
            Assert.Matches("^EP04[0-9][0-9]$", descriptor.Code);
            Assert.Equal(Severity.Error, descriptor.Severity);
        });
    }

    [Theory]
    [InlineData("a >", "EP0401")]
    [InlineData("nope", "EP0402")]
    [InlineData("nope()", "EP0403")]
    [InlineData("today(1)", "EP0404")]
    [InlineData("start_date > 1", "EP0405")]
    [InlineData("age(1)", "EP0406")]
    [InlineData("matches(name, '(')", "EP0408")]
    [InlineData("headcount.x", "EP0410")]
    [InlineData("2026-13-01", "EP0411")]
    [InlineData("establishment.nope", "EP0412")]
    [InlineData("name + 1", "EP0413")]
    [InlineData("[1, 'a']", "EP0414")]
    [InlineData("matches(name, name)", "EP0415")]
    public void ExpressionCodes_EachIsReportedForItsCase(string text, string code)
    {
        Assert.Equal(code, Expr.Error(text).Code);
    }

    [Fact]
    public void ExpressionCodes_ExpectedTypeAndLimits_AreReported()
    {
        Assert.Equal("EP0407", Expr.Error("1", ExprType.Boolean).Code);
        Assert.Equal("EP0409", Expr.Error(new string('(', 40) + "1" + new string(')', 40)).Code);
    }
}
