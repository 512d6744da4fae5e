namespace EmploymentProcedures.Engine.Expressions.Runtime;

/// <summary><c>x in list</c>: false when x is null or the list is missing.</summary>
internal sealed class InNode(Node item, Node list) : Node
{
    public override Value Evaluate(Frame frame)
    {
        var value = item.Evaluate(frame);
        if (value.IsNull || list.Evaluate(frame).AsList is not { } items)
            return Value.False;
        foreach (var candidate in items)
        {
            if (candidate.Equals(value))
                return Value.True;
        }
        return Value.False;
    }
}
