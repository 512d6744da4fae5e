using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.MyApplications;

namespace EmploymentProcedures.Host.Tests.MyApplications;

public sealed class LegalDeadlineTests
{
    private static readonly BusinessCalendar Calendar = Repository.Catalog.Library.Calendar;

    /// <summary>Wednesday 2 December 2026, a working day.</summary>
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static DeadlineState Mark(ApplicationStatus status, DateOnly? due) =>
        LegalDeadline.Of(new ApplicationSummary(Guid.NewGuid(), Filing.Procedure, "RI-2026-000001", status, "reception", Today.AddDays(-10), due, DateTime.UtcNow), Today, Calendar);

    [Theory]
    [InlineData(-1, DeadlineState.Overdue)]
    [InlineData(0, DeadlineState.DueSoon)]
    [InlineData(2, DeadlineState.DueSoon)]
    [InlineData(14, DeadlineState.OnTime)]
    public void Of_InReview_MarksTheDueDate(int daysLeft, DeadlineState expected) =>
        Assert.Equal(expected, Mark(ApplicationStatus.InReview, Today.AddDays(daysLeft)));

    [Fact]
    public void Of_DueAfterAWeekend_CountsBusinessDaysForDueSoon()
    {
        var friday = new DateOnly(2026, 12, 4);
        var nextTuesday = new DateOnly(2026, 12, 8);

        var mark = LegalDeadline.Of(new ApplicationSummary(Guid.NewGuid(), Filing.Procedure, null, ApplicationStatus.InReview, "reception", friday, nextTuesday, DateTime.UtcNow), friday, Calendar);

        Assert.Equal(DeadlineState.DueSoon, mark);
    }

    [Fact]
    public void Of_ChangesRequested_WithoutADueDate_IsPaused() =>
        Assert.Equal(DeadlineState.Paused, Mark(ApplicationStatus.ChangesRequested, null));

    [Theory]
    [InlineData(ApplicationStatus.Draft)]
    [InlineData(ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void Of_NotUnderReview_MarksNothingEvenPastTheDueDate(ApplicationStatus status) =>
        Assert.Equal(DeadlineState.None, Mark(status, Today.AddDays(-5)));
}
