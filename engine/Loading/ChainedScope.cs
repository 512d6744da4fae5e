using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>Names of one level (a group row, an included section) that fall back to an outer scope.</summary>
internal sealed class ChainedScope(IReadOnlyDictionary<string, ExprType> names, IExpressionScope? outer) : IExpressionScope
{
    public IReadOnlyDictionary<string, ExprType> Local => names;

    public IExpressionScope? Outer => outer;

    public ExprType? Lookup(string name) => names.TryGetValue(name, out var type) ? type : outer?.Lookup(name);

    public IEnumerable<string> Names => outer is null ? names.Keys : names.Keys.Concat(outer.Names).Distinct();
}
