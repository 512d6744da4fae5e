namespace EmploymentProcedures.Engine.Expressions;

/// <summary>What an evaluation may depend on besides the answers; <c>today()</c> reads this, never the clock.</summary>
public sealed record EvaluationContext(DateOnly Today);
