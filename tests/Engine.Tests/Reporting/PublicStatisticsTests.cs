using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Engine.Tests.Storage;
using EmploymentProcedures.Engine.Workflow;
using static EmploymentProcedures.Engine.Tests.Reporting.ReportingStore;

namespace EmploymentProcedures.Engine.Tests.Reporting;

/// <summary>
/// The public statistics over a hand-made October 2026, every file submitted on Thursday 1 October through the
/// application service. Permits (5 business days, a circuit that can reject): P0–P8 approved on Monday 5 October
/// (2 business days, 4 calendar days), P9 rejected on Saturday 31 October, the month's last day (21 business days, 30
/// calendar days: late), P10 withdrawn on 6 October, P11 (Rabat) approved on Monday 2 November. The declaration (only
/// acknowledged) D0 acknowledged the day it came. Read on 15 November: the period is November 2025 to October 2026.
/// </summary>
public sealed class PublicStatisticsTests : IAsyncLifetime
{
    private static readonly DateOnly November15 = new(2026, 11, 15);

    private TestStore _store = null!;
    private PublicStatistics _statistics = null!;
    private readonly List<Application> _permits = [];

    public async Task InitializeAsync()
    {
        _store = await CreateAsync();
        _statistics = new PublicStatistics(_store.Databases, _store.Clock);
        _store.Clock.Set(new DateOnly(2026, 10, 1));
        for (var n = 0; n < 12; n++)
            _permits.Add(await SubmitAsync(_store, $"Société {n}", Permit, PermitAnswers($"Société {n}", IceOf($"00200000000{n:D2}"), "BE1", n >= 10 ? "rabat" : "casablanca")));
        var d0 = await SubmitAsync(_store, "Déclarant", Declaration, DeclarationAnswers("Déclarant", IceOf("0090000000001")));
        await DecideAsync(_store, d0, Casablanca, "reception", StepAction.Acknowledge);

        _store.Clock.Set(new DateOnly(2026, 10, 5));
        for (var n = 0; n < 9; n++)
            await ApproveAsync(_permits[n], Casablanca);
        _store.Clock.Set(new DateOnly(2026, 10, 6));
        Assert.True((await _store.Applications.WithdrawAsync(_permits[10].Id, Actor.Applicant(_permits[10].OwnerId, _permits[10].ApplicantName))).Succeeded);
        _store.Clock.Set(new DateOnly(2026, 10, 31));
        var p9 = await DecideAsync(_store, _permits[9], Casablanca, "reception", StepAction.Approve);
        await DecideAsync(_store, p9, Service, "decision", StepAction.Reject);
        _store.Clock.Set(new DateOnly(2026, 11, 2));
        await ApproveAsync(_permits[11], Rabat);
        _store.Clock.Set(November15);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private async Task ApproveAsync(Application permit, Actor agent)
    {
        var received = await DecideAsync(_store, permit, agent, "reception", StepAction.Approve);
        await DecideAsync(_store, received, Service, "decision", StepAction.Approve);
    }

    private async Task<ProcedureDefinition> DefinitionAsync(string id) => (await _store.Definitions.LatestAsync(id))!.Definition;

    private async Task<ProcedureStatistics> StatisticsAsync(string procedure, StatisticsPeriod? period = null, int threshold = 10)
    {
        var tally = await _statistics.TallyAsync(period ?? _statistics.CurrentPeriod);
        return tally.For(await DefinitionAsync(procedure), threshold);
    }

    [Fact]
    public void Period_OnTheFifteenthOfNovember_IsTheTwelveFullMonthsBefore()
    {
        var period = StatisticsPeriod.LastTwelveFullMonths(November15);

        Assert.Equal((new DateOnly(2025, 11, 1), new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), (period.FirstMonth, period.LastMonth, period.LastDay));
        Assert.Equal(period, _statistics.CurrentPeriod);
    }

    [Fact]
    public async Task Counts_Nationwide_CountSubmissionsWithTheWithdrawnAndDecisionsWithoutThem()
    {
        var permit = await StatisticsAsync(Permit);

        // Twelve submitted (the withdrawn one among them), ten decided (P11 is November's), one withdrawn.
        Assert.Equal((12, 10, 1), (permit.Submitted, permit.Decided, permit.Withdrawn));
    }

    [Fact]
    public async Task Period_DecisionOnTheMonthsLastDay_CountsInThatMonth_AndTheMonthUnderWayIsLeftOut()
    {
        var october = await StatisticsAsync(Permit, StatisticsPeriod.LastTwelveFullMonths(new DateOnly(2026, 11, 1)));
        var septemberBack = await StatisticsAsync(Permit, StatisticsPeriod.LastTwelveFullMonths(new DateOnly(2026, 10, 31)));
        var december = await StatisticsAsync(Permit, StatisticsPeriod.LastTwelveFullMonths(new DateOnly(2026, 12, 1)));

        // On 1 November, October is whole: P9, rejected on the 31st, is in it; P11 (2 November) is not.
        Assert.Equal((12, 10), (october.Submitted, october.Decided));
        Assert.Equal(0.9, october.ShareApproved.Published);
        // On 31 October the month is still under way: nothing of it is counted.
        Assert.Equal((0, 0), (septemberBack.Submitted, septemberBack.Decided));
        Assert.Equal(FigureStatus.TooFewDecisions, septemberBack.MedianDays.Status);
        // On 1 December November is whole, and P11's decision joins.
        Assert.Equal((12, 11), (december.Submitted, december.Decided));
    }

    [Fact]
    public async Task ShareApproved_OfACircuitThatRejects_IsTheShareOfDecisionsNotRefused()
    {
        var permit = await StatisticsAsync(Permit);

        Assert.True(ProcedureStatistics.CanReject(await DefinitionAsync(Permit)));
        Assert.Equal(new PublicFigure(FigureStatus.Published, 0.9), permit.ShareApproved);
    }

    [Fact]
    public async Task Declaration_ThatCannotBeRejected_HasNoShareApproved()
    {
        var declaration = await StatisticsAsync(Declaration, threshold: 1);

        Assert.False(ProcedureStatistics.CanReject(await DefinitionAsync(Declaration)));
        Assert.Equal(PublicFigure.NotApplicable, declaration.ShareApproved);
        Assert.Equal((1, 1), (declaration.Submitted, declaration.Decided));
        // Its other figures are published like any procedure's.
        Assert.Equal(0.0, declaration.MedianDays.Published);
        Assert.Equal(1.0, declaration.ShareInTime.Published);
    }

    [Fact]
    public async Task Median_OfABusinessDaysDeadline_IsInBusinessDaysBesideTheDeadline()
    {
        var permit = await StatisticsAsync(Permit);

        // Nine decisions in 2 business days, one in 21.
        Assert.Equal((2.0, CalendarKind.Business), (permit.MedianDays.Published, permit.DaysUnit));
        Assert.Equal((5, CalendarKind.Business), (permit.LegalDeadline!.Days, permit.LegalDeadline.Calendar));
    }

    [Fact]
    public async Task Median_OfACalendarDaysDeadline_IsInCalendarDays()
    {
        var definition = await DefinitionAsync(Permit);
        var counted = definition with { Deadline = definition.Deadline! with { Days = 30, Calendar = CalendarKind.Calendar } };

        var permit = (await _statistics.TallyAsync(_statistics.CurrentPeriod)).For(counted, 10);

        // Nine decisions in 4 calendar days (Thursday to Monday), one in 30.
        Assert.Equal((4.0, CalendarKind.Calendar, 30), (permit.MedianDays.Published, permit.DaysUnit, permit.LegalDeadline!.Days));
    }

    [Fact]
    public async Task ShareInTime_CountsTheDecisionsOnOrBeforeTheirDueDate()
    {
        var permit = await StatisticsAsync(Permit);

        // P9, decided 21 business days after its submission, was late.
        Assert.Equal(new PublicFigure(FigureStatus.Published, 0.9), permit.ShareInTime);
    }

    [Theory]
    [InlineData(9, FigureStatus.TooFewDecisions)]
    [InlineData(10, FigureStatus.Published)]
    public async Task Threshold_OfTenDecisions_WithholdsEveryFigureDrawnFromFewer(int decided, FigureStatus status)
    {
        var period = _statistics.CurrentPeriod;
        var tally = new StatisticsTally(period, _store.Clock.Now, new Dictionary<string, ProcedureTally>
        {
            [Permit] = new(decided + 2, decided, decided - 1, 1, 0, decided, decided) { BusinessDays = [(3, decided)], CalendarDays = [(5, decided)] },
        });

        var permit = tally.For(await DefinitionAsync(Permit), 10);

        Assert.Equal([status, status, status], [permit.ShareApproved.Status, permit.MedianDays.Status, permit.ShareInTime.Status]);
        // The counts themselves are always published: they say nothing of any one file's outcome.
        Assert.Equal((decided + 2, decided), (permit.Submitted, permit.Decided));
    }

    [Fact]
    public async Task Threshold_AboveTheDecisions_WithholdsTheRealFigures()
    {
        var permit = await StatisticsAsync(Permit, threshold: 11);

        Assert.Equal(FigureStatus.TooFewDecisions, permit.ShareApproved.Status);
        Assert.Null(permit.MedianDays.Published);
        Assert.Null(permit.ShareInTime.Published);
    }

    [Fact]
    public async Task Erasure_KeepsTheClosedApplicationsCounted_EvenAfterARebuild()
    {
        var period = _statistics.CurrentPeriod;
        var before = await StatisticsAsync(Permit, period);

        // The test procedures keep a closed file 5 years.
        _store.Clock.Set(November15.AddYears(6));
        var erased = await _store.Applications.EraseExpiredAsync();
        var after = await StatisticsAsync(Permit, period);
        await DashboardOf(_store).RebuildAsync();
        var rebuilt = await StatisticsAsync(Permit, period);

        // The twelve permits (approved, rejected or withdrawn) and the declaration: all closed.
        Assert.Equal(13, erased);
        Assert.Equal(before, after);
        Assert.Equal(before, rebuilt);
    }

    [Fact]
    public async Task Complete_ADatabaseWithoutCalendarDays_RecomputesThem_AndOnceDoneDoesNothing()
    {
        var before = await StatisticsAsync(Permit);
        // As a database migrated from before calendar days were kept.
        await _store.SqlAsync("DELETE FROM ProcessingTimes WHERE Calendar = 'Calendar'");
        var definition = await DefinitionAsync(Permit);
        var calendar = definition with { Deadline = definition.Deadline! with { Calendar = CalendarKind.Calendar } };
        var missing = (await _statistics.TallyAsync(_statistics.CurrentPeriod)).For(calendar, 10);

        var completed = await DashboardOf(_store).CompleteAsync();
        var again = await DashboardOf(_store).CompleteAsync();

        Assert.Equal(FigureStatus.TooFewDecisions, missing.MedianDays.Status);
        Assert.Equal((true, false), (completed, again));
        Assert.Equal(before, await StatisticsAsync(Permit));
        Assert.Equal(4.0, (await _statistics.TallyAsync(_statistics.CurrentPeriod)).For(calendar, 10).MedianDays.Published);
    }
}
