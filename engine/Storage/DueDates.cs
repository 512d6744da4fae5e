using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>When the legal deadline of an application, and the deadline of its current step, fall (on the library's working calendar).</summary>
internal static class DueDates
{
    /// <summary>
    /// The legal due date: the definition's <c>deadline</c> counted from the submission day, the days paused for
    /// changes not counted; null before submission, while an open pause stops the clock, or without a deadline.
    /// </summary>
    public static DateOnly? Legal(BusinessCalendar calendar, ProcedureDefinition definition, Application application) =>
        definition.Deadline is { } deadline && application.SubmittedOn is { } start
            ? DeadlineClock.DueDate(calendar, start, deadline, CalendarKind.Business, application.Pauses)
            : null;

    /// <summary>The current step's due date, counted from the day it was entered (in the procedure's calendar when the step says none); null without a step deadline.</summary>
    public static DateOnly? Step(BusinessCalendar calendar, ProcedureDefinition definition, StepDefinition step, Application application) =>
        step.Deadline is { } deadline && application.StepStartedOn is { } start
            ? DeadlineClock.DueDate(calendar, start, deadline, DeadlineClock.StepFallback(definition), [])
            : null;

    /// <summary>The last due date that counts as "due soon" on <paramref name="today"/>: <see cref="DeadlineClock.DefaultDueSoonBusinessDays"/> business days ahead.</summary>
    public static DateOnly DueSoonUntil(BusinessCalendar calendar, DateOnly today) =>
        calendar.AddDays(today, DeadlineClock.DefaultDueSoonBusinessDays, CalendarKind.Business);
}
