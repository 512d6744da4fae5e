using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Deadlines;

/// <summary>
/// What reading <c>calendar.yaml</c> gives: the calendar built from every entry that could be read, and the
/// findings about the others. A bad entry is reported and left out; the rest of the calendar still works.
/// </summary>
public sealed record CalendarLoadResult(BusinessCalendar Calendar, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
