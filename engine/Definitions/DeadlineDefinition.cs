using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Definitions;

public enum CalendarKind
{
    Business,
    Calendar,
}

/// <param name="Calendar">Business days (weekends and public holidays excluded) or calendar days; null when not said.</param>
public sealed record DeadlineDefinition(int Days, CalendarKind? Calendar, SourceSpan Span);
