namespace EmploymentProcedures.Engine.Expressions.Runtime;

/// <summary><c>and</c> / <c>or</c>, short-circuiting; null counts as false and the result is never null.</summary>
internal sealed class LogicalNode(bool isAnd, Node left, Node right) : Node
{
    public override Value Evaluate(Frame frame)
    {
        var first = left.Evaluate(frame).IsTrue;
        if (first != isAnd)
            return Value.From(first);
        return Value.From(right.Evaluate(frame).IsTrue);
    }
}
