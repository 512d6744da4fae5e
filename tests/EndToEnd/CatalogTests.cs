using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

[Collection(PortalTests.Name)]
public sealed class CatalogTests(PortalFixture portal)
{
    [Fact]
    public async Task Catalog_FirstVisit_IsInFrenchAndListsThe55Procedures()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Catalogue des procédures");
        // The repository's 55, and any procedure the designer's test has already published into this portal.
        var served = portal.App.Services.GetRequiredService<PublishedCatalog>().Catalog.Definitions.Count;
        Assert.True(served >= 55, $"{served} procedures served");
        await Assertions.Expect(Pages.ProcedureLinks(page)).ToHaveCountAsync(served);
    }

    [Fact]
    public async Task Catalog_SwitchedToArabic_IsRightToLeftWithAMirroredHeader()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator($".languages button[value={Languages.Arabic.Code}]").ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("دليل المساطر");

        // Logical properties mirror the layout: the ministry's name is now on the right of the tools.
        await Pages.WaitForLiveSearchAsync(page);
        var lefts = await page.EvaluateAsync<double[]>(
            "() => ['.brand', '.header-tools'].map(s => document.querySelector(s).getBoundingClientRect().left)");
        Assert.True(lefts[0] > lefts[1], $"brand at {lefts[0]}, tools at {lefts[1]}");
    }

    [Fact]
    public async Task Search_FrenchTypedWithoutAccents_FindsTheProcedure()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        await Pages.SearchAsync(page, "declaration accident travail");

        // Both the match and the list narrowing are awaited: the full list also shows the procedure.
        await Assertions.Expect(page.Locator("a[href='procedures/foreign-worker-contract-visa']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("a[href='procedures/workplace-accident-notification']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Search_ArabicTypedWithBareAlefAndHa_FindsTheProcedure()
    {
        var page = await portal.NewPageAsync(Languages.Arabic);
        await page.GotoAsync("/");
        // The title is written التأشيرة (hamza on alef, ta marbuta); the query uses ا and ه.
        await Pages.SearchAsync(page, "التاشيره على عقد");

        await Assertions.Expect(page.Locator("a[href='procedures/workplace-accident-notification']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("a[href='procedures/foreign-worker-contract-visa']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("a[href='procedures/foreign-worker-contract-visa']")).ToContainTextAsync("التأشيرة");
    }

    [Fact]
    public async Task Search_WithoutTheCircuit_WorksAsAPlainForm()
    {
        var page = await portal.NewPageAsync();
        var response = await page.APIRequest.GetAsync("/?q=greve");
        Assert.Equal(200, response.Status);
        var html = await response.TextAsync();
        Assert.Contains("procedures/strike-notice", html);
        Assert.DoesNotContain("procedures/foreign-worker-contract-visa\"", html);
    }

    [Fact]
    public async Task Search_NothingMatches_SaysSo()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        await Pages.SearchAsync(page, "zzqqxx");

        await Assertions.Expect(page.Locator(".result-count")).ToHaveTextAsync("Aucune procédure ne correspond à cette recherche.");
        await Assertions.Expect(Pages.ProcedureLinks(page)).ToHaveCountAsync(0);
    }
}
