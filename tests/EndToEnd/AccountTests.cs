using System.Text.RegularExpressions;
using EmploymentProcedures.Host.Localization;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

[Collection(PortalTests.Name)]
public sealed class AccountTests(PortalFixture portal)
{
    private const string Password = "une phrase de passe 2026";

    [Fact]
    public async Task SignUp_Employer_ConfirmsFromTheEmail_IsSignedIn_ThenSignsOutAndBackIn()
    {
        var page = await portal.NewPageAsync();
        var email = $"employer-{Guid.NewGuid():N}@example.test";

        await Pages.SignUpAsync(portal, page, "employer", "Société Atlas Textile", email, Password);

        await Assertions.Expect(page).ToHaveURLAsync(portal.BaseUrl + "/");
        await Assertions.Expect(page.Locator(".account-menu .role")).ToHaveTextAsync("Employeur");
        var account = await portal.FindAccountAsync(email);
        Assert.NotNull(account);
        Assert.Equal("employer", account.Role);
        Assert.True(account.EmailConfirmed);

        await Pages.SignOutAsync(page);
        await Assertions.Expect(page.Locator(".account-menu .name")).ToHaveCountAsync(0);

        await Pages.SignInAsync(page, email, Password);
        await Assertions.Expect(page.Locator(".account-menu .name")).ToHaveTextAsync("Société Atlas Textile");
    }

    [Fact]
    public async Task SignUp_InArabic_SignInBeforeConfirmingIsRefused_TheLinkSentAgainSignsIn_AndTheFirstNoLongerWorks()
    {
        var page = await portal.NewPageAsync(Languages.Find("ar"));
        var email = $"worker-{Guid.NewGuid():N}@example.test";

        await Pages.FillSignUpAsync(page, "worker", "كريم العلوي", email, Password);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("#sign-up-sent")).ToContainTextAsync("أرسلنا رابطا إلى " + email);
        await Pages.AssertNoSeriousAxeViolationAsync(page);
        var first = await portal.MailToAsync(email);
        Assert.Equal("فعّلوا حسابكم في البوابة", first.Subject);
        Assert.Contains("dir=\"rtl\"", first.HtmlBody, StringComparison.Ordinal);

        // The right password before the address is confirmed: not signed in, told why, offered the link again.
        await Pages.SignInAsync(page, email, Password);
        await Assertions.Expect(page.Locator("#sign-in-unconfirmed")).ToContainTextAsync(email);
        await Assertions.Expect(page.Locator(".account-menu .name")).ToHaveCountAsync(0);
        await Pages.AssertNoSeriousAxeViolationAsync(page);
        await page.Locator("#sign-in-unconfirmed button").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-sent")).ToContainTextAsync(email);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Pages.AssertNoSeriousAxeViolationAsync(page);

        // The newest link signs in, in another browser as well as this one; the first one has stopped working.
        var other = await portal.NewPageAsync();
        await Pages.OpenConfirmationAsync(portal, other, email, already: 1, checkAccessibility: true);
        await Assertions.Expect(other.Locator(".account-menu .name")).ToHaveTextAsync("كريم العلوي");
        await Assertions.Expect(other.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await page.GotoAsync(portal.BaseUrl + new Uri(Regex.Match(first.TextBody!, @"https?://\S+/account/confirm\?\S+").Value).PathAndQuery);
        await Assertions.Expect(page.Locator("#confirm-link-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".account-menu .name")).ToHaveCountAsync(0);
        await Pages.AssertNoSeriousAxeViolationAsync(page);

        await Pages.SignInAsync(page, email, Password);
        await Assertions.Expect(page.Locator(".account-menu .name")).ToHaveTextAsync("كريم العلوي");
    }

    [Fact]
    public async Task SignUp_WeakPasswordAndMismatch_SaysWhatToFixNextToEachField()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/account/sign-up");
        await page.Locator("#kind").SelectOptionAsync("worker");
        await page.Locator("#name").FillAsync("Karim");
        await page.Locator("#email").FillAsync($"w-{Guid.NewGuid():N}@example.test");
        await page.Locator("#password").FillAsync("court1");
        await page.Locator("#confirm").FillAsync("court1");
        await page.Locator("form button[type=submit].primary").ClickAsync();

        await Assertions.Expect(page.Locator("#sign-up-errors")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#password-error")).ToContainTextAsync("12");
        await Assertions.Expect(page.Locator("#password")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#password")).ToHaveAttributeAsync("aria-describedby", new Regex("password-error"));
    }

    [Fact]
    public async Task SignUp_StaffRoleSlippedIntoTheForm_IsRefused()
    {
        var page = await portal.NewPageAsync();
        var email = $"forged-{Guid.NewGuid():N}@example.test";
        await page.GotoAsync("/account/sign-up");
        // Only applicant kinds are offered; a hand-made option must still be refused by the server.
        await page.EvalOnSelectorAsync("#kind", "s => { s.add(new Option('admin', 'administrator')); s.value = 'administrator'; }");
        await page.Locator("#name").FillAsync("Intrus");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#confirm").FillAsync(Password);
        await page.Locator("form button[type=submit].primary").ClickAsync();

        await Assertions.Expect(page.Locator("#kind-error")).ToBeVisibleAsync();
        Assert.Null(await portal.FindAccountAsync(email));
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_LocksTheAccountEvenForTheRightPassword()
    {
        var email = await portal.CreateAccountAsync("employer", Password);
        var page = await portal.NewPageAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await Pages.SignInAsync(page, email, "mauvais mot de passe 1");
            await Assertions.Expect(page.Locator("#sign-in-error")).ToHaveTextAsync("Adresse électronique ou mot de passe incorrect.");
        }
        await Pages.SignInAsync(page, email, "mauvais mot de passe 1");
        await Assertions.Expect(page.Locator("#sign-in-error")).ToContainTextAsync("verrouillé");

        await Pages.SignInAsync(page, email, Password);
        await Assertions.Expect(page.Locator("#sign-in-error")).ToContainTextAsync("verrouillé");
        await Assertions.Expect(page.Locator(".account-menu .name")).ToHaveCountAsync(0);

        var account = await portal.FindAccountAsync(email);
        Assert.NotNull(account?.LockoutEnd);
        Assert.InRange(account.LockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task SignIn_UnknownEmail_GetsTheSameMessageAsAWrongPassword()
    {
        var page = await portal.NewPageAsync();
        await Pages.SignInAsync(page, $"nobody-{Guid.NewGuid():N}@example.test", Password);
        await Assertions.Expect(page.Locator("#sign-in-error")).ToHaveTextAsync("Adresse électronique ou mot de passe incorrect.");
    }

    [Fact]
    public async Task Language_ChosenWhileSignedIn_ComesBackAtTheNextSignInOnAnotherBrowser()
    {
        var email = await portal.CreateAccountAsync("union", Password);
        var page = await portal.NewPageAsync();
        await Pages.SignInAsync(page, email, Password);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");

        await page.Locator($".languages button[value={Languages.English.Code}]").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Pages.SignOutAsync(page);
        Assert.Equal("en", (await portal.FindAccountAsync(email))?.PreferredLanguage);

        // Another browser has no language cookie: the portal starts in French until the person signs in.
        var other = await portal.NewPageAsync();
        await other.GotoAsync("/");
        await Assertions.Expect(other.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Pages.SignInAsync(other, email, Password);
        await Assertions.Expect(other.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(other.Locator("h1")).ToHaveTextAsync("Catalogue of procedures");
    }

    [Fact]
    public async Task LanguagePost_WithoutAntiforgeryToken_IsRefusedWithTheErrorPage()
    {
        var page = await portal.NewPageAsync();
        var response = await page.APIRequest.PostAsync("/language", new APIRequestContextOptions
        {
            Form = page.APIRequest.CreateFormData().Append("language", "ar"),
            MaxRedirects = 0,
        });
        Assert.Equal(400, response.Status);
        var body = await response.TextAsync();
        Assert.Contains("Une erreur est survenue", body);
        Assert.DoesNotContain("Exception", body);
    }
}
