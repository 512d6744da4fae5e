using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Host.MyApplications;

/// <summary>Where an application stands against its legal deadline, as the applicant's pages mark it.</summary>
internal static class LegalDeadline
{
    /// <summary>
    /// From a line of "my applications" (its stored due date, counted by the engine at the last change): only a
    /// file under review has a deadline to mark; no due date while changes are requested means the clock is paused.
    /// </summary>
    public static DeadlineState Of(ApplicationSummary summary, DateOnly today, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!summary.Status.IsPending())
            return DeadlineState.None;
        if (summary.DueOn is not { } due)
            return summary.Status == ApplicationStatus.ChangesRequested ? DeadlineState.Paused : DeadlineState.None;
        if (today > due)
            return DeadlineState.Overdue;
        return calendar.CountDays(today, due, CalendarKind.Business) <= DeadlineClock.DefaultDueSoonBusinessDays ? DeadlineState.DueSoon : DeadlineState.OnTime;
    }

    /// <summary>The full status of a submitted, undecided application (due date, days left, paused or not); <see cref="DeadlineStatus.None"/> otherwise.</summary>
    public static DeadlineStatus Of(Application application, ProcedureDefinition definition, DateOnly today, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(definition);
        return application.Status.IsPending() && application.SubmittedOn is { } submitted
            ? DeadlineClock.Evaluate(calendar, submitted, definition.Deadline, CalendarKind.Business, application.Pauses, today)
            : DeadlineStatus.None;
    }
}
