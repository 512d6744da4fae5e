namespace EmploymentProcedures.Engine.Expressions.Syntax;

/// <summary><c>10</c>, <c>"text"</c>, <c>true</c>, <c>null</c>, <c>2026-01-05</c>.</summary>
internal sealed record LiteralSyntax(Value Value, int Start, int End) : ExpressionSyntax(Start, End);
