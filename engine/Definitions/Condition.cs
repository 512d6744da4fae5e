namespace EmploymentProcedures.Engine.Definitions;

/// <summary><c>true</c>, <c>false</c> or an expression, as in <c>required:</c>.</summary>
public sealed record Condition(bool Constant, ExpressionSource? Expression)
{
    public static readonly Condition Always = new(true, null);
    public static readonly Condition Never = new(false, null);

    public bool IsConstant => Expression is null;
}
