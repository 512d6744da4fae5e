using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>A forgotten password, as a person lives it: the sign-in page, the form, the e-mail in the mailbox, the link, the new password.</summary>
[Collection(PortalTests.Name)]
public sealed partial class PasswordTests(PortalFixture portal)
{
    private const string Forgotten = "une phrase oubliée 2019";
    private const string Chosen = "حديقة الياسمين 2031";

    [Fact]
    public async Task ForgottenPassword_LinkFromTheEmail_ChoosesANewOne_ThenSignsInWithIt()
    {
        var email = await portal.CreateAccountAsync("employer", Forgotten, language: "ar", name: "Société Atlas Textile");
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié ?" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(portal.BaseUrl + "/account/forgot-password");
        await Pages.AssertNoSeriousAxeViolationAsync(page);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await Assertions.Expect(page.Locator("#forgot-password-sent")).ToContainTextAsync(email);

        // The e-mail, as the pickup folder holds it: in the account's language, with the link.
        var mail = await portal.MailToAsync(email);
        Assert.Equal("اختيار كلمة مرور جديدة", mail.Subject);
        var link = new Uri(LinkPattern().Match(mail.TextBody!).Value);
        // Opened by a browser that never chose a language: the page speaks the account's, right to left.
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(portal.BaseUrl + link.PathAndQuery);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("اختيار كلمة مرور جديدة");
        await Pages.AssertNoSeriousAxeViolationAsync(page);

        await page.Locator("#password").FillAsync("قصيرة 1");
        await page.Locator("#confirm").FillAsync("قصيرة 1");
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await Assertions.Expect(page.Locator("#choose-password-errors")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#password")).ToHaveAttributeAsync("aria-describedby", new Regex("password-error"));
        await Pages.AssertNoSeriousAxeViolationAsync(page);

        await page.Locator("#password").FillAsync(Chosen);
        await page.Locator("#confirm").FillAsync(Chosen);
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in\\?password=chosen$"));
        await Assertions.Expect(page.Locator(".alert.success")).ToHaveTextAsync("تم حفظ كلمة المرور. سجلوا الدخول بها.");

        await Pages.SignInAsync(page, email, Chosen);
        await Assertions.Expect(page.Locator(".account-menu .name")).ToHaveTextAsync("Société Atlas Textile");
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task ForgotPasswordPage_HasNoSeriousOrCriticalAxeViolation_EvenWithAnError(string language)
    {
        var page = await portal.NewPageAsync(Host.Localization.Languages.Find(language));
        await page.GotoAsync("/account/forgot-password");
        await Pages.AssertNoSeriousAxeViolationAsync(page);

        await page.Locator("form button[type=submit].primary").ClickAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#email")).ToHaveAttributeAsync("aria-describedby", "email-error");
        await Pages.AssertNoSeriousAxeViolationAsync(page);
    }

    [GeneratedRegex(@"https?://\S+/account/password\?\S+")]
    private static partial Regex LinkPattern();
}
