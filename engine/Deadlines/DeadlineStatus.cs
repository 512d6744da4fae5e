using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Deadlines;

/// <summary>The deadline of an application (or of one of its steps) on a given day.</summary>
/// <param name="Kind">How the days are counted; null when there is no deadline.</param>
/// <param name="DueDate">The last day of the deadline, included; null when there is none or while <see cref="DeadlineState.Paused"/>.</param>
/// <param name="RemainingDays">
/// Days of <paramref name="Kind"/> left after today up to the due date (0 on the due date itself). When overdue,
/// minus the days of <paramref name="Kind"/> since the due date, which is 0 on a weekend right after a business-day
/// due date: read <paramref name="State"/>, not the sign, to know whether the deadline passed. While paused, the days
/// the clock still has to run once it resumes. Null when there is no deadline.
/// </param>
/// <param name="HolidaysKnown">
/// False when a business-day count went through a year whose dated (Islamic) holidays <c>calendar.yaml</c> does not
/// list: the due date may then be a day or two early. Always true for calendar days.
/// </param>
public sealed record DeadlineStatus(DeadlineState State, CalendarKind? Kind, DateOnly? DueDate, int? RemainingDays, bool HolidaysKnown)
{
    public static readonly DeadlineStatus None = new(DeadlineState.None, null, null, null, true);
}
