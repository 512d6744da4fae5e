namespace EmploymentProcedures.Engine.Expressions.Syntax;

/// <summary><c>name(arg, …)</c>.</summary>
internal sealed record CallSyntax(string Name, IReadOnlyList<ExpressionSyntax> Arguments, int Start, int End) : ExpressionSyntax(Start, End);
