namespace EmploymentProcedures.Engine.Expressions.Binding;

/// <summary>A function whose arguments are plain values of the given kinds (<see cref="TypeKind.Any"/>: any value).</summary>
internal sealed record FunctionSignature(
    IReadOnlyList<TypeKind> Parameters,
    ExprType Returns,
    Func<Value[], EvaluationContext, Value> Invoke);
