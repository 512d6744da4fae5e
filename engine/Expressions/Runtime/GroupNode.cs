namespace EmploymentProcedures.Engine.Expressions.Runtime;

/// <summary>
/// <c>count(g)</c>, <c>count(g, cond)</c>, <c>any</c>, <c>all</c>, <c>sum</c>: the body is evaluated once per row,
/// in a frame where the row's members come before the outer names. A missing group has no rows.
/// </summary>
internal sealed class GroupNode(GroupFunction function, Node group, Node? body) : Node
{
    public override Value Evaluate(Frame frame)
    {
        var value = group.Evaluate(frame);
        if (body is null)
            return Value.From((decimal)(value.AsRows?.Count ?? value.AsList?.Count ?? 0));

        var rows = value.AsRows ?? [];
        var count = 0m;
        var total = 0m;
        foreach (var row in rows)
        {
            if (row is null)
                continue;
            var result = body.Evaluate(frame.Row(row));
            switch (function)
            {
                case GroupFunction.Any when result.IsTrue:
                    return Value.True;
                case GroupFunction.All when !result.IsTrue:
                    return Value.False;
                case GroupFunction.Count when result.IsTrue:
                    count++;
                    break;
                case GroupFunction.Sum when result.AsNumber is { } number:
                    try
                    {
                        total += number;
                    }
                    catch (OverflowException)
                    {
                        return Value.Null;
                    }
                    break;
            }
        }
        return function switch
        {
            GroupFunction.Any => Value.False,
            GroupFunction.All => Value.True,
            GroupFunction.Count => Value.From(count),
            _ => Value.From(total),
        };
    }
}
