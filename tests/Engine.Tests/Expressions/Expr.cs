using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Tests.Expressions;

/// <summary>Compiles and evaluates expressions against <see cref="TestScope.Default"/>.</summary>
internal static class Expr
{
    public static readonly SourceSpan Start = new("procedures/test.yaml", 12, 20);

    public static readonly EvaluationContext Context = new(new DateOnly(2026, 3, 15));

    public static CompiledExpression Compile(string text, ExprType? expected = null, IExpressionScope? scope = null)
    {
        var diagnostics = new List<Diagnostic>();
        var compiled = ExpressionCompiler.Compile(text, scope ?? TestScope.Default, Start, expected, diagnostics);
        Assert.True(compiled is not null, $"'{text}' did not compile: {string.Join("; ", diagnostics)}");
        Assert.Empty(diagnostics);
        return compiled;
    }

    /// <summary>The single diagnostic of an expression that must not compile.</summary>
    public static Diagnostic Error(string text, ExprType? expected = null, IExpressionScope? scope = null)
    {
        var diagnostics = new List<Diagnostic>();
        var compiled = ExpressionCompiler.Compile(text, scope ?? TestScope.Default, Start, expected, diagnostics);
        Assert.Null(compiled);
        return Assert.Single(diagnostics);
    }

    public static List<Diagnostic> Errors(string text)
    {
        var diagnostics = new List<Diagnostic>();
        Assert.Null(ExpressionCompiler.Compile(text, TestScope.Default, Start, null, diagnostics));
        return diagnostics;
    }

    public static Value Eval(string text, Answers? answers = null, EvaluationContext? context = null) =>
        Compile(text).Evaluate(answers ?? new Answers(), context ?? Context);

    /// <summary>The column a diagnostic must have for a token at <paramref name="offset"/> in the text.</summary>
    public static int Column(int offset) => Start.Column + offset;

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
