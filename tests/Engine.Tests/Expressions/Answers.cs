using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Tests.Expressions;

/// <summary>Answers from a dictionary; a missing name is unanswered (null).</summary>
internal sealed class Answers(Dictionary<string, Value>? values = null) : IValueSource
{
    private readonly Dictionary<string, Value> _values = values ?? [];

    public Value this[string name]
    {
        set => _values[name] = value;
    }

    public Value Get(string name) => _values.GetValueOrDefault(name);
}
