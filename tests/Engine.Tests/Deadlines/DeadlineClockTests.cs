using System.Globalization;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Tests.Loading;

namespace EmploymentProcedures.Engine.Tests.Deadlines;

/// <summary>
/// The deadline clock on Morocco's calendar. Most cases start on Monday 2 March 2026 with 10 business days:
/// without pauses the due date is Monday 16 March (3-6, 9-13, 16 March; Aïd Al-Fitr 2026 falls on a weekend).
/// </summary>
public sealed class DeadlineClockTests
{
    private static readonly DateOnly Start = D("2026-03-02");
    private static readonly DeadlineDefinition TenBusinessDays = Deadline(10, CalendarKind.Business);

    private static BusinessCalendar Calendar => TestLibrary.Library.Calendar;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DeadlineDefinition Deadline(int days, CalendarKind? kind) => new(days, kind, SourceSpan.None("test.yaml"));

    private static DeadlinePause Pause(string from, string? to) => new(D(from), to is null ? null : D(to));

    private static DateOnly? Due(DeadlineDefinition deadline, params DeadlinePause[] pauses) =>
        DeadlineClock.DueDate(Calendar, Start, deadline, null, pauses);

    private static DeadlineStatus At(string today, params DeadlinePause[] pauses) =>
        DeadlineClock.Evaluate(Calendar, Start, TenBusinessDays, null, pauses, D(today));

    [Fact]
    public void DueDate_NoPause_IsTheTenthBusinessDayAfterStart()
    {
        Assert.Equal(D("2026-03-16"), Due(TenBusinessDays));
    }

    [Fact]
    public void DueDate_OnePause_DaysFromRequestToResubmissionIncludedDoNotCount()
    {
        // Tuesday 3 counts; changes requested Wednesday 4, resubmitted Monday 9: 4, 5, 6 and 9 March do not count;
        // the clock resumes on Tuesday 10 with 9 days left: 10-13, 16-20 March.
        Assert.Equal(D("2026-03-20"), Due(TenBusinessDays, Pause("2026-03-04", "2026-03-09")));
    }

    [Fact]
    public void DueDate_ResubmittedTheDayChangesWereRequested_ThatDayDoesNotCount()
    {
        Assert.Equal(D("2026-03-17"), Due(TenBusinessDays, Pause("2026-03-04", "2026-03-04")));
    }

    [Fact]
    public void DueDate_SeveralPauses_NoneOfTheirDaysCount()
    {
        // After the first pause, a second one on Thursday 12 and Friday 13: 3, 10, 11, 16-20, 23, 24 March.
        var pauses = new[] { Pause("2026-03-04", "2026-03-09"), Pause("2026-03-12", "2026-03-13") };

        Assert.Equal(D("2026-03-24"), Due(TenBusinessDays, pauses));
        Assert.Equal(D("2026-03-24"), Due(TenBusinessDays, [.. pauses.Reverse()]));
    }

    [Fact]
    public void DueDate_OverlappingPauses_CountTheirUnionOnce()
    {
        // 4-9 and 6-11 March: nothing counts from 4 to 11; 3, 12, 13, 16-20, 23, 24 March.
        Assert.Equal(D("2026-03-24"), Due(TenBusinessDays, Pause("2026-03-06", "2026-03-11"), Pause("2026-03-04", "2026-03-09")));
    }

    [Fact]
    public void DueDate_PauseOverAWeekendOnly_DoesNotMoveABusinessDayDeadline()
    {
        Assert.Equal(D("2026-03-16"), Due(TenBusinessDays, Pause("2026-03-07", "2026-03-08")));
    }

    [Fact]
    public void DueDate_OpenPauseBeforeTheDeadlineRunsOut_HasNoDueDate()
    {
        Assert.Null(Due(TenBusinessDays, Pause("2026-03-04", null)));
    }

    [Fact]
    public void DueDate_CalendarDays_PausedDaysDoNotCountAndTheEndIsNotExtended()
    {
        var tenCalendarDays = Deadline(10, CalendarKind.Calendar);

        Assert.Equal(D("2026-03-12"), Due(tenCalendarDays));
        // 4, 5 and 6 March do not count: the deadline ends on Sunday 15 March and stays there.
        Assert.Equal(D("2026-03-15"), Due(tenCalendarDays, Pause("2026-03-04", "2026-03-06")));
    }

    [Theory]
    [InlineData(CalendarKind.Business, "2026-03-10")] // Friday 6 March + 2 business days
    [InlineData(CalendarKind.Calendar, "2026-03-08")] // Friday 6 March + 2 days
    public void DueDate_StepDeadlineWithoutCalendar_UsesTheProcedureCalendar(CalendarKind procedureCalendar, string expected)
    {
        var step = Deadline(2, null);

        Assert.Equal(D(expected), DeadlineClock.DueDate(Calendar, D("2026-03-06"), step, procedureCalendar, []));
    }

    [Fact]
    public void DueDate_DeadlineCalendarGiven_WinsOverTheProcedureCalendar()
    {
        Assert.Equal(D("2026-03-16"), DeadlineClock.DueDate(Calendar, Start, TenBusinessDays, CalendarKind.Calendar, []));
    }

    [Fact]
    public void DueDate_NoCalendarAnywhere_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => DeadlineClock.DueDate(Calendar, Start, Deadline(2, null), null, []));
        Assert.Contains("EP0312", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void DueDate_ZeroOrNegativeDays_IsRejected(int days)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Due(Deadline(days, CalendarKind.Business)));
        Assert.Contains("at least one day", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DueDate_PauseEndingBeforeItStarts_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Due(TenBusinessDays, Pause("2026-03-09", "2026-03-04")));
        Assert.Contains("ends on 2026-03-04, before it starts on 2026-03-09", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoDeadline_IsNone()
    {
        var status = DeadlineClock.Evaluate(Calendar, Start, null, CalendarKind.Business, [], D("2026-03-10"));

        Assert.Equal(DeadlineStatus.None, status);
    }

    [Theory]
    [InlineData("2026-03-02", DeadlineState.OnTime, 10)]  // the start day
    [InlineData("2026-03-11", DeadlineState.OnTime, 3)]   // 12, 13 and 16 March left
    [InlineData("2026-03-12", DeadlineState.DueSoon, 2)]
    [InlineData("2026-03-13", DeadlineState.DueSoon, 1)]
    [InlineData("2026-03-14", DeadlineState.DueSoon, 1)]  // Saturday: Monday is still to come
    [InlineData("2026-03-16", DeadlineState.DueSoon, 0)]  // the due date itself: still on time, last day
    [InlineData("2026-03-17", DeadlineState.Overdue, -1)]
    [InlineData("2026-03-20", DeadlineState.Overdue, -4)]
    public void Evaluate_TenBusinessDays_StateAndRemainingDaysFollowToday(string today, DeadlineState state, int remaining)
    {
        var status = At(today);

        Assert.Equal(state, status.State);
        Assert.Equal(remaining, status.RemainingDays);
        Assert.Equal(D("2026-03-16"), status.DueDate);
        Assert.Equal(CalendarKind.Business, status.Kind);
        Assert.True(status.HolidaysKnown);
    }

    [Fact]
    public void Evaluate_SaturdayAfterAFridayDueDate_IsOverdueWithNoBusinessDayLateYet()
    {
        // Friday 2 + 10 business days: due Monday 16; a 9-day deadline is due Friday 13.
        var status = DeadlineClock.Evaluate(Calendar, Start, Deadline(9, CalendarKind.Business), null, [], D("2026-03-14"));

        Assert.Equal(DeadlineState.Overdue, status.State);
        Assert.Equal(D("2026-03-13"), status.DueDate);
        Assert.Equal(0, status.RemainingDays);
    }

    [Theory]
    [InlineData(0, "2026-03-13", DeadlineState.OnTime)]
    [InlineData(0, "2026-03-16", DeadlineState.DueSoon)]
    [InlineData(5, "2026-03-09", DeadlineState.DueSoon)]
    [InlineData(5, "2026-03-06", DeadlineState.OnTime)]
    public void Evaluate_DueSoonThreshold_IsInBusinessDays(int threshold, string today, DeadlineState state)
    {
        var status = DeadlineClock.Evaluate(Calendar, Start, TenBusinessDays, null, [], D(today), threshold);

        Assert.Equal(state, status.State);
    }

    [Fact]
    public void Evaluate_CalendarDayDeadlineDueOnMondaySeenOnFriday_IsDueSoon()
    {
        // 11 calendar days from Thursday 5 March: Monday 16. On Friday 13, 3 days remain but only 1 business day.
        var deadline = Deadline(11, CalendarKind.Calendar);

        var friday = DeadlineClock.Evaluate(Calendar, D("2026-03-05"), deadline, null, [], D("2026-03-13"));
        var wednesday = DeadlineClock.Evaluate(Calendar, D("2026-03-05"), deadline, null, [], D("2026-03-11"));

        Assert.Equal((DeadlineState.DueSoon, 3), (friday.State, friday.RemainingDays));
        Assert.Equal((DeadlineState.OnTime, 5), (wednesday.State, wednesday.RemainingDays));
    }

    [Fact]
    public void Evaluate_OpenPause_IsPausedWithoutDueDateAndKeepsTheDaysLeft()
    {
        // Only Tuesday 3 March counted before changes were requested on Wednesday 4.
        var status = At("2026-03-30", Pause("2026-03-04", null));

        Assert.Equal(DeadlineState.Paused, status.State);
        Assert.Null(status.DueDate);
        Assert.Equal(9, status.RemainingDays);
    }

    [Fact]
    public void Evaluate_AfterResubmission_RunsAgainWithTheDaysLeft()
    {
        var status = At("2026-03-10", Pause("2026-03-04", "2026-03-09"));

        Assert.Equal(DeadlineState.OnTime, status.State);
        Assert.Equal(D("2026-03-20"), status.DueDate);
        Assert.Equal(8, status.RemainingDays); // 11-13 and 16-20 March
    }

    [Fact]
    public void Evaluate_ChangesRequestedAfterTheDueDate_StaysOverdue()
    {
        var status = At("2026-03-19", Pause("2026-03-18", null));

        Assert.Equal(DeadlineState.Overdue, status.State);
        Assert.Equal(D("2026-03-16"), status.DueDate);
        Assert.Equal(-3, status.RemainingDays);
    }

    [Fact]
    public void Evaluate_BusinessDaysIntoAYearNotInTheCalendar_SaysHolidaysAreNotKnown()
    {
        // Friday 20 December 2030 + 10 business days ends on Monday 6 January 2031 (1 January is fixed), but the
        // Islamic holidays of 2031 are not in calendar.yaml.
        var status = DeadlineClock.Evaluate(Calendar, D("2030-12-20"), TenBusinessDays, null, [], D("2030-12-20"));
        var calendarDays = DeadlineClock.Evaluate(Calendar, D("2030-12-20"), Deadline(20, CalendarKind.Calendar), null, [], D("2030-12-20"));

        Assert.Equal(D("2031-01-06"), status.DueDate);
        Assert.False(status.HolidaysKnown);
        Assert.True(calendarDays.HolidaysKnown);
    }

    [Fact]
    public void Evaluate_NegativeDueSoonThreshold_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineClock.Evaluate(Calendar, Start, TenBusinessDays, null, [], Start, -1));
    }

    [Fact]
    public void RemainingDays_MatchesTheStatus()
    {
        Assert.Equal(3, DeadlineClock.RemainingDays(Calendar, Start, TenBusinessDays, null, [], D("2026-03-11")));
    }
}
