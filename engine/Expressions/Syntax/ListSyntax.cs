namespace EmploymentProcedures.Engine.Expressions.Syntax;

/// <summary><c>[a, b, c]</c>.</summary>
internal sealed record ListSyntax(IReadOnlyList<ExpressionSyntax> Items, int Start, int End) : ExpressionSyntax(Start, End);
