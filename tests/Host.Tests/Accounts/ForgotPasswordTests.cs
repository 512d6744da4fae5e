using System.Net;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>
/// "Forgotten password" through the real form: the same answer for every e-mail, a link only to an active account, and
/// the limit per e-mail.
/// </summary>
[Collection(PasswordPortalTests.Name)]
public sealed class ForgotPasswordTests(PasswordPortal portal)
{
    /// <summary>Posts the form for <paramref name="email"/>; gives the status and the page's answer (its alert, else its main part).</summary>
    internal static async Task<(HttpStatusCode Status, string Answer)> AskAsync(HttpClient client, string email)
    {
        var form = await client.GetStringAsync("/account/forgot-password");
        using var response = await client.PostAsync("/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = LivePortal.Hidden(form, "_handler"),
            ["__RequestVerificationToken"] = LivePortal.Hidden(form, "__RequestVerificationToken"),
            ["Input.Email"] = email,
        }));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var start = page.IndexOf("<div class=\"alert", StringComparison.Ordinal);
        return (response.StatusCode, start < 0 ? page[page.IndexOf("<h1", StringComparison.Ordinal)..] : page[start..page.IndexOf("</div>", start, StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task UnknownEmail_GetsTheSameAnswerAsAnAccount_AndNoMail_WhileTheAccountGetsItsLink()
    {
        var (email, _) = await portal.AccountAsync("employer");
        var nobody = $"nobody-{Guid.NewGuid():N}@example.test";
        using var client = portal.Anonymous();

        var unknown = await AskAsync(client, nobody);
        var known = await AskAsync(client, email);

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(known.Answer.Replace(email, "…", StringComparison.Ordinal), unknown.Answer.Replace(nobody, "…", StringComparison.Ordinal));
        Assert.Contains("Si un compte utilise l'adresse " + email + ", un lien pour choisir un nouveau mot de passe y est envoyé.", known.Answer, StringComparison.Ordinal);
        Assert.Contains("Ce lien est valable 2 heures", known.Answer, StringComparison.Ordinal);
        // The queue sends in the order asked: once the account's link is there, the unknown e-mail's turn has passed.
        var mail = Assert.Single(await portal.WaitForMailsAsync(email));
        Assert.Empty(await portal.MailsToAsync(nobody));
        Assert.Equal("Choisir un nouveau mot de passe", mail.Subject);
        using var chosen = await PasswordPortal.ChooseAsync(client, PasswordPortal.LinkIn(mail), "Figuier-De-Barbarie-77");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.True(await portal.SignsInAsync(email, "Figuier-De-Barbarie-77"));
    }

    [Fact]
    public async Task DeactivatedAccount_GetsTheSameAnswer_AndNoLink()
    {
        var (deactivated, _) = await portal.AccountAsync("desk-agent", "casablanca");
        await portal.ChangeAccountAsync(deactivated, a => a.LockoutEnd = DateTimeOffset.MaxValue);
        var (active, _) = await portal.AccountAsync("employer");
        using var client = portal.Anonymous();

        var answer = await AskAsync(client, deactivated);
        await AskAsync(client, active);

        Assert.Contains("Si un compte utilise l'adresse", answer.Answer, StringComparison.Ordinal);
        await portal.WaitForMailsAsync(active);
        Assert.Empty(await portal.MailsToAsync(deactivated));
    }

    [Fact]
    public async Task OneEmail_AfterItsLinksForTheHour_IsToldSo_AndGetsNoMore()
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var client = portal.Anonymous();

        var answers = new List<(HttpStatusCode Status, string Answer)>();
        for (var i = 0; i < 4; i++)
            answers.Add(await AskAsync(client, i % 2 == 0 ? email : " " + email.ToUpperInvariant()));
        var stranger = await AskAsync(client, $"nobody-{Guid.NewGuid():N}@example.test");

        Assert.All(answers.Take(3), a => Assert.Contains("Si un compte utilise l'adresse", a.Answer, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, answers[3].Status);
        Assert.Contains("Trop de liens ont été demandés pour cette adresse électronique (3 par heure au plus).", answers[3].Answer, StringComparison.Ordinal);
        // Another e-mail from the same browser is not held back by this one.
        Assert.Contains("Si un compte utilise l'adresse", stranger.Answer, StringComparison.Ordinal);
        await portal.WaitForMailsAsync(email, 3);
        await AskAsync(client, (await portal.AccountAsync("worker")).Email);
        Assert.Equal(3, (await portal.MailsToAsync(email)).Count);
    }

    [Fact]
    public async Task EmptyOrMalformedEmail_IsRefusedOnTheField()
    {
        using var client = portal.Anonymous();

        var empty = await AskAsync(client, " ");
        var malformed = await AskAsync(client, "pas-une-adresse");

        Assert.Contains("Saisissez votre adresse électronique.", empty.Answer, StringComparison.Ordinal);
        Assert.Contains("Cette adresse électronique n'est pas valide.", malformed.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_LinksToForgottenPassword()
    {
        using var client = portal.Anonymous();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account/sign-in"));

        Assert.Contains("<a href=\"account/forgot-password\">Mot de passe oublié ?</a>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account/forgot-password", "forgot-password", false)]
    [InlineData("/account/confirm", "resend-confirmation", false)]
    [InlineData("/account/password?purpose=reset&account=x&token=y", "choose-password", false)]
    [InlineData("/account", "account-password", true)]
    public async Task PasswordForm_PostedWithoutItsAntiforgeryToken_Is400(string path, string handler, bool signedIn)
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var client = signedIn ? await portal.SignedInAsync(email) : portal.Anonymous();

        using var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = handler,
            ["Input.Email"] = email,
            ["Input.Current"] = LivePortal.Password,
            ["Input.Password"] = "Jasmin-Et-Cedre-2031",
            ["Input.Confirm"] = "Jasmin-Et-Cedre-2031",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await portal.SignsInAsync(email, LivePortal.Password));
    }
}
