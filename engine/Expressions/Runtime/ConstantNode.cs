namespace EmploymentProcedures.Engine.Expressions.Runtime;

internal sealed class ConstantNode(Value value) : Node
{
    public override Value Evaluate(Frame frame) => value;
}
