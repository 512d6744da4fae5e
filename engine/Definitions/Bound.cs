using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Definitions;

/// <summary>A min or max: a number, or for dates an expression such as <c>today()</c> or a date literal.</summary>
public sealed record Bound(decimal? Number, ExpressionSource? Expression, SourceSpan Span);
