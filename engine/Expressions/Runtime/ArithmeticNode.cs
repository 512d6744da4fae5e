using EmploymentProcedures.Engine.Expressions.Parsing;

namespace EmploymentProcedures.Engine.Expressions.Runtime;

/// <summary><c>+ - * /</c> on numbers; null in, null out; division by zero and overflow give null.</summary>
internal sealed class ArithmeticNode(TokenKind op, Node left, Node right) : Node
{
    public override Value Evaluate(Frame frame)
    {
        if (left.Evaluate(frame).AsNumber is not { } a || right.Evaluate(frame).AsNumber is not { } b)
            return Value.Null;
        if (op == TokenKind.Slash && b == 0)
            return Value.Null;
        try
        {
            return Value.From(op switch
            {
                TokenKind.Plus => a + b,
                TokenKind.Minus => a - b,
                TokenKind.Star => a * b,
                _ => a / b,
            });
        }
        catch (OverflowException)
        {
            return Value.Null;
        }
    }
}
