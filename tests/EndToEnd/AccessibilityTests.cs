using EmploymentProcedures.Host.Localization;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

[Collection(PortalTests.Name)]
public sealed class AccessibilityTests(PortalFixture portal)
{
    [Theory]
    [InlineData("/", "fr")]
    [InlineData("/", "ar")]
    [InlineData("/procedures/foreign-worker-contract-visa", "fr")]
    [InlineData("/procedures/foreign-worker-contract-visa", "ar")]
    [InlineData("/privacy", "fr")]
    [InlineData("/privacy", "ar")]
    [InlineData("/audit-seals", "fr")]
    [InlineData("/audit-seals", "ar")]
    [InlineData("/account/sign-up", "fr")]
    [InlineData("/account/sign-in", "ar")]
    public async Task Page_HasNoSeriousOrCriticalAxeViolation(string path, string language)
    {
        var page = await portal.NewPageAsync(Languages.Find(language));
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        await Pages.AssertNoSeriousAxeViolationAsync(page);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task FormPageWithErrors_HasNoSeriousOrCriticalAxeViolation(string language)
    {
        var draft = await ApplicantDraft.StartAsync(portal, VisaForm.Id, Engine.Validation.Answers.Empty, Languages.Find(language));
        await draft.Page.GotoAsync(draft.FormUrl("worker"));
        var form = new VisaForm(draft.Page, VisaForm.Definition(portal), language);
        await form.WaitForFormAsync();
        await form.Input("diplomas").ClickAsync();
        await draft.Page.Locator(".form-nav button[type=submit]").ClickAsync();
        await Assertions.Expect(draft.Page.Locator(".error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(form.Input("last_name")).ToHaveAttributeAsync("aria-invalid", "true");

        await Pages.AssertNoSeriousAxeViolationAsync(draft.Page);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task Receipt_HasNoSeriousOrCriticalAxeViolation(string language)
    {
        var submitted = await ApplicantDraft.SubmittedVisaAsync(portal, Languages.Find(language));
        await submitted.Page.GotoAsync($"/applications/{submitted.Id}/receipt");
        await Assertions.Expect(submitted.Page.Locator(".receipt .reference")).ToBeVisibleAsync();

        await Pages.AssertNoSeriousAxeViolationAsync(submitted.Page);
    }
}
