namespace EmploymentProcedures.Engine.Expressions;

/// <summary>Bounds on what an analyst may write, so compiling and evaluating stay cheap.</summary>
internal static class ExpressionLimits
{
    public const int MaxLength = 2000;

    /// <summary>Nested parentheses, calls, lists and prefix operators.</summary>
    public const int MaxDepth = 32;

    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(50);
}
