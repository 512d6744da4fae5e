using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

[Collection(PortalTests.Name)]
public sealed class ProcedurePageTests(PortalFixture portal)
{
    private const string Id = "foreign-worker-contract-visa";

    [Fact]
    public async Task ProcedurePage_ShowsDocumentsStepsDeadlineAndLegalBasis()
    {
        var definition = portal.App.Services.GetRequiredService<ProcedureCatalog>().Definitions[Id];
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        // A click while the circuit takes the prerendered catalog over can be lost: follow the link once it is live.
        await Pages.WaitForLiveSearchAsync(page);
        await page.Locator($"a[href='procedures/{Id}']").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(definition.Title.Get("fr"));
        await Assertions.Expect(page.Locator(".documents > li")).ToHaveCountAsync(definition.Documents.Count);
        await Assertions.Expect(page.Locator(".documents")).ToContainTextAsync(definition.Documents[0].Label!.Get("fr"));
        await Assertions.Expect(page.Locator(".documents")).ToContainTextAsync("PDF");
        await Assertions.Expect(page.Locator(".documents")).ToContainTextAsync("5 Mo au plus");
        // A conditional document says when it is needed, with the field's and the option's labels.
        await Assertions.Expect(page.Locator(".documents")).ToContainTextAsync("Obligatoire si « Catégorie de dispense »");
        await Assertions.Expect(page.Locator(".steps > li")).ToHaveCountAsync(definition.Steps.Count);
        for (var i = 0; i < definition.Steps.Count; i++)
            await Assertions.Expect(page.Locator(".steps > li .step-title").Nth(i)).ToHaveTextAsync(definition.Steps[i].Title!.Get("fr"));
        await Assertions.Expect(page.Locator(".steps")).ToContainTextAsync("Agent du guichet");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("10 jours ouvrables");
        await Assertions.Expect(page.Locator("#legal-basis + ul")).ToContainTextAsync("articles 516 à 521");
        await Assertions.Expect(page.Locator(".start form")).ToHaveAttributeAsync("action", $"apply/{Id}");
        await Assertions.Expect(page.Locator(".start form")).ToHaveAttributeAsync("method", "post");
    }

    [Fact]
    public async Task ProcedurePage_InArabic_ShowsArabicTextsRightToLeft()
    {
        var definition = portal.App.Services.GetRequiredService<ProcedureCatalog>().Definitions[Id];
        var page = await portal.NewPageAsync(Languages.Arabic);
        await page.GotoAsync($"/procedures/{Id}");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(definition.Title.Get("ar"));
        await Assertions.Expect(page.Locator("#documents")).ToHaveTextAsync("الوثائق الواجب إعدادها");
        await Assertions.Expect(page.Locator(".steps > li .step-title").First).ToHaveTextAsync(definition.Steps[0].Title!.Get("ar"));
    }

    [Fact]
    public async Task ProcedurePage_UnknownId_IsA404WithTheNotFoundPage()
    {
        var page = await portal.NewPageAsync();
        var response = await page.GotoAsync("/procedures/no-such-procedure");

        Assert.Equal(404, response?.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page introuvable");
    }
}
