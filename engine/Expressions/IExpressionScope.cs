namespace EmploymentProcedures.Engine.Expressions;

/// <summary>The names an expression may read, with their types: the fields of a procedure.</summary>
public interface IExpressionScope
{
    /// <summary>The type of a top-level name, or null when there is no such field.</summary>
    ExprType? Lookup(string name);

    /// <summary>Every name in scope, for "did you mean" suggestions.</summary>
    IEnumerable<string> Names { get; }
}
