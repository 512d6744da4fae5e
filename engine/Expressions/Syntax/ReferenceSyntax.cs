namespace EmploymentProcedures.Engine.Expressions.Syntax;

/// <summary>A field, possibly dotted into records: <c>establishment.address.province</c>.</summary>
/// <param name="Starts">The offset of each segment, to point at the one that is wrong.</param>
internal sealed record ReferenceSyntax(IReadOnlyList<string> Segments, IReadOnlyList<int> Starts, int Start, int End)
    : ExpressionSyntax(Start, End);
