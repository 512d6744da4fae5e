using System.Net;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>
/// The page a visitor was on their way to when sign-in stopped them (a prefilled link, an application) survives signing
/// up: the sign-up link, the form's refusals, the confirmation e-mail's link and the page that link opens carry it, on
/// any device; an address leading off the portal, or too long for an e-mailed link, is dropped and the flow goes on.
/// </summary>
[Collection(PasswordPortalTests.Name)]
public sealed class SignUpReturnTests(PasswordPortal portal)
{
    private const string Link = "/procedures/" + Filing.Procedure + "/apply?f.reception_schedule=Lundi%2010h-12h&f.article_count=42";

    private static string NewEmail() => $"retour-{Guid.NewGuid():N}@example.test";

    private static string Page(string html) => WebUtility.HtmlDecode(html);

    /// <summary>Posts the sign-up form drawn by <paramref name="form"/>, its hidden fields as drawn, to <paramref name="address"/>.</summary>
    private static async Task<string> PostSignUpAsync(HttpClient client, string form, string email, string password, string address = "/account/sign-up", string? returnUrl = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = LivePortal.Hidden(form, "_handler"),
            ["__RequestVerificationToken"] = LivePortal.Hidden(form, "__RequestVerificationToken"),
            ["Input.Kind"] = "employer",
            ["Input.DisplayName"] = "Atlas Conseil",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.Confirm"] = password,
        };
        if (returnUrl is not null)
            fields["Input.ReturnUrl"] = returnUrl;
        else if (form.Contains("name=\"Input.ReturnUrl\"", StringComparison.Ordinal))
            fields["Input.ReturnUrl"] = LivePortal.Hidden(form, "Input.ReturnUrl");
        using var response = await client.PostAsync(address, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Presses "Activer mon compte" on the page <paramref name="link"/> opens; gives the redirect's target.</summary>
    private static async Task<string> ActivateAsync(HttpClient client, Uri link)
    {
        var page = await client.GetStringAsync(PasswordPortal.Local(link));
        var form = PasswordPortal.ActivationForm(page);
        if (page.Contains("name=\"Confirmation.ReturnUrl\"", StringComparison.Ordinal))
            form["Confirmation.ReturnUrl"] = LivePortal.Hidden(page, "Confirmation.ReturnUrl");
        using var response = await client.PostAsync("/account/confirm", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Uri(client.BaseAddress!, response.Headers.Location!).PathAndQuery;
    }

    private static string ReturnQuery(string returnUrl) => "returnUrl=" + Uri.EscapeDataString(returnUrl);

    [Fact]
    public async Task SignInPage_SignUpLink_CarriesTheReturnAddress()
    {
        using var client = portal.Anonymous();

        var page = Page(await client.GetStringAsync("/account/sign-in?" + ReturnQuery(Link)));

        Assert.Contains($"<a href=\"account/sign-up?{ReturnQuery(Link)}\">Créer un compte</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrefilledLink_SignedUpThroughARefusal_ConfirmedOnAnotherDevice_ContinuesToTheLinksDraft()
    {
        var email = NewEmail();
        using var visitor = portal.Anonymous();
        using var toSignIn = await visitor.GetAsync(Link);
        var signIn = Page(await visitor.GetStringAsync(toSignIn.Headers.Location));
        var signUpAddress = "/" + signIn[(signIn.IndexOf("href=\"account/sign-up?", StringComparison.Ordinal) + 6)..].Split('"')[0];
        var form = await visitor.GetStringAsync(signUpAddress);
        Assert.Equal(Link, LivePortal.Hidden(form, "Input.ReturnUrl"));

        // A refusal (a password too short) keeps the return address; the address goes to the form's hidden field only.
        var refused = await PostSignUpAsync(visitor, form, email, "court1", "/account/sign-up");
        Assert.Contains("Le compte n'a pas été créé", Page(refused), StringComparison.Ordinal);
        Assert.Equal(Link, LivePortal.Hidden(refused, "Input.ReturnUrl"));
        Assert.Contains($"href=\"account/sign-in?{ReturnQuery(Link)}\"", Page(refused), StringComparison.Ordinal);
        var sent = Page(await PostSignUpAsync(visitor, refused, email, SignUpTests.Password));
        Assert.Contains("Une fois votre compte activé, vous reprendrez la page que vous ouvriez.", sent, StringComparison.Ordinal);

        var link = PasswordPortal.ConfirmationLinkIn(Assert.Single(await portal.WaitForMailsAsync(email)));
        Assert.EndsWith("&" + ReturnQuery(Link), link.OriginalString, StringComparison.Ordinal);
        using var phone = portal.Anonymous();
        var after = await ActivateAsync(phone, link);

        Assert.Equal("/account/confirm?activated=true&" + ReturnQuery(Link), after);
        var activated = Page(await phone.GetStringAsync(after));
        Assert.Contains("Votre compte est activé et vous êtes connecté.", activated, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"button primary\" id=\"confirm-continue\" href=\"{Link}\" aria-describedby=\"confirm-continue-hint\">Continuer</a>", activated, StringComparison.Ordinal);
        using var draft = await phone.GetAsync(Link);
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Matches(@"^/applications/[^/]+/form$", draft.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("ar", "rtl", "تم تفعيل حسابكم وأنتم الآن متصلون.", "متابعة", "بعد تفعيل حسابكم، ستعودون إلى الصفحة التي كنتم تفتحونها.")]
    [InlineData("en", "ltr", "Your account is activated and you are signed in.", "Continue", "Once your account is activated, you will go back to the page you were opening.")]
    public async Task ReturnAddress_InArabicAndEnglish_TheSentAndActivatedPagesSayItInTheirLanguage(string language, string direction, string activated, string next, string willReturn)
    {
        var email = NewEmail();
        using var client = portal.In(language);
        var sent = Page(await PostSignUpAsync(client, await client.GetStringAsync("/account/sign-up?" + ReturnQuery(Link)), email, SignUpTests.Password));
        Assert.Contains(willReturn, sent, StringComparison.Ordinal);

        var after = await ActivateAsync(client, PasswordPortal.ConfirmationLinkIn(Assert.Single(await portal.WaitForMailsAsync(email))));
        var page = Page(await client.GetStringAsync(after));

        Assert.Contains($"<html lang=\"{language}\" dir=\"{direction}\">", page, StringComparison.Ordinal);
        Assert.Contains(activated, page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Link}\" aria-describedby=\"confirm-continue-hint\">{next}</a>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\t/evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task ReturnAddressLeadingOffThePortal_IsDroppedAtEachStep_AndTheSignUpStillWorks(string returnUrl)
    {
        var email = NewEmail();
        using var client = portal.Anonymous();

        var signIn = Page(await client.GetStringAsync("/account/sign-in?" + ReturnQuery(returnUrl)));
        Assert.Contains("<a href=\"account/sign-up\">Créer un compte</a>", signIn, StringComparison.Ordinal);
        // Posted straight to the form, as a hidden field or in the address: dropped too.
        var form = await client.GetStringAsync("/account/sign-up?" + ReturnQuery(returnUrl));
        Assert.DoesNotContain("Input.ReturnUrl", form, StringComparison.Ordinal);
        Assert.Contains("<a href=\"account/sign-in\">", form, StringComparison.Ordinal);
        var sent = await PostSignUpAsync(client, form, email, SignUpTests.Password, "/account/sign-up?" + ReturnQuery(returnUrl), returnUrl);
        Assert.Contains($"Nous avons envoyé un lien à {email}", Page(sent), StringComparison.Ordinal);
        Assert.DoesNotContain("Input.ReturnUrl", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("vous reprendrez la page", Page(sent), StringComparison.Ordinal);

        var link = PasswordPortal.ConfirmationLinkIn(Assert.Single(await portal.WaitForMailsAsync(email)));
        Assert.DoesNotContain("returnUrl", link.OriginalString, StringComparison.Ordinal);
        // Added to the e-mailed link by hand: the page draws no field for it and activating leads home.
        var tampered = new Uri(link.OriginalString + "&" + ReturnQuery(returnUrl));
        Assert.DoesNotContain("Confirmation.ReturnUrl", await client.GetStringAsync(PasswordPortal.Local(tampered)), StringComparison.Ordinal);
        Assert.Equal("/", await ActivateAsync(client, tampered));
        Assert.True((await portal.FindAccountAsync(email))!.EmailConfirmed);
    }

    [Fact]
    public async Task ReturnAddressOverTwoThousandCharacters_IsLeftOutOfTheEmailedLink_AndTheSignUpStillWorks()
    {
        var email = NewEmail();
        var longest = Link + "&f.reception_schedule=" + new string('x', 2000 - Link.Length - "&f.reception_schedule=".Length);
        Assert.Equal(2000, longest.Length);
        using var client = portal.Anonymous();

        Assert.Equal(longest, LivePortal.Hidden(await client.GetStringAsync("/account/sign-up?" + ReturnQuery(longest)), "Input.ReturnUrl"));
        var form = await client.GetStringAsync("/account/sign-up?" + ReturnQuery(longest + "x"));
        Assert.DoesNotContain("Input.ReturnUrl", form, StringComparison.Ordinal);
        var sent = Page(await PostSignUpAsync(client, form, email, SignUpTests.Password));

        Assert.DoesNotContain("vous reprendrez la page", sent, StringComparison.Ordinal);
        var link = PasswordPortal.ConfirmationLinkIn(Assert.Single(await portal.WaitForMailsAsync(email)));
        Assert.DoesNotContain("returnUrl", link.OriginalString, StringComparison.Ordinal);
        Assert.Equal("/", await ActivateAsync(client, link));
    }

    [Fact]
    public async Task ActivatedPage_WithoutASession_OffersSignInWithTheReturnAddress_AndClaimsNothing()
    {
        using var client = portal.Anonymous();

        var page = Page(await client.GetStringAsync("/account/confirm?activated=true&" + ReturnQuery(Link)));

        Assert.DoesNotContain("Votre compte est activé", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Continuer", page, StringComparison.Ordinal);
        Assert.Contains("Connectez-vous pour reprendre la page que vous ouvriez avant de créer votre compte.", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"account/sign-in?{ReturnQuery(Link)}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsedLink_RefusedPage_SignsInWithTheReturnAddress_AndANewLinkCarriesItToo()
    {
        var email = NewEmail();
        using var client = portal.Anonymous();
        var form = await client.GetStringAsync("/account/sign-up?" + ReturnQuery(Link));
        var sent = await PostSignUpAsync(client, form, email, SignUpTests.Password);
        // "Send the link again" under the sent page carries the return address to the new link.
        Assert.Equal(Link, LivePortal.Hidden(sent, "Input.ReturnUrl"));
        using (var again = await client.PostAsync("/account/confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "resend-confirmation",
            ["__RequestVerificationToken"] = LivePortal.Hidden(sent, "__RequestVerificationToken"),
            ["Input.Email"] = email,
            ["Input.ReturnUrl"] = LivePortal.Hidden(sent, "Input.ReturnUrl"),
        })))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var links = (await portal.WaitForMailsAsync(email, 2)).Select(PasswordPortal.ConfirmationLinkIn).ToList();
        Assert.All(links, l => Assert.EndsWith("&" + ReturnQuery(Link), l.OriginalString, StringComparison.Ordinal));

        // The second sign-up's link replaced the first: the one that still works is activated.
        Uri? latest = null;
        foreach (var l in links)
        {
            if (!Page(await client.GetStringAsync(PasswordPortal.Local(l))).Contains("ne fonctionne pas", StringComparison.Ordinal))
                latest = l;
        }
        Assert.NotNull(latest);
        Assert.Equal("/account/confirm?activated=true&" + ReturnQuery(Link), await ActivateAsync(client, latest));
        using var other = portal.Anonymous();
        var used = Page(await other.GetStringAsync(PasswordPortal.Local(latest)));

        Assert.Contains("Ce lien d'activation ne fonctionne pas", used, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"account/sign-in?{ReturnQuery(Link)}\">", used, StringComparison.Ordinal);
    }
}
