namespace EmploymentProcedures.Engine.Expressions.Syntax;

/// <summary>A node of the parsed expression; <see cref="Start"/> and <see cref="End"/> are offsets in its text.</summary>
internal abstract record ExpressionSyntax(int Start, int End);
