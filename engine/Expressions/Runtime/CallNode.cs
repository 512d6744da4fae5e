namespace EmploymentProcedures.Engine.Expressions.Runtime;

/// <summary>A call to a function whose arguments are all evaluated first (see <see cref="Builtins"/>).</summary>
internal sealed class CallNode(Func<Value[], EvaluationContext, Value> function, IReadOnlyList<Node> arguments) : Node
{
    public override Value Evaluate(Frame frame)
    {
        var values = new Value[arguments.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = arguments[i].Evaluate(frame);
        return function(values, frame.Context);
    }
}
