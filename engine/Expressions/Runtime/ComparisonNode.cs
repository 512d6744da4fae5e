using EmploymentProcedures.Engine.Expressions.Parsing;

namespace EmploymentProcedures.Engine.Expressions.Runtime;

/// <summary>
/// <c>== != &lt; &lt;= &gt; &gt;=</c>. Equality is by value (null equals only null); ordering compares two numbers
/// or two dates and is false whenever either side is null or of another kind.
/// </summary>
internal sealed class ComparisonNode(TokenKind op, Node left, Node right) : Node
{
    public override Value Evaluate(Frame frame)
    {
        var a = left.Evaluate(frame);
        var b = right.Evaluate(frame);
        switch (op)
        {
            case TokenKind.Equal:
                return Value.From(a.Equals(b));
            case TokenKind.NotEqual:
                return Value.From(!a.Equals(b));
        }

        int order;
        if (a.AsNumber is { } x && b.AsNumber is { } y)
            order = x.CompareTo(y);
        else if (a.AsDate is { } d && b.AsDate is { } e)
            order = d.CompareTo(e);
        else
            return Value.False;

        return Value.From(op switch
        {
            TokenKind.Less => order < 0,
            TokenKind.LessOrEqual => order <= 0,
            TokenKind.Greater => order > 0,
            TokenKind.GreaterOrEqual => order >= 0,
            _ => false,
        });
    }
}
