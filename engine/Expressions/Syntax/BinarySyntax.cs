using EmploymentProcedures.Engine.Expressions.Parsing;

namespace EmploymentProcedures.Engine.Expressions.Syntax;

/// <summary><c>left op right</c> for logical, comparison, membership and arithmetic operators.</summary>
internal sealed record BinarySyntax(Token Operator, ExpressionSyntax Left, ExpressionSyntax Right)
    : ExpressionSyntax(Left.Start, Right.End);
