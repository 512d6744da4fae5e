using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using EmploymentProcedures.Host.Localization;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// An administrator makes an API client on <c>/admin/api-clients</c> in Chromium, copies the token shown once, and the
/// partner's program reads the API with it; the pages have no serious accessibility fault in French, Arabic and English.
/// </summary>
[Collection(PortalTests.Name)]
public sealed partial class ApiClientsTests(PortalFixture portal)
{
    private const string Password = "Cles-Partenaires-2026";

    [Fact]
    public async Task Administrator_CreatesAClient_TheTokenShownOnceReadsTheApi()
    {
        var adminEmail = await portal.CreateAccountAsync("administrator", Password, name: "Nora Administratrice");
        var admin = await portal.NewPageAsync();
        await Pages.SignInAsync(admin, adminEmail, Password);

        await Pages.FollowAsync(admin, admin.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "Clients de l'API" }), ListUrl());
        await WaitForLiveAsync(admin);
        await Pages.TypeOnAsync(admin.GetByLabel("Nom du système"), "DGSN — visas de travail");
        await Pages.TypeOnAsync(admin.GetByLabel("Administration partenaire"), "DGSN");
        await Pages.TypeOnAsync(admin.GetByLabel("Adresse électronique du contact technique"), "dsi@dgsn.example.test");
        await admin.Locator("#api-client-procedure-foreign-worker-contract-visa").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer le client et son jeton" }).ClickAsync();

        var token = await admin.Locator("#api-client-token").TextContentAsync();
        Assert.Matches("^epk_[0-9a-f]{16}_", token);
        await Assertions.Expect(admin.Locator("table.api-clients")).ToContainTextAsync("DGSN — visas de travail");
        await Pages.AssertNoSeriousAxeViolationAsync(admin);

        using var partner = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        partner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await partner.GetAsync("/api/v1/procedures");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"id\":\"foreign-worker-contract-visa\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await admin.ReloadAsync();
        await Assertions.Expect(admin.Locator("table.api-clients")).ToContainTextAsync("DGSN — visas de travail");
        await Assertions.Expect(admin.Locator("#api-client-token")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task ClientPages_WithErrorsAndAfterARenewal_HaveNoSeriousOrCriticalAxeViolation(string language)
    {
        var adminEmail = await portal.CreateAccountAsync("administrator", Password, language);
        var page = await portal.NewPageAsync(Languages.Find(language));
        await Pages.SignInAsync(page, adminEmail, Password);
        await page.GotoAsync("/admin/api-clients");
        await WaitForLiveAsync(page);
        await page.Locator("form.staff-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Pages.AssertNoSeriousAxeViolationAsync(page);

        await Pages.TypeOnAsync(page.Locator("#api-client-name"), "CNSS " + language);
        await Pages.TypeOnAsync(page.Locator("#api-client-organisation"), "CNSS");
        await Pages.TypeOnAsync(page.Locator("#api-client-contact"), "si@cnss.example.test");
        await page.Locator("#api-client-procedure-workplace-accident-notification").CheckAsync();
        await page.Locator("form.staff-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#api-client-token")).ToBeVisibleAsync();
        await Pages.FollowAsync(page, page.Locator("table.api-clients a", new() { HasText = "CNSS " + language }), ClientUrl());
        await WaitForLiveAsync(page);
        await page.Locator("#api-client-renew").ClickAsync();
        await Assertions.Expect(page.Locator("#api-client-token")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");
        await Pages.AssertNoSeriousAxeViolationAsync(page);

        // The webhook's part, with an address refused (plain http): its reason linked to the field.
        await Pages.TypeOnAsync(page.Locator("#api-client-webhook"), "http://partner.example.org/hooks");
        await page.Locator("form[aria-labelledby=api-client-webhook-title] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href$='#api-client-webhook']")).ToBeVisibleAsync();
        await Pages.AssertNoSeriousAxeViolationAsync(page);
    }

    /// <summary>Waits until the page's circuit has taken over its form (before that, typing and buttons would be lost).</summary>
    private static Task WaitForLiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("form.staff-form[data-live]")).ToHaveAttributeAsync("data-live", "true");

    [GeneratedRegex("/admin/api-clients$")]
    private static partial Regex ListUrl();

    [GeneratedRegex("/admin/api-clients/[0-9a-f]{16}$")]
    private static partial Regex ClientUrl();
}
