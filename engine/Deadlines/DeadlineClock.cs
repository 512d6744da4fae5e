using System.Globalization;
using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Deadlines;

/// <summary>
/// The deadline clock of an application or a step: pure functions of the calendar, the day the clock started,
/// the deadline, the pauses and today.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The start day never counts: counting begins the day after <c>start</c> (the submission, or the day the
/// step was entered).</item>
/// <item>A deadline of N days ends on the Nth counted day, which is the due date; the deadline is met when the
/// decision is taken on or before it. In business days only business days count, so the due date is a
/// business day; in calendar days every day counts and the due date is not moved off a weekend or holiday.</item>
/// <item>No day of a pause counts, from the day changes are requested to the day of resubmission, both included;
/// the clock resumes the day after resubmission with the days it had left. Pauses may overlap and come in any
/// order: a day counts unless some pause contains it.</item>
/// <item>An open pause (not yet resubmitted) reached before the deadline runs out stops the clock: there is no
/// due date, and the status says how many days are left. A pause that starts after the due date changes
/// nothing: the deadline had already run out.</item>
/// </list>
/// </remarks>
public static class DeadlineClock
{
    /// <summary>A deadline is "due soon" when at most this many business days are left before the due date.</summary>
    public const int DefaultDueSoonBusinessDays = 2;

    /// <summary>The unit a step deadline of <paramref name="definition"/> counts in when it says none: its procedure's, business days when that says none either.</summary>
    public static CalendarKind StepFallback(ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Deadline?.Calendar ?? CalendarKind.Business;
    }

    /// <summary>The due date, or null while an open pause has stopped the clock before the deadline ran out.</summary>
    /// <param name="fallback">The procedure's calendar kind, for a step deadline that does not say its own.</param>
    /// <exception cref="ArgumentException">The deadline is under one day, says no calendar kind and no fallback is given, or a pause ends before it starts.</exception>
    public static DateOnly? DueDate(BusinessCalendar calendar, DateOnly start, DeadlineDefinition deadline, CalendarKind? fallback, IReadOnlyList<DeadlinePause> pauses)
        => Run(calendar, start, deadline, fallback, pauses).Due;

    /// <summary>
    /// Days left at <paramref name="today"/>, counted as the deadline counts them: after today up to the due date
    /// (0 on the due date); negative when overdue; while paused, the days the clock still has to run.
    /// </summary>
    public static int RemainingDays(BusinessCalendar calendar, DateOnly start, DeadlineDefinition deadline, CalendarKind? fallback, IReadOnlyList<DeadlinePause> pauses, DateOnly today) =>
        Evaluate(calendar, start, deadline, fallback, pauses, today).RemainingDays!.Value;

    /// <summary>
    /// The deadline's status at <paramref name="today"/>: <see cref="DeadlineState.None"/> without a deadline,
    /// <see cref="DeadlineState.Paused"/> while an open pause stops the clock, <see cref="DeadlineState.Overdue"/>
    /// after the due date, <see cref="DeadlineState.DueSoon"/> when at most <paramref name="dueSoonBusinessDays"/>
    /// business days remain (the due date itself included), else <see cref="DeadlineState.OnTime"/>.
    /// </summary>
    public static DeadlineStatus Evaluate(
        BusinessCalendar calendar,
        DateOnly start,
        DeadlineDefinition? deadline,
        CalendarKind? fallback,
        IReadOnlyList<DeadlinePause> pauses,
        DateOnly today,
        int dueSoonBusinessDays = DefaultDueSoonBusinessDays)
    {
        if (dueSoonBusinessDays < 0)
            throw new ArgumentOutOfRangeException(nameof(dueSoonBusinessDays), dueSoonBusinessDays, "the 'due soon' threshold is a number of business days, 0 or more");
        if (deadline is null)
            return DeadlineStatus.None;

        var run = Run(calendar, start, deadline, fallback, pauses);
        if (run.Due is not { } due)
            return new DeadlineStatus(DeadlineState.Paused, run.Kind, null, run.Left, HolidaysKnown(calendar, run.Kind, start, run.LastDay));

        var known = HolidaysKnown(calendar, run.Kind, start, today > due ? today : due);
        if (today > due)
            return new DeadlineStatus(DeadlineState.Overdue, run.Kind, due, -calendar.CountDays(due, today, run.Kind), known);

        var remaining = CountClockDays(calendar, run.Kind, today > start ? today : start, due, pauses);
        var state = calendar.CountDays(today, due, CalendarKind.Business) <= dueSoonBusinessDays ? DeadlineState.DueSoon : DeadlineState.OnTime;
        return new DeadlineStatus(state, run.Kind, due, remaining, known);
    }

    /// <summary>
    /// How long the clock ran from <paramref name="start"/> to <paramref name="end"/>: the days of <paramref name="kind"/>
    /// in <c>(start, end]</c> that no pause contains (an open pause stops the count). The processing time of a decided
    /// application, in the same days its deadline counts.
    /// </summary>
    public static int ElapsedDays(BusinessCalendar calendar, DateOnly start, DateOnly end, CalendarKind kind, IReadOnlyList<DeadlinePause> pauses)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (kind is not (CalendarKind.Business or CalendarKind.Calendar))
            throw BusinessCalendar.UndefinedKind(kind);
        return end <= start ? 0 : CountClockDays(calendar, kind, start, end, pauses);
    }

    /// <summary>Runs the clock from the day after start, skipping paused days, to the Nth counted day or an open pause.</summary>
    private static ClockRun Run(BusinessCalendar calendar, DateOnly start, DeadlineDefinition deadline, CalendarKind? fallback, IReadOnlyList<DeadlinePause> pauses)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(deadline);
        BusinessCalendar.RequirePositive(deadline.Days, nameof(deadline));
        var kind = deadline.Calendar ?? fallback
            ?? throw new ArgumentException("the deadline says no calendar kind and the procedure gives none; the linter reports this as EP0312, so only a definition with errors gets here", nameof(fallback));
        if (kind is not (CalendarKind.Business or CalendarKind.Calendar))
            throw BusinessCalendar.UndefinedKind(kind);
        var ordered = InOrder(pauses);

        // The clock runs in the stretches between pauses: whole stretches are counted at once, and the
        // deadline ends inside the first stretch that holds the days still to run.
        var after = start.DayNumber;
        var counted = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var pause = ordered[i];
            var stretchEnd = pause.From.DayNumber - 1;
            var available = Count(calendar, kind, after, stretchEnd);
            if (counted + available >= deadline.Days)
                return Due(kind, Nth(calendar, kind, after, deadline.Days - counted));
            counted += available;
            if (pause.To is not { } to)
                return new ClockRun(kind, null, deadline.Days - counted, pause.From);
            after = Math.Max(after, to.DayNumber);
        }
        return Due(kind, Nth(calendar, kind, after, deadline.Days - counted));
    }

    private static ClockRun Due(CalendarKind kind, int day) => new(kind, DateOnly.FromDayNumber(day), 0, DateOnly.FromDayNumber(day));

    /// <summary>Days of <paramref name="kind"/> after day number <paramref name="after"/> up to <paramref name="upTo"/> included.</summary>
    private static int Count(BusinessCalendar calendar, CalendarKind kind, int after, int upTo) =>
        kind == CalendarKind.Calendar ? Math.Max(0, upTo - after) : calendar.CountBusinessDays(after, upTo);

    /// <summary>The day number of the <paramref name="n"/>-th day of <paramref name="kind"/> after day number <paramref name="after"/>.</summary>
    private static int Nth(BusinessCalendar calendar, CalendarKind kind, int after, int n) =>
        kind == CalendarKind.Calendar ? after + n : calendar.NthBusinessDay(after, n);

    /// <summary>
    /// The pauses by start day; the given list itself when it is already in order (the usual case: no copy).
    /// Callers index it rather than use foreach, which would allocate an enumerator on every call.
    /// </summary>
    private static IReadOnlyList<DeadlinePause> InOrder(IReadOnlyList<DeadlinePause> pauses)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        var sorted = true;
        for (var i = 0; i < pauses.Count; i++)
        {
            var pause = pauses[i] ?? throw new ArgumentException($"pause {i} is null", nameof(pauses));
            if (pause.To < pause.From)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"pause {i} ends on {pause.To:yyyy-MM-dd}, before it starts on {pause.From:yyyy-MM-dd}"), nameof(pauses));
            if (i > 0 && pause.From < pauses[i - 1].From)
                sorted = false;
        }
        return sorted ? pauses : pauses.OrderBy(p => p.From).ToList();
    }

    /// <summary>Days of <paramref name="kind"/> in <c>(from, to]</c> that no pause contains.</summary>
    private static int CountClockDays(BusinessCalendar calendar, CalendarKind kind, DateOnly from, DateOnly to, IReadOnlyList<DeadlinePause> pauses)
    {
        var ordered = InOrder(pauses);
        var after = from.DayNumber;
        var count = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var pause = ordered[i];
            count += Count(calendar, kind, after, Math.Min(pause.From.DayNumber - 1, to.DayNumber));
            if (pause.To is not { } end)
                return count;
            after = Math.Max(after, end.DayNumber);
        }
        return count + Count(calendar, kind, after, to.DayNumber);
    }

    /// <summary>Whether every year whose days a business-day count went through lists its dated holidays.</summary>
    private static bool HolidaysKnown(BusinessCalendar calendar, CalendarKind kind, DateOnly start, DateOnly lastDay)
    {
        if (kind == CalendarKind.Calendar)
            return true;
        for (var year = start.AddDays(1).Year; year <= lastDay.Year; year++)
        {
            if (!calendar.Covers(year))
                return false;
        }
        return true;
    }

    /// <param name="Due">The due date, or null when an open pause stopped the clock.</param>
    /// <param name="Left">Days still to run when stopped (0 when the due date was reached).</param>
    /// <param name="LastDay">The due date, or the first day of the open pause.</param>
    private readonly record struct ClockRun(CalendarKind Kind, DateOnly? Due, int Left, DateOnly LastDay);
}
