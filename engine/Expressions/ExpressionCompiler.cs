using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Expressions.Binding;
using EmploymentProcedures.Engine.Expressions.Parsing;

namespace EmploymentProcedures.Engine.Expressions;

/// <summary>Turns the text of a condition, rule or computed value into a <see cref="CompiledExpression"/>.</summary>
public static class ExpressionCompiler
{
    /// <summary>Parses and type-checks; adds diagnostics; returns null when there were errors.</summary>
    /// <param name="start">Where the first character of <paramref name="text"/> is in the definition file.</param>
    /// <param name="expected">The type the context needs, such as <see cref="ExprType.Boolean"/> for <c>visible:</c>; null for any.</param>
    /// <param name="lineLengths">For text written on several lines of the file (a YAML block), each line's length; see <see cref="Definitions.ExpressionSource.LineLengths"/>.</param>
    public static CompiledExpression? Compile(string text, IExpressionScope scope, SourceSpan start, ExprType? expected, ICollection<Diagnostic> diagnostics, IReadOnlyList<int>? lineLengths = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(diagnostics);

        var map = new SourceMap(text, start, lineLengths);
        if (text.Length > ExpressionLimits.MaxLength)
        {
            diagnostics.Add(DiagnosticCodes.ExpressionTooComplex.At(start, $"long ({text.Length} characters)", $"{ExpressionLimits.MaxLength} characters"));
            return null;
        }

        var syntax = Parser.Parse(text, map, diagnostics);
        if (syntax is null)
            return null;

        var binder = new Binder(text, map, scope, diagnostics);
        var bound = binder.Bind(syntax);
        if (!binder.HasErrors && expected is not null && !bound.Type.IsCompatibleWith(expected))
        {
            var hint = expected.Kind == TypeKind.Boolean
                ? "; a condition is a comparison such as 'x > 0' or 'x == \"value\"', or a function such as empty(x)"
                : "";
            var what = expected.Kind == TypeKind.Boolean ? "true/false (it is a condition)" : expected.WithArticle();
            diagnostics.Add(DiagnosticCodes.ExpressionExpectedType.At(map.At(syntax.Start), what, bound.Type.WithArticle(), hint));
            return null;
        }
        return binder.HasErrors ? null : new CompiledExpression(text, bound.Type, binder.References, bound.Node);
    }
}
