namespace EmploymentProcedures.Engine.Expressions.Runtime;

/// <summary>
/// A node of the compiled, type-checked tree. Evaluating never throws on user data: a value of an
/// unexpected kind is treated as null, and failures (overflow, division by zero, regex timeout) give null or false.
/// </summary>
internal abstract class Node
{
    public abstract Value Evaluate(Frame frame);
}
