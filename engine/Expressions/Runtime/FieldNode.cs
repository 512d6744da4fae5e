namespace EmploymentProcedures.Engine.Expressions.Runtime;

/// <summary>Reads a name from the frame it was resolved in at compile time, then descends through record members.</summary>
internal sealed class FieldNode(int level, string name, IReadOnlyList<string> members) : Node
{
    public override Value Evaluate(Frame frame)
    {
        var value = frame.Outer(level).Source.Get(name);
        foreach (var member in members)
        {
            if (value.AsRecord is not { } record || !record.TryGetValue(member, out value))
                return Value.Null;
        }
        return value;
    }
}
