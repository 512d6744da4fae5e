using EmploymentProcedures.Engine.Expressions.Parsing;

namespace EmploymentProcedures.Engine.Expressions.Syntax;

/// <summary><c>not x</c> or <c>-x</c>.</summary>
internal sealed record UnarySyntax(TokenKind Operator, ExpressionSyntax Operand, int Start, int End) : ExpressionSyntax(Start, End);
