using System.Net;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>
/// The links to choose a password (<see cref="PasswordLinks"/>) and the page they open, over the real portal: the e-mail,
/// the form, what choosing a password changes, and every link that must not work.
/// </summary>
[Collection(PasswordPortalTests.Name)]
public sealed class PasswordLinksTests(PasswordPortal portal)
{
    private const string Chosen = "Jasmin-Et-Cedre-2031";

    [Fact]
    public async Task ResetLink_SetsThePassword_ThenSignInWorksWithIt_AndTheLinkWorksOnce()
    {
        var (email, _) = await portal.AccountAsync("employer");
        var link = await portal.SendAsync(email, PasswordLinkPurpose.Reset);
        using var client = portal.Anonymous();

        Assert.Equal(link, PasswordPortal.LinkIn(Assert.Single(await portal.MailsToAsync(email))));
        var form = await client.GetStringAsync(PasswordPortal.Local(link));
        Assert.Contains("Choisissez le nouveau mot de passe du compte " + email, WebUtility.HtmlDecode(form), StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"new-password\"", form, StringComparison.Ordinal);
        // The names the form posts are the ones its model binds (PasswordPortal.ChooseAsync posts them).
        Assert.Contains("name=\"Input.Password\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Confirm\"", form, StringComparison.Ordinal);
        using var chosen = await PasswordPortal.ChooseAsync(client, link, Chosen);

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.EndsWith("account/sign-in?password=chosen", chosen.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Votre mot de passe est enregistré.", WebUtility.HtmlDecode(await client.GetStringAsync("/account/sign-in?password=chosen")), StringComparison.Ordinal);
        Assert.True(await portal.SignsInAsync(email, Chosen));
        Assert.False(await portal.SignsInAsync(email, LivePortal.Password));

        // Used: neither opening it nor posting it again does anything.
        Assert.Contains("Ce lien ne fonctionne plus", WebUtility.HtmlDecode(await client.GetStringAsync(PasswordPortal.Local(link))), StringComparison.Ordinal);
        using var again = await PostWithoutOpeningAsync(client, link, "Encore-Un-Autre-2032");
        Assert.Contains("Ce lien ne fonctionne plus", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await portal.SignsInAsync(email, "Encore-Un-Autre-2032"));
    }

    [Fact]
    public async Task ForgedLinks_AreRefused_WithAWayToAskForANewOne()
    {
        var (email, _) = await portal.AccountAsync("employer");
        var (other, _) = await portal.AccountAsync("employer");
        var link = PasswordPortal.Local(await portal.SendAsync(email, PasswordLinkPurpose.Reset));
        var otherId = (await portal.FindAccountAsync(other))!.Id;
        var token = link[(link.IndexOf("&token=", StringComparison.Ordinal) + 7)..];
        var middle = link.Length - token.Length / 2;
        using var client = portal.Anonymous();

        string[] forged =
        [
            link[..middle] + (link[middle] == 'A' ? "B" : "A") + link[(middle + 1)..],     // a character of the token changed
            link.Replace("purpose=reset", "purpose=invitation", StringComparison.Ordinal), // a reset token offered as an invitation
            link.Replace((await portal.FindAccountAsync(email))!.Id, otherId, StringComparison.Ordinal), // another account's link
            "/account/password?purpose=reset&account=" + otherId + "&token=" + token[..(token.Length / 2)],
            "/account/password",
        ];
        foreach (var address in forged)
        {
            var page = WebUtility.HtmlDecode(await client.GetStringAsync(address));
            Assert.Contains("Ce lien ne fonctionne plus : il a expiré, il a déjà servi, ou il est incomplet.", page, StringComparison.Ordinal);
            Assert.Contains("href=\"account/forgot-password\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("new-password", page, StringComparison.Ordinal);
        }
        Assert.True(await portal.SignsInAsync(other, LivePortal.Password));
    }

    [Fact]
    public async Task Invitation_ConfirmsTheEmail_ClearsTheLockout_AndNamesTheRoleAndTheAdministrator()
    {
        var (email, _) = await portal.AccountAsync("labour-inspector", "casablanca");
        await portal.ChangeAccountAsync(email, a =>
        {
            a.EmailConfirmed = false;
            a.AccessFailedCount = 3;
            a.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(10);
        });
        var stamp = (await portal.FindAccountAsync(email))!.SecurityStamp;

        var link = await portal.SendAsync(email, PasswordLinkPurpose.Invitation, invitedBy: "Nadia Alaoui");
        using var client = portal.Anonymous();
        using var chosen = await PasswordPortal.ChooseAsync(client, link, Chosen);

        var mail = Assert.Single(await portal.MailsToAsync(email));
        Assert.Equal("Un compte vous a été ouvert sur le portail", mail.Subject);
        Assert.Contains("Nadia Alaoui a ouvert pour vous un compte sur le portail en tant que « Inspecteur du travail ».", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ce lien est valable 7 jours et ne sert qu'une fois.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("purpose=invitation", link.Query, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var account = (await portal.FindAccountAsync(email))!;
        Assert.True(account.EmailConfirmed);
        Assert.Equal(0, account.AccessFailedCount);
        Assert.Null(account.LockoutEnd);
        Assert.NotEqual(stamp, account.SecurityStamp);
        Assert.True(await portal.SignsInAsync(email, Chosen));
    }

    [Fact]
    public async Task Lifetimes_AreTwoHoursForAReset_AndSevenDaysForAnInvitation_EachWithItsOwnProvider()
    {
        var services = portal.Portal.App.Services;
        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value;

        Assert.Equal(TimeSpan.FromHours(2), services.GetRequiredService<IOptions<ResetTokenOptions>>().Value.TokenLifespan);
        Assert.Equal(TimeSpan.FromDays(7), services.GetRequiredService<IOptions<InvitationTokenOptions>>().Value.TokenLifespan);
        Assert.Equal(typeof(ResetTokens), identity.Tokens.ProviderMap[PasswordTokens.ResetProvider].ProviderType);
        Assert.Equal(typeof(InvitationTokens), identity.Tokens.ProviderMap[PasswordTokens.InvitationProvider].ProviderType);
    }

    [Fact]
    public async Task Deactivated_GetsNoLink_AndALinkSentBeforeStopsWorking_AndStaysDeactivated()
    {
        var (email, _) = await portal.AccountAsync("desk-agent", "casablanca");
        var link = await portal.SendAsync(email, PasswordLinkPurpose.Invitation);
        await portal.ChangeAccountAsync(email, a => a.LockoutEnd = DateTimeOffset.MaxValue);
        using var client = portal.Anonymous();

        await Assert.ThrowsAsync<InvalidOperationException>(() => portal.SendAsync(email, PasswordLinkPurpose.Reset));
        Assert.Contains("Ce lien ne fonctionne plus", WebUtility.HtmlDecode(await client.GetStringAsync(PasswordPortal.Local(link))), StringComparison.Ordinal);
        using var posted = await PostWithoutOpeningAsync(client, link, Chosen);

        Assert.Contains("Ce lien ne fonctionne plus", WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.MaxValue, (await portal.FindAccountAsync(email))!.LockoutEnd);
        Assert.False(await portal.SignsInAsync(email, Chosen));
    }

    [Fact]
    public async Task ChoosingAPassword_EndsTheOtherSessions()
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var elsewhere = await portal.SignedInAsync(email);
        using (var before = await elsewhere.GetAsync("/account"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var client = portal.Anonymous();
        using var chosen = await PasswordPortal.ChooseAsync(client, await portal.SendAsync(email, PasswordLinkPurpose.Reset), Chosen);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

        using var after = await elsewhere.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordBreakingTheRules_IsRefusedWithTheReason_AndTheLinkStillWorks()
    {
        var (email, _) = await portal.AccountAsync("employer");
        var link = await portal.SendAsync(email, PasswordLinkPurpose.Reset);
        using var client = portal.Anonymous();

        using var tooShort = await PasswordPortal.ChooseAsync(client, link, "court-1");
        using var mismatch = await PasswordPortal.ChooseAsync(client, link, Chosen, Chosen + "!");
        using var personal = await PasswordPortal.ChooseAsync(client, link, email.Split('@')[0] + "-2031");

        var refused = await tooShort.Content.ReadAsStringAsync();
        Assert.Contains("Le mot de passe doit contenir au moins 12 caractères.", WebUtility.HtmlDecode(refused), StringComparison.Ordinal);
        Assert.DoesNotContain("court-1", refused, StringComparison.Ordinal);
        Assert.Contains("Les deux mots de passe ne sont pas identiques.", WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("ni votre adresse électronique ni votre nom", WebUtility.HtmlDecode(await personal.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(await portal.SignsInAsync(email, LivePortal.Password));
        using var chosen = await PasswordPortal.ChooseAsync(client, link, Chosen);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
    }

    [Theory]
    [InlineData("fr", "Choisir un nouveau mot de passe", "Vous avez demandé à changer le mot de passe", "Ce lien est valable 2 heures", "ltr")]
    [InlineData("ar", "اختيار كلمة مرور جديدة", "طلبتم تغيير كلمة المرور لحسابكم", "هذا الرابط صالح لمدة 2 ساعة", "rtl")]
    [InlineData("en", "Choose a new password", "You asked to change the password of your account", "This link works for 2 hours", "ltr")]
    public async Task ResetMail_IsInTheAccountsLanguage_WithTheLinkUnderThePublicAddress(string language, string subject, string body, string valid, string direction)
    {
        var (email, _) = await portal.AccountAsync("employer");
        await portal.ChangeAccountAsync(email, a => a.PreferredLanguage = language);

        var link = await portal.SendAsync(email, PasswordLinkPurpose.Reset);

        var mail = Assert.Single(await portal.MailsToAsync(email));
        Assert.Equal(subject, mail.Subject);
        Assert.Contains(body, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(valid, mail.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("https://portail.emploi.example/procedures/account/password?purpose=reset&account=", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains(link.AbsoluteUri, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{link.AbsoluteUri.Replace("&", "&amp;", StringComparison.Ordinal)}\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{language}\" dir=\"{direction}\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task LinkPage_OpenedByABrowserWithoutALanguage_SpeaksTheAccountsLanguage()
    {
        var (email, _) = await portal.AccountAsync("employer");
        await portal.ChangeAccountAsync(email, a => a.PreferredLanguage = "ar");
        var link = await portal.SendAsync(email, PasswordLinkPurpose.Invitation);
        using var client = portal.Anonymous();

        using var first = await client.GetAsync(PasswordPortal.Local(link));
        var page = await client.GetStringAsync(PasswordPortal.Local(link));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", page, StringComparison.Ordinal);
        Assert.Contains("اختيار كلمة المرور الخاصة بكم", page, StringComparison.Ordinal);
    }

    /// <summary>Posts the link's form with a token from another page, as a second tab left open on the used link would.</summary>
    private static async Task<HttpResponseMessage> PostWithoutOpeningAsync(HttpClient client, Uri link, string password)
    {
        var anyPage = await client.GetStringAsync("/account/sign-in");
        return await client.PostAsync(PasswordPortal.Local(link), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "choose-password",
            ["__RequestVerificationToken"] = LivePortal.Hidden(anyPage, "__RequestVerificationToken"),
            ["Input.Password"] = password,
            ["Input.Confirm"] = password,
        }));
    }
}
