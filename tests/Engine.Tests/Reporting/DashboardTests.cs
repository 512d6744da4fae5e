using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Engine.Tests.Storage;
using EmploymentProcedures.Engine.Workflow;
using static EmploymentProcedures.Engine.Tests.Reporting.ReportingStore;

namespace EmploymentProcedures.Engine.Tests.Reporting;

/// <summary>
/// The dashboard on a hand-made March 2026, every file submitted on Monday 2 March through the application service.
/// Permits (5 business days): P1 Casablanca decided in 2 days, P2 Casablanca rejected in 5 (on its due date), P3 Rabat
/// decided in 8 (late), P4 Casablanca paused Tuesday to Thursday for changes then decided on Tuesday 10 (3 counted
/// days), P5 Casablanca withdrawn, P6 Casablanca still at reception (overdue from Tuesday 10), P7 Rabat waiting for
/// changes. Declaration (not routed): D1 acknowledged the day it came (0 days). The dashboard is read on Thursday 12.
/// </summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly Actor Delegate = Actor.Reviewer("delegate", "Délégué", "provincial-delegate", "casablanca");

    private TestStore _store = null!;
    private Dashboard _dashboard = null!;

    public async Task InitializeAsync()
    {
        _store = await CreateAsync();
        _dashboard = DashboardOf(_store);
        var p = new Application[8];
        for (var n = 1; n <= 7; n++)
            p[n] = await SubmitAsync(_store, $"Société {n}", Permit, PermitAnswers($"Société {n}", IceOf($"00100000000{n:D2}"), "BE1", n is 3 or 7 ? "rabat" : "casablanca"));
        var d1 = await SubmitAsync(_store, "Déclarant", Declaration, DeclarationAnswers("Déclarant", IceOf("0090000000001")));
        await DecideAsync(_store, d1, Casablanca, "reception", StepAction.Acknowledge);

        await OnAsync(3, async () =>
        {
            p[1] = await DecideAsync(_store, p[1], Casablanca, "reception", StepAction.Approve);
            p[4] = await DecideAsync(_store, p[4], Casablanca, "reception", StepAction.RequestChanges, ["company_name"]);
            p[7] = await DecideAsync(_store, p[7], Rabat, "reception", StepAction.RequestChanges, ["company_name"]);
        });
        await OnAsync(4, async () =>
        {
            p[1] = await DecideAsync(_store, p[1], Service, "decision", StepAction.Approve);
            p[2] = await DecideAsync(_store, p[2], Casablanca, "reception", StepAction.Approve);
            Assert.True((await _store.Applications.WithdrawAsync(p[5].Id, Owner(p[5]))).Succeeded);
        });
        await OnAsync(5, async () => Assert.True((await _store.Applications.SubmitAsync(p[4].Id, Owner(p[4]))).Succeeded));
        await OnAsync(6, async () => p[4] = await DecideAsync(_store, p[4], Casablanca, "reception", StepAction.Approve));
        await OnAsync(9, async () => p[2] = await DecideAsync(_store, p[2], Service, "decision", StepAction.Reject));
        await OnAsync(10, async () => p[4] = await DecideAsync(_store, p[4], Service, "decision", StepAction.Approve));
        await OnAsync(12, async () =>
        {
            p[3] = await DecideAsync(_store, p[3], Rabat, "reception", StepAction.Approve);
            p[3] = await DecideAsync(_store, p[3], Service, "decision", StepAction.Approve);
        });
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private async Task OnAsync(int dayOfMarch, Func<Task> actions)
    {
        _store.Clock.Set(new DateOnly(2026, 3, dayOfMarch));
        await actions();
    }

    private static Actor Owner(Application application) => Actor.Applicant(application.OwnerId, application.ApplicantName);

    private async Task<DashboardFigures> FiguresAsync(Actor viewer, DashboardFilter? filter = null)
    {
        var outcome = await _dashboard.FiguresAsync(viewer, filter ?? new DashboardFilter(March, March));
        Assert.True(outcome.Succeeded, outcome.Refusal?.ToString());
        return outcome.Value!;
    }

    [Fact]
    public async Task Figures_Nationwide_CountSubmissionsDecisionsAndWithdrawalsPerProcedureAndMonth()
    {
        var figures = await FiguresAsync(Administrator);

        Assert.Null(figures.Provinces);
        Assert.Equal(
            [new MonthlyVolume(Declaration, March, 1, 1, 0, 0, 0), new MonthlyVolume(Permit, March, 7, 4, 3, 1, 1)],
            figures.Volumes);
    }

    [Fact]
    public async Task Figures_MedianProcessingTime_CountsBusinessDaysWithoutTheDaysPausedForChanges()
    {
        var figures = await FiguresAsync(Administrator);
        var permit = figures.Procedures.Single(p => p.ProcedureId == Permit);

        // Permits took 2, 3, 5 and 8 business days; the declaration 0.
        Assert.Equal(new Performance(4, 4.0, CalendarKind.Business, 4, 3), permit.Figures);
        Assert.Equal(new DecisionCounts(5, 5, 4), figures.Overall);
        Assert.Equal([new Performance(5, 3.0, CalendarKind.Business, 5, 4)], figures.OverallByUnit);
        Assert.Equal(5, permit.LegalDeadline!.Days);
        Assert.Equal("Autorisation (boîte de réception)", permit.Title.Get("fr"));
    }

    [Fact]
    public async Task Figures_ShareWithinDeadline_CountsADecisionOnTheDueDateAsInTime()
    {
        var figures = await FiguresAsync(Administrator);

        Assert.Equal(0.75, figures.Procedures.Single(p => p.ProcedureId == Permit).Figures.ShareInTime);
        Assert.Equal(0.8, figures.Overall.ShareInTime);
    }

    [Fact]
    public async Task Figures_Backlog_CountsPendingOverdueAndWaitingFilesPerProvinceAndStep()
    {
        var figures = await FiguresAsync(Administrator);

        Assert.Equal(
            [("casablanca", 1, 1, 0), ("rabat", 1, 0, 1)],
            figures.BacklogByProvince.Select(b => (b.Key, b.Pending, b.Overdue, b.WaitingForApplicant)));
        var step = Assert.Single(figures.BacklogByStep);
        Assert.Equal(("reception", Permit, 2, 1, 1), (step.Key, step.ProcedureId, step.Pending, step.Overdue, step.WaitingForApplicant));
        Assert.Equal("Autorisation (boîte de réception) — Réception", step.Label.Get("fr"));
    }

    [Fact]
    public async Task Figures_ProvincialDelegate_SeeOnlyTheirProvinceAndNoUnroutedProcedure()
    {
        var figures = await FiguresAsync(Delegate);

        Assert.Equal(["casablanca"], figures.Provinces);
        Assert.Equal([new MonthlyVolume(Permit, March, 5, 3, 2, 1, 1)], figures.Volumes);
        Assert.Equal([new Performance(3, 3.0, CalendarKind.Business, 3, 3)], figures.OverallByUnit);
        Assert.Equal(["casablanca"], figures.BacklogByProvince.Select(b => b.Key));
    }

    [Fact]
    public async Task Figures_TerritoryFilter_CannotWidenWhatTheViewerCovers()
    {
        var delegateAskingRabat = await FiguresAsync(Delegate, new DashboardFilter(March, March) { Provinces = ["rabat"] });
        var nationalAskingRabat = await FiguresAsync(Administrator, new DashboardFilter(March, March) { Provinces = ["rabat"] });

        Assert.Empty(delegateAskingRabat.Volumes);
        Assert.Empty(delegateAskingRabat.BacklogByProvince);
        Assert.Equal([new MonthlyVolume(Permit, March, 2, 1, 1, 0, 0)], nationalAskingRabat.Volumes);
        Assert.Equal([new Performance(1, 8.0, CalendarKind.Business, 1, 0)], nationalAskingRabat.OverallByUnit);
    }

    [Fact]
    public async Task Figures_PeriodFilter_KeepsOnlyItsMonths()
    {
        var april = await FiguresAsync(Administrator, new DashboardFilter(new DateOnly(2026, 4, 15), new DateOnly(2026, 6, 1)));

        Assert.Empty(april.Volumes);
        Assert.Equal(new DecisionCounts(0, 0, 0), april.Overall);
        Assert.Empty(april.OverallByUnit);
        Assert.Null(april.Overall.ShareInTime);
        // The backlog is today's, whatever the period.
        Assert.Equal(2, april.BacklogByProvince.Sum(b => b.Pending));
    }

    [Theory]
    [InlineData("applicant")]
    [InlineData("analyst")]
    [InlineData("governor-office")]
    public async Task Figures_ApplicantsAnalystsAndExternalParties_AreRefused(string who)
    {
        var viewer = who switch
        {
            "applicant" => Actor.Applicant("amina", "Amina"),
            "analyst" => new Actor("analyst", "Analyst", "analyst", RoleKind.Staff, []),
            _ => Actor.Reviewer("gov", "Gov", who, "casablanca"),
        };

        var outcome = await _dashboard.FiguresAsync(viewer, new DashboardFilter(March, March));

        Assert.Equal(RefusalCodes.NotAllowed, outcome.Refusal?.Code);
        Assert.Null(outcome.Value);
    }

    [Fact]
    public async Task Rebuild_FromTheApplications_GivesTheFiguresTheTransitionsKept()
    {
        var kept = await FiguresAsync(Administrator);

        await _dashboard.RebuildAsync();
        var rebuilt = await FiguresAsync(Administrator);

        Assert.Equal(kept.Volumes, rebuilt.Volumes);
        Assert.Equal(kept.Overall, rebuilt.Overall);
        Assert.Equal(kept.OverallByUnit, rebuilt.OverallByUnit);
        Assert.Equal(kept.Procedures.Select(p => (p.ProcedureId, p.Figures)), rebuilt.Procedures.Select(p => (p.ProcedureId, p.Figures)));
    }

    [Theory]
    [InlineData(new[] { 5 }, 5.0)]
    [InlineData(new[] { 1, 9, 3 }, 3.0)]
    [InlineData(new[] { 1, 2, 3, 10 }, 2.5)]
    [InlineData(new[] { 4, 4, 4, 0 }, 4.0)]
    public void Median_OfAHistogram_IsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes(int[] days, double median)
    {
        var bins = days.GroupBy(d => d).Select(g => (g.Key, g.Count())).ToList();

        Assert.Equal(median, Dashboard.Median(bins));
    }

    [Fact]
    public void Median_OfNothing_IsNull() => Assert.Null(Dashboard.Median([]));
}
