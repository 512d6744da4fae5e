using EmploymentProcedures.Host.Localization;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>The public statistics in Chromium: <c>/statistics</c> and a procedure page whose figures are published, read by axe-core.</summary>
[Collection(PortalTests.Name)]
public sealed class StatisticsTests(PortalFixture portal)
{
    [Theory]
    [InlineData("fr", "ltr")]
    [InlineData("ar", "rtl")]
    public async Task StatisticsPage_WithPublishedFigures_HasNoSeriousOrCriticalAxeViolation(string language, string direction)
    {
        var page = await portal.NewPageAsync(Languages.Find(language));
        await page.GotoAsync("/statistics");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", direction);
        var row = page.Locator($"tbody tr:has(a[href='procedures/{PortalFixture.ProcedureWithFigures}'])");
        // 36 decisions, 6 refused: 83 % approved; medians of 6 business days; 31 of 36 in time: 86 %.
        await Assertions.Expect(row.Locator("td").Nth(2)).ToContainTextAsync("83");
        await Assertions.Expect(row.Locator("td").Nth(3)).ToContainTextAsync("6");
        await Assertions.Expect(row.Locator("td").Nth(5)).ToContainTextAsync("86");
        await Pages.AssertNoSeriousAxeViolationAsync(page);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task ProcedurePage_WithPublishedFigures_HasNoSeriousOrCriticalAxeViolation(string language)
    {
        var page = await portal.NewPageAsync(Languages.Find(language));
        await page.GotoAsync($"/procedures/{PortalFixture.ProcedureWithFigures}");

        var section = page.Locator("section.procedure-figures");
        await Assertions.Expect(section.Locator("dd")).ToHaveCountAsync(5);
        await Assertions.Expect(section.Locator("dd.withheld")).ToHaveCountAsync(0);
        await Assertions.Expect(section.Locator("dd").First).ToHaveTextAsync("40");
        await Pages.AssertNoSeriousAxeViolationAsync(page);
    }
}
