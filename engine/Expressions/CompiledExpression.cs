using EmploymentProcedures.Engine.Expressions.Runtime;

namespace EmploymentProcedures.Engine.Expressions;

/// <summary>
/// A parsed and type-checked expression, ready to evaluate any number of times (and from several threads:
/// it holds no per-evaluation state).
/// </summary>
public sealed class CompiledExpression
{
    private readonly Node _root;

    internal CompiledExpression(string text, ExprType type, IReadOnlyList<IReadOnlyList<string>> references, Node root)
    {
        Text = text;
        Type = type;
        References = references;
        _root = root;
    }

    public string Text { get; }

    public ExprType Type { get; }

    /// <summary>
    /// Every field path the expression reads, such as <c>["establishment", "headcount"]</c>: outer fields only
    /// (a group function contributes its group, not the row members it reads). For dependency graphs.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> References { get; }

    /// <summary>Evaluates against the answers; never throws on user data (see <see cref="Value"/> for null rules).</summary>
    public Value Evaluate(IValueSource source, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return _root.Evaluate(new Frame(source, null, context));
    }

    public override string ToString() => Text;
}
