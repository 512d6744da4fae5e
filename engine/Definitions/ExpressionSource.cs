using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Definitions;

/// <summary>An expression as the analyst wrote it, where they wrote it, and once loaded, compiled.</summary>
public sealed record ExpressionSource(string Text, SourceSpan Span)
{
    /// <summary>
    /// For text written as a YAML block (<c>check: &gt;-</c> and lines below): the length of each line in
    /// the file, every line starting at <see cref="Span"/>'s column; null for text on one line.
    /// </summary>
    public IReadOnlyList<int>? LineLengths { get; init; }

    /// <summary>Set once by the loader's compile stage; null when the expression has errors.</summary>
    public CompiledExpression? Compiled { get; internal set; }

    public override string ToString() => Text;
}
