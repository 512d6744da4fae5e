using System.Text.RegularExpressions;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Localization;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>What a person does with their own account on <c>/account</c>: their address changed through the e-mailed link, the page's accessibility.</summary>
[Collection(PortalTests.Name)]
public sealed partial class MyAccountTests(PortalFixture portal)
{
    private const string Password = "une phrase de passe 2026";

    [Fact]
    public async Task EmailChange_AskedOnTheAccountPage_ConfirmedFromTheEmail_ThenTheNewAddressSignsIn()
    {
        var email = await portal.CreateAccountAsync("employer", Password, name: "Société Atlas Textile");
        var wanted = $"atlas-{Guid.NewGuid():N}@example.test";
        var page = await portal.NewPageAsync();
        await Pages.SignInAsync(page, email, Password);

        await page.GotoAsync("/account");
        await page.Locator("#new-email").FillAsync(wanted);
        await page.Locator("#email-current-password").FillAsync(Password);
        await page.Locator("section[aria-labelledby=change-email-title] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#change-email-sent")).ToContainTextAsync(wanted);
        await Assertions.Expect(page.Locator(".account-details dd").Nth(1)).ToHaveTextAsync(email);
        await Pages.AssertNoSeriousAxeViolationAsync(page);

        // The link, as the new mailbox receives it, opened in the same browser: it names both addresses and changes nothing yet.
        var mail = await portal.MailToAsync(wanted);
        Assert.Equal("Confirmez la nouvelle adresse de votre compte", mail.Subject);
        var link = new Uri(LinkPattern().Match(mail.TextBody!).Value);
        await page.GotoAsync(portal.BaseUrl + link.PathAndQuery);
        await Assertions.Expect(page.Locator("#email-change-ready")).ToContainTextAsync(email);
        await Assertions.Expect(page.Locator("#email-change-ready")).ToContainTextAsync(wanted);
        await Pages.AssertNoSeriousAxeViolationAsync(page);
        Assert.Equal(email, (await portal.FindAccountAsync(email))!.Email);

        await page.Locator("#email-change-confirm").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account\\?email=changed$"));
        await Assertions.Expect(page.Locator("#email-changed")).ToContainTextAsync(wanted);
        await Assertions.Expect(page.Locator(".account-details dd").Nth(1)).ToHaveTextAsync(wanted);

        // The old mailbox is told, naming the new address.
        var notice = await portal.MailToAsync(email);
        Assert.Equal("L'adresse de votre compte a été changée", notice.Subject);
        Assert.Contains(wanted, notice.TextBody, StringComparison.Ordinal);

        await Pages.SignOutAsync(page);
        await Pages.SignInAsync(page, wanted, Password);
        await Assertions.Expect(page.Locator(".account-menu .name")).ToHaveTextAsync("Société Atlas Textile");
    }

    [Fact]
    public async Task Closure_FromTheAccountPage_DeletesTheDraft_SignsOut_AndTheLastEmailArrives()
    {
        var draft = await ApplicantDraft.StartAsync(portal, VisaForm.Id, VisaForm.Definition(portal).Tests[0].Answers);
        var page = draft.Page;
        var email = (await portal.FindAccountByIdAsync(draft.Applicant.UserId))!.Email!;

        await page.GotoAsync("/account");
        await Assertions.Expect(page.Locator("#close-account-effects")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#close-account-download")).ToHaveAttributeAsync("href", "account/data");
        // Without the tick: refused, the error linked to the box.
        await page.Locator("#close-current-password").FillAsync(ApplicantDraft.Password);
        await page.Locator("section[aria-labelledby=close-account-title] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#close-account-errors")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#close-understood")).ToHaveAttributeAsync("aria-describedby", "close-understood-error");
        await Pages.AssertNoSeriousAxeViolationAsync(page);

        await page.Locator("#close-current-password").FillAsync(ApplicantDraft.Password);
        await page.Locator("#close-understood").CheckAsync();
        await page.Locator("section[aria-labelledby=close-account-title] button[type=submit]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/closed$"));
        await Assertions.Expect(page.Locator("#account-closed")).ToBeVisibleAsync();
        await Pages.AssertNoSeriousAxeViolationAsync(page);
        var mail = await portal.MailToAsync(email);
        Assert.Equal("Votre compte sur le portail a été fermé", mail.Subject);
        Assert.Null((await ApplicantDraft.Applications(portal).GetAsync(draft.Id, draft.Applicant)).Value);
        Assert.Null(await portal.FindAccountAsync(email));

        // Signed out: the account page asks to sign in, and the old password opens nothing.
        await page.GotoAsync("/account");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task AccountPage_HasNoSeriousOrCriticalAxeViolation_EvenWithErrors(string language)
    {
        var email = await portal.CreateAccountAsync("worker", Password, language: language);
        var page = await portal.NewPageAsync(Languages.Find(language));
        await Pages.SignInAsync(page, email, Password);

        await page.GotoAsync("/account");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");
        await Assertions.Expect(page.Locator("#my-data-download")).ToBeVisibleAsync();
        await Pages.AssertNoSeriousAxeViolationAsync(page);

        await page.Locator("#new-email").FillAsync("pas-une-adresse");
        await page.Locator("section[aria-labelledby=change-email-title] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#change-email-errors")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#new-email")).ToHaveAttributeAsync("aria-describedby", new Regex("new-email-error"));
        await Pages.AssertNoSeriousAxeViolationAsync(page);
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    public async Task EmailChoice_DeskAgentChoosesTheDailySummary_ItIsSavedAndShownChecked_WithNoAxeViolation(string language)
    {
        var email = await portal.CreateAccountAsync("desk-agent", Password, language: language, provinces: ["casablanca"]);
        var page = await portal.NewPageAsync(Languages.Find(language));
        await Pages.SignInAsync(page, email, Password);

        await page.GotoAsync("/account");
        await Assertions.Expect(page.Locator("#emails-each")).ToBeCheckedAsync();
        await Pages.AssertNoSeriousAxeViolationAsync(page);
        await page.Locator("label[for=emails-daily]").ClickAsync();
        await page.Locator("section[aria-labelledby=mail-title] button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("section[aria-labelledby=mail-title]")).ToBeVisibleAsync();
        await page.GotoAsync("/account");
        await Assertions.Expect(page.Locator("#emails-daily")).ToBeCheckedAsync();
        await Pages.AssertNoSeriousAxeViolationAsync(page);
        Assert.Equal(EmailChoice.DailySummary, (await portal.FindAccountAsync(email))!.Emails);
    }

    [GeneratedRegex(@"https?://\S+/account/email\?\S+")]
    private static partial Regex LinkPattern();
}
