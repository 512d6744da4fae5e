using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Engine.Tests.Storage;
using EmploymentProcedures.Engine.Workflow;
using static EmploymentProcedures.Engine.Tests.Reporting.ReportingStore;

namespace EmploymentProcedures.Engine.Tests.Reporting;

/// <summary>
/// The dashboard's times in each procedure's deadline unit, over a hand-made October 2026, every file submitted on
/// Thursday 1 October through the application service. A licence (the permit's circuit, 10 calendar days): L0–L2
/// approved on Monday 5 October (4 calendar days, 2 business days), L3 (Rabat) on Wednesday 14 (13 calendar days, 9
/// business days: late in calendar days, though within 10 business days). Permits (5 business days): P0 and P1 approved
/// on Monday 5 (2 business days), P2 (Rabat) on Wednesday 7 (4). Read on 15 November.
/// </summary>
public sealed class DashboardUnitsTests : IAsyncLifetime
{
    private const string Licence = "inbox-licence";

    private TestStore _store = null!;
    private Dashboard _dashboard = null!;
    private PublicStatistics _statistics = null!;

    public async Task InitializeAsync()
    {
        _store = await CreateAsync();
        // The permit's circuit with a deadline in calendar days.
        var permit = await File.ReadAllTextAsync(Path.Combine(Folder, Permit + ".yaml"));
        await _store.PublishAsync(permit
            .Replace("id: inbox-permit", "id: " + Licence, StringComparison.Ordinal)
            .Replace("reference_prefix: INP", "reference_prefix: INL", StringComparison.Ordinal)
            .Replace("deadline: { days: 5, calendar: business }", "deadline: { days: 10, calendar: calendar }", StringComparison.Ordinal));
        _dashboard = DashboardOf(_store);
        _statistics = new PublicStatistics(_store.Databases, _store.Clock);

        _store.Clock.Set(new DateOnly(2026, 10, 1));
        var licences = new List<Application>();
        var permits = new List<Application>();
        for (var n = 0; n < 4; n++)
            licences.Add(await SubmitAsync(_store, $"Licence {n}", Licence, PermitAnswers($"Licence {n}", IceOf($"00300000000{n:D2}"), "BE1", n == 3 ? "rabat" : "casablanca")));
        for (var n = 0; n < 3; n++)
            permits.Add(await SubmitAsync(_store, $"Permis {n}", Permit, PermitAnswers($"Permis {n}", IceOf($"00400000000{n:D2}"), "BE1", n == 2 ? "rabat" : "casablanca")));

        _store.Clock.Set(new DateOnly(2026, 10, 5));
        foreach (var file in licences.Take(3).Concat(permits.Take(2)))
            await ApproveAsync(file, Casablanca);
        _store.Clock.Set(new DateOnly(2026, 10, 7));
        await ApproveAsync(permits[2], Rabat);
        _store.Clock.Set(new DateOnly(2026, 10, 14));
        await ApproveAsync(licences[3], Rabat);
        _store.Clock.Set(new DateOnly(2026, 11, 15));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private async Task ApproveAsync(Application file, Actor agent)
    {
        var received = await DecideAsync(_store, file, agent, "reception", StepAction.Approve);
        await DecideAsync(_store, received, Service, "decision", StepAction.Approve);
    }

    private async Task<DashboardFigures> FiguresAsync(Actor viewer)
    {
        var outcome = await _dashboard.FiguresAsync(viewer, new DashboardFilter(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 1)));
        Assert.True(outcome.Succeeded, outcome.Refusal?.ToString());
        return outcome.Value!;
    }

    [Fact]
    public async Task Median_OfACalendarDaysProcedure_IsInCalendarDays_BesideItsDeadline()
    {
        var figures = await FiguresAsync(Administrator);
        var licence = figures.Procedures.Single(p => p.ProcedureId == Licence);

        // 4, 4, 4 and 13 calendar days (2, 2, 2 and 9 business days); the late one is late in calendar days.
        Assert.Equal(new Performance(4, 4.0, CalendarKind.Calendar, 4, 3), licence.Figures);
        Assert.Equal((10, CalendarKind.Calendar), (licence.LegalDeadline!.Days, licence.LegalDeadline.Calendar));
    }

    [Fact]
    public async Task Median_OfABusinessDaysProcedure_StaysInBusinessDays()
    {
        var figures = await FiguresAsync(Administrator);

        Assert.Equal(new Performance(3, 2.0, CalendarKind.Business, 3, 3), figures.Procedures.Single(p => p.ProcedureId == Permit).Figures);
    }

    [Fact]
    public async Task Overall_WithBothUnits_GivesOneMedianPerUnit_AndOneShareInTime()
    {
        var figures = await FiguresAsync(Administrator);

        Assert.Equal(
            [new Performance(3, 2.0, CalendarKind.Business, 3, 3), new Performance(4, 4.0, CalendarKind.Calendar, 4, 3)],
            figures.OverallByUnit);
        Assert.Equal(new DecisionCounts(7, 7, 6), figures.Overall);
    }

    [Fact]
    public async Task Median_InOneProvince_IsInTheProceduresUnitToo()
    {
        var figures = await FiguresAsync(Actor.Reviewer("delegate", "Délégué", "provincial-delegate", "rabat"));

        Assert.Equal(new Performance(1, 13.0, CalendarKind.Calendar, 1, 0), figures.Procedures.Single(p => p.ProcedureId == Licence).Figures);
        Assert.Equal(new Performance(1, 4.0, CalendarKind.Business, 1, 1), figures.Procedures.Single(p => p.ProcedureId == Permit).Figures);
    }

    [Fact]
    public async Task Nationwide_OverThePublicStatisticsPeriod_AgreesWithThePublicStatistics()
    {
        var period = _statistics.CurrentPeriod;
        var tally = await _statistics.TallyAsync(period);
        var outcome = await _dashboard.FiguresAsync(Administrator, new DashboardFilter(period.FirstMonth, period.LastMonth));

        var procedures = outcome.Value!.Procedures;
        Assert.Equal([Licence, Permit], procedures.Select(p => p.ProcedureId).Order(StringComparer.Ordinal));
        foreach (var procedure in procedures)
        {
            var published = tally.For((await _store.Definitions.LatestAsync(procedure.ProcedureId))!.Definition, threshold: 1);
            Assert.Equal(
                (published.Decided, published.MedianDays.Published, published.DaysUnit, published.ShareInTime.Published),
                (procedure.Figures.Decided, procedure.Figures.MedianDays, procedure.Figures.DaysUnit, procedure.Figures.ShareInTime));
        }
    }
}
