namespace EmploymentProcedures.Engine.Expressions.Runtime;

/// <summary><c>not x</c>: null counts as false, so <c>not null</c> is true.</summary>
internal sealed class NotNode(Node operand) : Node
{
    public override Value Evaluate(Frame frame) => Value.From(!operand.Evaluate(frame).IsTrue);
}
