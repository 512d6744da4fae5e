using System.Diagnostics.CodeAnalysis;

namespace EmploymentProcedures.Engine.Expressions;

/// <summary>The answers an expression is evaluated against: a whole application, or one row of a group.</summary>
public interface IValueSource
{
    /// <summary>The value of a top-level name; <see cref="Value.Null"/> when unanswered.</summary>
    [SuppressMessage("Naming", "CA1716", Justification = "The engine is consumed from C# only; 'Get' reads best at call sites.")]
    Value Get(string name);
}
