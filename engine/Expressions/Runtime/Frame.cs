namespace EmploymentProcedures.Engine.Expressions.Runtime;

/// <summary>Where names are read during one evaluation: the answers, or a group row in front of its outer frame.</summary>
internal sealed class Frame(IValueSource source, Frame? parent, EvaluationContext context)
{
    public IValueSource Source { get; } = source;

    public EvaluationContext Context { get; } = context;

    public Frame? Parent { get; } = parent;

    /// <summary>The frame <paramref name="level"/> steps out: 0 is this one.</summary>
    public Frame Outer(int level)
    {
        var frame = this;
        for (var i = 0; i < level && frame.Parent is not null; i++)
            frame = frame.Parent;
        return frame;
    }

    public Frame Row(IValueSource row) => new(row, this, Context);
}
