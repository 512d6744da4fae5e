namespace EmploymentProcedures.Engine.Expressions.Runtime;

internal sealed class NegateNode(Node operand) : Node
{
    public override Value Evaluate(Frame frame) => Value.From(-operand.Evaluate(frame).AsNumber);
}
