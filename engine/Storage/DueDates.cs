using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>When the legal deadline of an application, and the deadline of its current step, fall.</summary>
internal static class DueDates
{
    /// <summary>The legal due date: the definition's <c>deadline</c> counted from the submission day, the pauses not counted; null while paused or without a deadline.</summary>
    public static DateOnly? Legal(ProcedureDefinition definition, Application application) =>
        definition.Deadline is { } deadline && application.SubmittedOn is { } start
            ? Count(start, deadline, CalendarKind.Business, application.Pauses)
            : null;

    /// <summary>The current step's due date, counted from the day it was entered; null when the step has no deadline.</summary>
    public static DateOnly? Step(ProcedureDefinition definition, StepDefinition step, Application application) =>
        step.Deadline is { } deadline && application.StepStartedOn is { } start
            ? Count(start, deadline, definition.Deadline?.Calendar ?? CalendarKind.Business, [])
            : null;

    /// <summary>
    /// The one place deadlines are counted (until the business calendar of engine/Deadlines replaces it):
    /// the start day does not count; business days skip Saturdays and Sundays (public holidays are not known
    /// here yet); a day inside a pause does not count; an open pause stops the clock (null).
    /// </summary>
    internal static DateOnly? Count(DateOnly start, DeadlineDefinition deadline, CalendarKind fallback, IReadOnlyList<Pause> pauses)
    {
        var kind = deadline.Calendar ?? fallback;
        var day = start;
        for (var counted = 0; counted < deadline.Days;)
        {
            day = day.AddDays(1);
            if (pauses.Any(p => p.From <= day && p.To is null))
                return null;
            if (pauses.Any(p => p.From <= day && day <= p.To))
                continue;
            if (kind == CalendarKind.Calendar || day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                counted++;
        }
        return day;
    }
}
