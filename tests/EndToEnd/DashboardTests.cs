using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>The dashboard's charts (drawn on the server by ScottPlot) in the browser: under the portal's content security policy, in Arabic.</summary>
[Collection(PortalTests.Name)]
public sealed class DashboardTests(PortalFixture portal)
{
    private const string Password = "une phrase de passe 2026";

    [Fact]
    public async Task Charts_InArabic_ShowTheArabicLabelsAsTextInTheirOwnFont_WithoutACspViolation()
    {
        var filing = portal.FilingOf();
        var application = await filing.SubmittedAsync(Actor.Applicant("dashboard-e2e-" + Guid.NewGuid().ToString("N"), "Karim Tazi"));
        var delegate_ = await portal.CreateAccountAsync("provincial-delegate", Password, "ar", provinces: [application.Province!]);
        var page = await portal.NewPageAsync(Languages.Arabic);
        var violations = Pages.CspViolations(page);
        page.PageError += (_, error) => violations.Add(error);

        await Pages.SignInAsync(page, delegate_, Password);
        await page.GotoAsync("/dashboard");
        var chart = page.Locator("figure[aria-labelledby=chart-procedures-title]");
        await Assertions.Expect(chart.Locator("svg.chart-drawing")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // The procedure's Arabic title, as the data table says it, is a text of the drawing.
        var title = (await chart.Locator("table tbody tr th").First.TextContentAsync())!.Trim();
        Assert.Matches("\\p{IsArabic}", title);
        var texts = await chart.Locator("svg.chart-drawing text").AllTextContentsAsync();
        Assert.Contains(title, texts.Select(t => t.Trim()));
        // It reads from right to left: its first letter is drawn to the right of its last.
        var label = chart.Locator("svg.chart-drawing text").Filter(new() { HasText = title });
        var ends = await label.EvaluateAsync<double[]>("t => [t.getStartPositionOfChar(0).x, t.getStartPositionOfChar(t.getNumberOfChars() - 1).x]");
        Assert.True(ends[0] > ends[1], $"The first letter is at x = {ends[0]}, the last at x = {ends[1]}.");
        // The browser draws it with the font the server measured it with, served by the portal itself.
        Assert.True(await page.EvaluateAsync<bool>(
            "async () => { await document.fonts.ready; return [...document.fonts].some(f => f.family.replaceAll('\"', '') === 'Noto Sans Arabic' && f.status === 'loaded'); }"));
        Assert.Empty(violations);
        if (Environment.GetEnvironmentVariable("EP_SCREENSHOTS") == "1")
            await page.Locator(".charts").ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.RepositoryRoot(), "docs", "dashboard.ar.png") });
    }

    [Fact]
    public async Task Dashboard_IsServedWholeWithoutACircuit_AndItsPeriodIsAnOrdinaryRequest()
    {
        var filing = portal.FilingOf();
        var application = await filing.SubmittedAsync(Actor.Applicant("dashboard-e2e-" + Guid.NewGuid().ToString("N"), "Karim Tazi"));
        var delegate_ = await portal.CreateAccountAsync("provincial-delegate", Password, "fr", provinces: [application.Province!]);
        var page = await portal.NewPageAsync(Languages.French);
        await Pages.SignInAsync(page, delegate_, Password);

        // A page of figures and charts with nothing to click but a GET form: no circuit, so its figures are read
        // and its charts drawn once per visit, and nothing waits for a takeover. (A circuit starts after the page
        // has loaded: the sockets counted are those opened from then on, not the previous page's.)
        await page.GotoAsync("/dashboard");
        var circuits = new List<string>();
        page.WebSocket += (_, socket) => circuits.Add(socket.Url);
        await Assertions.Expect(page.Locator("figure[aria-labelledby=chart-procedures-title] svg.chart-drawing")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToHaveAttributeAsync("data-live", new System.Text.RegularExpressions.Regex(".*"));

        var month = DateOnly.FromDateTime(DateTime.Today).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator("#dashboard-from").FillAsync(month);
        await page.Locator(".dashboard-filters button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("from=" + month));
        await Assertions.Expect(page.Locator("#dashboard-from")).ToHaveValueAsync(month);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.DoesNotContain(circuits, url => url.Contains("/_blazor", StringComparison.Ordinal));
    }
}
