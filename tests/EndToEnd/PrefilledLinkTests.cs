using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// A prefilled link opened while signed out: the applicant signs in, or signs up and confirms the address from the e-mail,
/// and lands on the new draft's form, filled.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class PrefilledLinkTests(PortalFixture portal)
{
    private const string Link = "/procedures/internal-regulations-approval/apply"
        + "?f.employer.company_name=Atlas%20Textile%20SARL&f.employer.address.province=rabat&f.article_count=quarante";

    [Fact]
    public async Task Employer_OpensAPrefilledLinkSignedOut_SignsIn_AndFindsTheValuesInPlaceAndTheIgnoredOneListed()
    {
        var email = await portal.CreateAccountAsync("employer", ApplicantDraft.Password, "fr");
        var page = await portal.NewPageAsync();

        await page.GotoAsync(Link);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in\\?returnUrl="));
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(ApplicantDraft.Password);
        await page.Locator("form button[type=submit].primary").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/applications/[0-9a-f-]+/form\\?page=employer$"), new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("main[data-live=true]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var name = page.Locator("#f-employer-company_name");
        await Assertions.Expect(name).ToHaveValueAsync("Atlas Textile SARL");
        await Assertions.Expect(page.Locator("#f-employer-address-province")).ToHaveValueAsync("rabat");
        var mark = page.Locator("#f-employer-company_name-prefilled");
        await Assertions.Expect(mark).ToHaveTextAsync("Prérempli par le lien : vérifiez cette réponse.");
        Assert.Contains("f-employer-company_name-prefilled", (await name.GetAttributeAsync("aria-describedby"))!.Split(' '));

        var notice = page.Locator(".prefill-notice");
        await Assertions.Expect(notice).ToContainTextAsync("2 réponses viennent du lien qui vous a amené ici");
        await Assertions.Expect(notice).ToContainTextAsync("1 valeur du lien n'a pas été reprise :");
        var ignored = notice.Locator("li[data-key=article_count]");
        await Assertions.Expect(ignored).ToContainTextAsync("f.article_count");
        await Assertions.Expect(ignored).ToContainTextAsync("Saisissez un nombre");
        await Pages.AssertNoSeriousAxeViolationAsync(page);
    }

    [Fact]
    public async Task Visitor_OpensAPrefilledLinkWithoutAnAccount_SignsUpAndConfirms_AndContinuesToTheFilledForm()
    {
        var email = $"prefill-{Guid.NewGuid():N}@example.test";
        var page = await portal.NewPageAsync();

        await page.GotoAsync(Link);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in\\?returnUrl="));
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Créer un compte" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-up\\?returnUrl="));
        await Pages.SubmitSignUpAsync(page, "employer", "Atlas Textile", email, ApplicantDraft.Password);
        await Assertions.Expect(page.Locator("#sign-up-return")).ToHaveTextAsync("Une fois votre compte activé, vous reprendrez la page que vous ouvriez.");

        // The e-mailed link, from the pickup folder, opened and its account activated.
        await Pages.OpenConfirmationAsync(portal, page, email);
        await Assertions.Expect(page.Locator("#confirm-activated")).ToHaveTextAsync("Votre compte est activé et vous êtes connecté.");
        await Pages.AssertNoSeriousAxeViolationAsync(page);
        await page.Locator("#confirm-continue").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/applications/[0-9a-f-]+/form\\?page=employer$"), new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("main[data-live=true]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#f-employer-company_name")).ToHaveValueAsync("Atlas Textile SARL");
        await Assertions.Expect(page.Locator("#f-employer-address-province")).ToHaveValueAsync("rabat");
    }
}
