using EmploymentProcedures.Engine.Expressions.Runtime;

namespace EmploymentProcedures.Engine.Expressions.Binding;

/// <summary>A syntax node after checking: its static type and the node that evaluates it.</summary>
internal readonly record struct Bound(ExprType Type, Node Node);
