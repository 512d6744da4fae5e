using System.Net;
using AngleSharp.Dom;
using Bunit;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Reviewing;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Reviewing;

/// <summary>
/// The dashboard, on a portal of its own (its figures are exact): four applications for the approval of internal
/// regulations (a legal deadline of 60 calendar days) submitted this month in one province, one rejected the day it came
/// and one waiting for changes.
/// </summary>
public sealed class DashboardPageTests(DashboardPageTests.Figures figures) : IClassFixture<DashboardPageTests.Figures>
{
    public sealed class Figures : IAsyncLifetime
    {
        public LivePortal Portal { get; } = new();

        public string Province { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await Portal.InitializeAsync();
            var applicant = Actor.Applicant("dashboard-applicant", "Nadia Alaoui");
            var filing = Portal.Filing;
            var files = new List<Application>();
            for (var i = 0; i < 4; i++)
                files.Add(await filing.SubmittedAsync(applicant));
            Province = files[0].Province!;
            await filing.RequestChangesAsync(files[1], "Précisez.", "article_count");
            var rejected = await Portal.Applications.DecideAsync(files[2].Id, Filing.DeskAgent(files[2]), new WorkflowCommand.Decide(files[2].Step!, StepAction.Reject, "Incomplet."));
            Assert.True(rejected.Succeeded);
        }

        public Task DisposeAsync() => Portal.DisposeAsync();
    }

    [Fact]
    public async Task ProvincialDelegate_SeesTheVolumesTimesAndBacklogOfTheirProvince()
    {
        var (_, delegate_) = await figures.Portal.AccountAsync("provincial-delegate", figures.Province);
        using var context = Context(delegate_);

        var page = context.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal("Tableau de bord", page.Find("h1").TextContent));
        Assert.Equal(["4", "1", "—", "0 jour calendaire", "100 %", "3", "0"], page.FindAll(".key-figures dd").Select(ReviewerPage.Text));
        Assert.Equal(7, page.FindAll("figure.chart").Count);
        // Each chart is hidden from screen readers, which read its table: one per chart, each with a caption.
        Assert.All(page.FindAll("figure.chart svg.chart-drawing"), svg => Assert.Equal("true", svg.GetAttribute("aria-hidden")));
        Assert.Equal(page.FindAll("figure.chart figcaption").Select(c => c.TextContent), page.FindAll("figure.chart table caption").Select(c => c.TextContent));
        var month = Row(page, "#chart-months-title", 0);
        Assert.Equal(["4", "1", "0", "1", "0"], month.Skip(1));
        var province = Row(page, "#chart-backlog-province-title", 0);
        Assert.Equal(["3", "0", "1"], province.Skip(1));
        // The month's chart, drawn by ScottPlot: its label and values as text, two bars (submitted, decided) from one
        // start, the longest four times the other.
        var chart = page.Find("figure[aria-labelledby=chart-months-title] svg.chart-drawing");
        Assert.Contains(month[0], Texts(chart));
        Assert.Contains("4", Texts(chart));
        var bars = Bars(chart);
        Assert.Equal(2, bars.Count);
        Assert.Equal(bars[0].X, bars[1].X, 1);
        Assert.Equal(4 * bars[1].Width, bars[0].Width, 1);
    }

    [Fact]
    public async Task CalendarDaysProcedure_MedianMarkAndTable_AreInCalendarDays()
    {
        var (_, delegate_) = await figures.Portal.AccountAsync("provincial-delegate", figures.Province);
        using var context = Context(delegate_);

        var page = context.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("figure.chart svg.chart-drawing")));
        Assert.Equal("Délai médian, procédures à délai en jours calendaires ou sans délai", ReviewerPage.Text(page.FindAll(".key-figures dt")[3]));
        var chart = page.Find("figure[aria-labelledby=chart-times-calendar-title]");
        Assert.Equal("Délai médian de traitement face au délai légal, en jours calendaires", ReviewerPage.Text(chart.QuerySelector("figcaption")!));
        Assert.Equal("Délai médian de traitement face au délai légal, en jours calendaires", ReviewerPage.Text(chart.QuerySelector("table caption")!));
        // The rejected file: decided the day it came, against 60 calendar days.
        Assert.Equal(["Approbation du règlement intérieur", "1", "0 jour calendaire", "60 jours calendaires", "100 %"], Row(page, "#chart-times-calendar-title", 0));
        // The drawing says the median in calendar days and marks the 60 days, which the legend names.
        var drawing = chart.QuerySelector("svg.chart-drawing")!;
        Assert.Contains("0 jour calendaire", Texts(drawing));
        Assert.Contains("60 jours calendaires", Texts(drawing));
        Assert.Contains(MarkColour, drawing.OuterHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Délai légal", ReviewerPage.Text(chart.QuerySelector(".chart-legend")!));
        // No procedure with a deadline in business days was decided: its chart says so rather than drawing nothing.
        Assert.Equal("Aucune décision sur cette période.", page.Find("#chart-times-business-title + .chart-empty").TextContent);
    }

    [Fact]
    public async Task Arabic_MirrorsTheBars()
    {
        var (_, delegate_) = await figures.Portal.AccountAsync("provincial-delegate", figures.Province);
        using var context = Context(delegate_, language: Languages.Arabic);

        var page = context.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal("لوحة القيادة", page.Find("h1").TextContent));
        // The bars start from the right: they share their right end, the longest four times the other. The texts are
        // placed glyph by glyph by the server: the page's right-to-left direction must not reorder them again.
        var svg = page.Find("figure[aria-labelledby=chart-months-title] svg.chart-drawing");
        Assert.Equal("ltr", svg.GetAttribute("direction"));
        Assert.All(svg.QuerySelectorAll("text"), text => Assert.DoesNotContain(",", text.GetAttribute("x") ?? ""));
        var bars = Bars(svg);
        Assert.Equal(2, bars.Count);
        Assert.Equal(bars[0].X + bars[0].Width, bars[1].X + bars[1].Width, 1);
        Assert.True(bars[1].X > bars[0].X);
        Assert.Equal(4 * bars[1].Width, bars[0].Width, 1);
        // The procedure's Arabic title is in the drawing as text (shaped by the browser from the same font).
        var procedure = Row(page, "#chart-procedures-title", 0)[0];
        Assert.Matches("\\p{IsArabic}", procedure);
        Assert.Contains(procedure, Texts(page.Find("figure[aria-labelledby=chart-procedures-title] svg.chart-drawing")));
    }

    [Fact]
    public async Task TwoVisitsOfTheSameFigures_DrawEachChartOnce_AndArabicDrawsItsOwn()
    {
        var (_, delegate_) = await figures.Portal.AccountAsync("provincial-delegate", figures.Province);
        using var drawings = new ChartDrawings();
        PageContext Context(Language? language = null)
        {
            var context = new PageContext(figures.Portal, delegate_, language, drawings);
            context.Services.GetRequiredService<NavigationManager>().NavigateTo("dashboard");
            return context;
        }
        static IRenderedComponent<DashboardPage> Visit(PageContext context)
        {
            var page = context.Render<DashboardPage>();
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("figure.chart svg.chart-drawing")));
            return page;
        }
        static List<string> Drawings(IRenderedComponent<DashboardPage> page) => page.FindAll("figure.chart svg.chart-drawing").Select(svg => svg.OuterHtml).ToList();

        using var firstVisit = Context();
        var first = Drawings(Visit(firstVisit));
        var drawn = drawings.Drawn;
        using var secondVisit = Context();
        var second = Drawings(Visit(secondVisit));

        Assert.Equal(first.Count, drawn);
        Assert.Equal(drawn, drawings.Drawn);
        Assert.Equal(first, second);

        using var arabic = Context(Languages.Arabic);
        Visit(arabic);
        Assert.Equal(2 * drawn, drawings.Drawn);
    }

    [Fact]
    public async Task DelegateOfAnotherProvince_SeesNoneOfIt()
    {
        var other = figures.Province == "rabat" ? "casablanca" : "rabat";
        var (_, delegate_) = await figures.Portal.AccountAsync("provincial-delegate", other);
        using var context = Context(delegate_);

        var page = context.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal(["0", "0", "—", "—", "—", "0", "0"], page.FindAll(".key-figures dd").Select(ReviewerPage.Text)));
        Assert.Equal("Aucune demande déposée ni décidée sur cette période.", page.Find("#chart-months-title + .chart-empty").TextContent);
        // Only their own provinces to choose from.
        Assert.Equal(["", other], page.FindAll("#dashboard-province option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task Period_BeforeTheFiles_CountsNoVolumeButTheBacklogNow()
    {
        var (_, director) = await figures.Portal.AccountAsync("labour-directorate");
        using var context = Context(director, "dashboard?from=2020-01&to=2020-03");

        var page = context.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal(["0", "0", "—", "—", "—", "3", "0"], page.FindAll(".key-figures dd").Select(ReviewerPage.Text)));
        Assert.Equal("2020-01", page.Find("#dashboard-from").GetAttribute("value"));
        Assert.Equal("2020-03", page.Find("#dashboard-to").GetAttribute("value"));
        Assert.Equal("Tout le pays", page.Find("#dashboard-province option").TextContent);
    }

    [Theory]
    [InlineData("employer", HttpStatusCode.NotFound)]
    [InlineData("desk-agent", HttpStatusCode.NotFound)]
    [InlineData("analyst", HttpStatusCode.NotFound)]
    [InlineData("regional-director", HttpStatusCode.OK)]
    [InlineData("administrator", HttpStatusCode.OK)]
    public async Task Page_IsForThoseWhoSteer(string role, HttpStatusCode expected)
    {
        var (email, _) = await figures.Portal.AccountAsync(role, role is "desk-agent" or "regional-director" ? [figures.Province] : []);
        using var client = await figures.Portal.SignedInAsync(email);

        using var response = await client.GetAsync("dashboard");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        using var client = figures.Portal.Anonymous();

        using var response = await client.GetAsync("dashboard");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private PageContext Context(Actor actor, string address = "dashboard", Language? language = null) => ReviewerPage.At(figures.Portal, actor, address, language);

    /// <summary>The texts a chart's drawing writes.</summary>
    private static List<string> Texts(IElement svg) => svg.QuerySelectorAll("text").Select(ReviewerPage.Text).ToList();

    /// <summary>A chart's bars: the rectangles filled with a series' colour, top to bottom.</summary>
    private static List<(double X, double Width)> Bars(IElement svg) => svg.QuerySelectorAll("rect")
        .Where(r => Series.Contains(r.GetAttribute("fill") ?? "", StringComparer.OrdinalIgnoreCase))
        .OrderBy(r => Number(r, "y"))
        .Select(r => (Number(r, "x"), Number(r, "width")))
        .ToList();

    private static readonly string[] Series = ["#00563f", "#1d4f91", "#7a4d00"];

    /// <summary>The colour of the legal deadlines' marks (<c>ChartDrawing</c>).</summary>
    private const string MarkColour = "#a4161a";

    private static double Number(IElement element, string attribute) => double.Parse(element.GetAttribute(attribute)!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The cells of a chart's data table's row.</summary>
    private static List<string> Row(IRenderedComponent<DashboardPage> page, string caption, int index) =>
        page.Find($"figure[aria-labelledby={caption[1..]}]").QuerySelectorAll("tbody tr")[index].Children.Select(ReviewerPage.Text).ToList();
}
