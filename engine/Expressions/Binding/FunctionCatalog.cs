using EmploymentProcedures.Engine.Expressions.Runtime;

namespace EmploymentProcedures.Engine.Expressions.Binding;

/// <summary>The fixed set of functions an expression may call.</summary>
internal static class FunctionCatalog
{
    /// <summary>Functions the binder handles itself: row scopes, a literal pattern, or two accepted types.</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Special = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        ["count"] = (1, 2),
        ["any"] = (2, 2),
        ["all"] = (2, 2),
        ["sum"] = (2, 2),
        ["matches"] = (2, 2),
        ["min"] = (2, 2),
        ["max"] = (2, 2),
    };

    public static readonly IReadOnlyDictionary<string, FunctionSignature> Simple = new Dictionary<string, FunctionSignature>(StringComparer.Ordinal)
    {
        ["empty"] = new([TypeKind.Any], ExprType.Boolean, Builtins.Empty),
        ["today"] = new([], ExprType.Date, Builtins.Today),
        ["age"] = new([TypeKind.Date], ExprType.Number, Builtins.Age),
        ["days_between"] = new([TypeKind.Date, TypeKind.Date], ExprType.Number, Builtins.DaysBetween),
        ["months_between"] = new([TypeKind.Date, TypeKind.Date], ExprType.Number, Builtins.MonthsBetween),
        ["add_days"] = new([TypeKind.Date, TypeKind.Number], ExprType.Date, Builtins.AddDays),
        ["add_months"] = new([TypeKind.Date, TypeKind.Number], ExprType.Date, Builtins.AddMonths),
        ["add_years"] = new([TypeKind.Date, TypeKind.Number], ExprType.Date, Builtins.AddYears),
        ["year"] = new([TypeKind.Date], ExprType.Number, Builtins.Year),
        ["length"] = new([TypeKind.Text], ExprType.Number, Builtins.Length),
        ["lower"] = new([TypeKind.Text], ExprType.Text, Builtins.Lower),
        ["upper"] = new([TypeKind.Text], ExprType.Text, Builtins.Upper),
    };

    public static IEnumerable<string> Names => Simple.Keys.Concat(Special.Keys).Order(StringComparer.Ordinal);

    /// <summary>The accepted argument counts, or null for an unknown function.</summary>
    public static (int Min, int Max)? Arity(string name) =>
        Simple.TryGetValue(name, out var signature) ? (signature.Parameters.Count, signature.Parameters.Count)
        : Special.TryGetValue(name, out var arity) ? arity
        : null;
}
