namespace EmploymentProcedures.Engine.Expressions.Runtime;

internal sealed class ListNode(IReadOnlyList<Node> items) : Node
{
    public override Value Evaluate(Frame frame)
    {
        var values = new Value[items.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = items[i].Evaluate(frame);
        return Value.List(values);
    }
}
