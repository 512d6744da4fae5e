using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>
/// Signing up through the real form: the address is confirmed by an e-mailed link before the account signs in, and the
/// page never tells whether an address already has an account.
/// </summary>
[Collection(PasswordPortalTests.Name)]
public sealed partial class SignUpTests(PasswordPortal portal)
{
    internal const string Password = "Palmier-Et-Argan-2026";

    /// <summary>Posts the sign-up form; gives the status and the page's main part, its antiforgery tokens left out.</summary>
    internal static async Task<(HttpStatusCode Status, string Page)> SignUpAsync(HttpClient client, string email, string password = Password, string name = "Atlas Conseil")
    {
        var form = await client.GetStringAsync("/account/sign-up");
        using var response = await client.PostAsync("/account/sign-up", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = LivePortal.Hidden(form, "_handler"),
            ["__RequestVerificationToken"] = LivePortal.Hidden(form, "__RequestVerificationToken"),
            ["Input.Kind"] = "employer",
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.Confirm"] = password,
        }));
        return (response.StatusCode, MainOf(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The page's main part, decoded, with the antiforgery tokens (new on every answer) left out.</summary>
    internal static string MainOf(string html)
    {
        var page = WebUtility.HtmlDecode(html);
        var start = page.IndexOf("<h1", StringComparison.Ordinal);
        return Token().Replace(page[start..page.IndexOf("</main>", start, StringComparison.Ordinal)], "");
    }

    private static string NewEmail() => $"nouveau-{Guid.NewGuid():N}@example.test";

    private async Task<int> AccountsWithAsync(string email)
    {
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        var normalized = email.Trim().ToUpperInvariant();
        return await scope.ServiceProvider.GetRequiredService<AccountsDb>().Users.CountAsync(a => a.NormalizedEmail == normalized);
    }

    [Fact]
    public async Task NewAddress_GetsAConfirmationEmail_AndCannotSignInBeforeConfirming()
    {
        var email = NewEmail();
        using var client = portal.Anonymous();

        var (status, page) = await SignUpAsync(client, email);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Nous avons envoyé un lien à {email}. Ouvrez-le pour activer votre compte", page, StringComparison.Ordinal);
        Assert.Contains("Ce lien est valable 2 jours", page, StringComparison.Ordinal);
        Assert.Contains("Regardez dans les courriers indésirables", page, StringComparison.Ordinal);
        Assert.Contains("Envoyer le lien à nouveau", page, StringComparison.Ordinal);
        var mail = Assert.Single(await portal.WaitForMailsAsync(email));
        Assert.Equal("Activez votre compte sur le portail", mail.Subject);
        Assert.Contains("Ce lien est valable 2 jours et ne sert qu'une fois.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"" + PasswordPortal.ConfirmationLinkIn(mail).AbsoluteUri + "\">Activer mon compte</a>", WebUtility.HtmlDecode(mail.HtmlBody), StringComparison.Ordinal);
        var account = await portal.FindAccountAsync(email);
        Assert.NotNull(account);
        Assert.False(account.EmailConfirmed);
        Assert.Equal("Atlas Conseil", account.DisplayName);

        using var right = await LivePortal.PostSignInAsync(client, email, Password);
        var rightPage = WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync());
        using var wrong = await LivePortal.PostSignInAsync(client, email, "Pas-Le-Bon-2026");
        var wrongPage = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.DoesNotContain(right.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal)));
        Assert.Contains($"L'adresse {email} n'est pas encore confirmée", rightPage, StringComparison.Ordinal);
        Assert.Contains("Envoyer le lien à nouveau", rightPage, StringComparison.Ordinal);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", wrongPage, StringComparison.Ordinal);
        Assert.DoesNotContain("confirmée", wrongPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar", "فعّلوا حسابكم في البوابة", "أرسلنا رابطا إلى", "rtl")]
    [InlineData("en", "Activate your account on the portal", "We sent a link to", "ltr")]
    public async Task ConfirmationEmail_IsInTheLanguageOfTheSignUpPage_AndSoIsTheAccount(string language, string subject, string sent, string direction)
    {
        var email = NewEmail();
        using var client = portal.In(language);

        var (_, page) = await SignUpAsync(client, email);

        Assert.Contains(sent + " " + email, page, StringComparison.Ordinal);
        var mail = Assert.Single(await portal.WaitForMailsAsync(email));
        Assert.Equal(subject, mail.Subject);
        Assert.Contains($"<html lang=\"{language}\" dir=\"{direction}\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(language, (await portal.FindAccountAsync(email))!.PreferredLanguage);
    }

    [Fact]
    public async Task TakenAddress_WarningIsInTheOwnersLanguage_NotTheVisitors()
    {
        var (owner, _) = await portal.AccountAsync("worker");
        await portal.ChangeAccountAsync(owner, a => a.PreferredLanguage = "en");
        using var client = portal.Anonymous();

        await SignUpAsync(client, owner);

        var warning = Assert.Single(await portal.WaitForMailsAsync(owner));
        Assert.Equal("Someone tried to sign up with your address", warning.Subject);
        Assert.Contains("No account was created and yours has not changed.", warning.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmationLink_OpenedOnAnotherDevice_ConfirmsAndSignsIn_AndWorksOnce()
    {
        var email = NewEmail();
        using (var signUp = portal.Anonymous())
            await SignUpAsync(signUp, email);
        var link = PasswordPortal.ConfirmationLinkIn(Assert.Single(await portal.WaitForMailsAsync(email)));
        using var other = portal.Anonymous();

        using var opened = await PasswordPortal.ActivateAsync(other, link);

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Contains(opened.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal)));
        using (var account = await other.GetAsync("/account"))
        {
            Assert.Equal(HttpStatusCode.OK, account.StatusCode);
            Assert.Contains(email, await account.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var confirmed = (await portal.FindAccountAsync(email))!;
        Assert.True(confirmed.EmailConfirmed);
        // Opening the link signed the person in: a sign-in like the page's, recorded.
        Assert.NotNull(confirmed.LastSignInAt);
        Assert.True(await portal.SignsInAsync(email, Password));

        using var again = portal.Anonymous();
        using var used = await again.GetAsync(PasswordPortal.Local(link));
        var usedPage = WebUtility.HtmlDecode(await used.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Contains("Ce lien d'activation ne fonctionne pas", usedPage, StringComparison.Ordinal);
        Assert.Contains("Recevoir un nouveau lien", usedPage, StringComparison.Ordinal);
        Assert.DoesNotContain(used.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ForgedLinks_AreRefused_WithTheFormForANewLink_AndConfirmNothing()
    {
        var email = NewEmail();
        using var client = portal.Anonymous();
        await SignUpAsync(client, email);
        var link = PasswordPortal.Local(PasswordPortal.ConfirmationLinkIn(Assert.Single(await portal.WaitForMailsAsync(email))));
        var (other, _) = await portal.AccountAsync("employer");
        var otherId = (await portal.FindAccountAsync(other))!.Id;
        var accountId = (await portal.FindAccountAsync(email))!.Id;

        string[] forged =
        [
            link[..^3] + (link[^3] == 'A' ? 'B' : 'A') + link[^2..],
            link.Replace(accountId, otherId, StringComparison.Ordinal),
            link[..(link.IndexOf("token=", StringComparison.Ordinal) + 12)],
            "/account/confirm?account=" + accountId,
            "/account/confirm?token=abc",
        ];
        foreach (var address in forged)
        {
            using var response = await client.GetAsync(address);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Ce lien d'activation ne fonctionne pas", page, StringComparison.Ordinal);
            Assert.Contains("name=\"Input.Email\"", page, StringComparison.Ordinal);
        }

        Assert.False((await portal.FindAccountAsync(email))!.EmailConfirmed);
        using var real = await PasswordPortal.ActivateAsync(client, new Uri(PasswordPortal.PublicUrl + link.TrimStart('/')));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
    }

    [Fact]
    public async Task ConfirmationLink_OpenedWithoutPressingActivate_ShowsWhoseAccountItIs_AndConfirmsNothing()
    {
        // A mail filter fetching the link, or a person sent someone else's link, must not confirm or sign in by opening it.
        var email = NewEmail();
        using (var signUp = portal.Anonymous())
            await SignUpAsync(signUp, email, Password, "Atlas <b>Conseil</b>");
        var link = PasswordPortal.ConfirmationLinkIn(Assert.Single(await portal.WaitForMailsAsync(email)));
        using var client = portal.Anonymous();

        using var opened = await client.GetAsync(PasswordPortal.Local(link));
        using var openedAgain = await client.GetAsync(PasswordPortal.Local(link));

        var page = WebUtility.HtmlDecode(await opened.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains($"Ce lien active le compte de Atlas <b>Conseil</b>, à l'adresse {email}.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Conseil</b>", await openedAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(">Activer mon compte</button>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(opened.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal)));
        Assert.False((await portal.FindAccountAsync(email))!.EmailConfirmed);

        // The press, replayed after it worked, confirms nothing more and signs no one in.
        var press = PasswordPortal.ActivationForm(await client.GetStringAsync(PasswordPortal.Local(link)));
        using (var first = await client.PostAsync("/account/confirm", new FormUrlEncodedContent(press)))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var replayer = portal.Anonymous();
        var replayForm = await replayer.GetStringAsync("/account/confirm");
        press["__RequestVerificationToken"] = LivePortal.Hidden(replayForm, "__RequestVerificationToken");
        using var replayed = await replayer.PostAsync("/account/confirm", new FormUrlEncodedContent(press));
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("Ce lien d'activation ne fonctionne pas", WebUtility.HtmlDecode(await replayed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain(replayed.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TakenAddress_GetsTheSamePage_CreatesNoAccount_AndWarnsItsOwner()
    {
        var (owner, _) = await portal.AccountAsync("employer");
        var stranger = NewEmail();
        using var client = portal.Anonymous();

        var taken = await SignUpAsync(client, " " + owner.ToUpperInvariant() + " ", "Autre-Mot-De-Passe-2026", "Quelqu'un d'autre");
        var fresh = await SignUpAsync(client, stranger, "Autre-Mot-De-Passe-2026", "Quelqu'un d'autre");

        Assert.Equal(fresh.Status, taken.Status);
        Assert.Equal(fresh.Page.Replace(stranger, "…", StringComparison.Ordinal), taken.Page.Replace(owner.ToUpperInvariant(), "…", StringComparison.Ordinal));
        // The queue writes in the order asked: once the stranger's link is there, the owner's notice was written before.
        await portal.WaitForMailsAsync(stranger);
        var warning = Assert.Single(await portal.MailsToAsync(owner));
        Assert.Equal("Une inscription a été tentée avec votre adresse", warning.Subject);
        Assert.Contains("Aucun compte n'a été créé", warning.TextBody, StringComparison.Ordinal);
        Assert.Contains(PasswordPortal.PublicUrl + "account/sign-in", warning.TextBody, StringComparison.Ordinal);
        Assert.Contains(PasswordPortal.PublicUrl + "account/forgot-password", warning.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", warning.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await AccountsWithAsync(owner));
        var account = await portal.FindAccountAsync(owner);
        Assert.Equal("Test employer", account!.DisplayName);
        Assert.True(await portal.SignsInAsync(owner, LivePortal.Password));
        Assert.False(await portal.SignsInAsync(owner, "Autre-Mot-De-Passe-2026"));
    }

    [Fact]
    public async Task AddressWaitingForConfirmation_SignedUpAgainByItsOwner_TakesTheOwnersPassword_SoWhoeverSignedUpFirstCannotSignIn()
    {
        // Someone signs up first with an address that is not theirs; its owner signs up later and opens the link they got.
        var email = NewEmail();
        using var squatter = portal.Anonymous();
        await SignUpAsync(squatter, email, Password, "Premier Venu");
        var first = PasswordPortal.ConfirmationLinkIn(Assert.Single(await portal.WaitForMailsAsync(email)));
        using var owner = portal.Anonymous();

        var (status, page) = await SignUpAsync(owner, email, "Second-Essai-Du-Mot-2026", "Nom Du Titulaire");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Nous avons envoyé un lien à {email}", page, StringComparison.Ordinal);
        var mails = await portal.WaitForMailsAsync(email, 2);
        Assert.All(mails, m => Assert.Equal("Activez votre compte sur le portail", m.Subject));
        Assert.Equal(1, await AccountsWithAsync(email));
        using (var stale = await squatter.GetAsync(PasswordPortal.Local(first)))
            Assert.Contains("Ce lien d'activation ne fonctionne pas", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False((await portal.FindAccountAsync(email))!.EmailConfirmed);
        // The owner's link is the other one (two e-mails in the same second have the same Date).
        var latest = mails.Select(PasswordPortal.ConfirmationLinkIn).Single(l => l != first);
        using var opened = await PasswordPortal.ActivateAsync(owner, latest);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("Nom Du Titulaire", (await portal.FindAccountAsync(email))!.DisplayName);
        Assert.True(await portal.SignsInAsync(email, "Second-Essai-Du-Mot-2026"));
        Assert.False(await portal.SignsInAsync(email, Password));
    }

    [Fact]
    public async Task NewLinkForm_AnswersTheSameForAnyAddress_AndSendsOnlyToAnAccountWaitingForIt()
    {
        var waiting = NewEmail();
        var nobody = NewEmail();
        var (confirmed, _) = await portal.AccountAsync("worker");
        using var client = portal.Anonymous();
        await SignUpAsync(client, waiting);
        await portal.WaitForMailsAsync(waiting);

        var answers = new List<string>();
        foreach (var email in new[] { nobody, confirmed, waiting })
        {
            var page = await client.GetStringAsync("/account/confirm");
            using var response = await client.PostAsync("/account/confirm", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "resend-confirmation",
                ["__RequestVerificationToken"] = LivePortal.Hidden(page, "__RequestVerificationToken"),
                ["Input.Email"] = email,
            }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(MainOf(await response.Content.ReadAsStringAsync()).Replace(email, "…", StringComparison.Ordinal));
        }

        Assert.Single(answers.Distinct());
        Assert.Contains("Si un compte en attente d'activation utilise l'adresse …, un nouveau lien pour l'activer y est envoyé.", answers[0], StringComparison.Ordinal);
        await portal.WaitForMailsAsync(waiting, 2);
        Assert.Empty(await portal.MailsToAsync(nobody));
        Assert.Empty(await portal.MailsToAsync(confirmed));
    }

    [Fact]
    public async Task SignUpForm_BadInput_IsRefusedOnTheFields_AndNothingIsQueued()
    {
        var email = NewEmail();
        using var client = portal.Anonymous();

        var (_, malformed) = await SignUpAsync(client, "pas-une-adresse");
        var (_, weak) = await SignUpAsync(client, email, "court1");

        Assert.Contains("Le compte n'a pas été créé", malformed, StringComparison.Ordinal);
        Assert.Contains("n'est pas valide", malformed, StringComparison.Ordinal);
        Assert.Contains("Le compte n'a pas été créé", weak, StringComparison.Ordinal);
        Assert.DoesNotContain("Nous avons envoyé un lien", weak, StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.Empty(await portal.MailsToAsync(email));
        Assert.Null(await portal.FindAccountAsync(email));
    }

    [Fact]
    public async Task SignUpForm_AddressLongerThanMailAllows_IsRefusedOnItsField_AndNoAccountIsMade()
    {
        // 255 characters: longer than any address a mail server delivers to (254), within what the form lets through.
        var email = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 3)) + "." + new string('c', 2) + ".test";
        Assert.Equal(255, email.Length);
        using var client = portal.Anonymous();

        var (_, page) = await SignUpAsync(client, email);

        Assert.Contains("Le compte n'a pas été créé", page, StringComparison.Ordinal);
        Assert.Contains("L'adresse électronique ne doit pas dépasser 254 caractères.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Nous avons envoyé un lien", page, StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.Null(await portal.FindAccountAsync(email));
    }

    [Fact]
    public async Task Sweep_RemovesOnlyUnconfirmedSignUpsPastTheirLifetime_FreeingTheAddress()
    {
        var old = NewEmail();
        var recent = NewEmail();
        using var client = portal.Anonymous();
        await SignUpAsync(client, old);
        await SignUpAsync(client, recent);
        await portal.WaitForMailsAsync(recent);
        var (invited, _) = await portal.AccountAsync("desk-agent", "rabat");
        await portal.ChangeAccountAsync(old, a => a.SignedUpAt = a.SignedUpAt!.Value.AddDays(-8));
        await portal.ChangeAccountAsync(invited, a => a.PasswordHash = null);

        await using (var scope = portal.Portal.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
            var removed = await UnconfirmedAccountSweep.RemoveExpiredAsync(db, DateTimeOffset.UtcNow, TimeSpan.FromDays(7));
            Assert.True(removed >= 1);
        }

        Assert.Null(await portal.FindAccountAsync(old));
        Assert.NotNull(await portal.FindAccountAsync(recent));
        Assert.NotNull(await portal.FindAccountAsync(invited));
        await SignUpAsync(client, old);
        await portal.WaitForMailsAsync(old, 2);
        Assert.NotNull(await portal.FindAccountAsync(old));
    }

    [Fact]
    public async Task Sweep_AnAccountConfirmedWhileItRuns_IsKept_AndTheOthersAreStillRemoved()
    {
        var confirmed = NewEmail();
        var expired = NewEmail();
        using var client = portal.Anonymous();
        await SignUpAsync(client, confirmed);
        await SignUpAsync(client, expired);
        await portal.WaitForMailsAsync(expired);
        foreach (var email in new[] { confirmed, expired })
            await portal.ChangeAccountAsync(email, a => a.SignedUpAt = a.SignedUpAt!.Value.AddDays(-8));
        string connection;
        await using (var scope = portal.Portal.App.Services.CreateAsyncScope())
            connection = scope.ServiceProvider.GetRequiredService<AccountsDb>().Database.GetConnectionString()!;
        // Its owner opens the link just after the sweep has read the accounts waiting and before it removes any.
        var options = new DbContextOptionsBuilder<AccountsDb>().UseSqlite(connection)
            .AddInterceptors(new AfterFirstRead(() => portal.ChangeAccountAsync(confirmed, a => a.EmailConfirmed = true))).Options;

        await using (var db = new AccountsDb(options))
            await UnconfirmedAccountSweep.RemoveExpiredAsync(db, DateTimeOffset.UtcNow, TimeSpan.FromDays(7));

        Assert.True((await portal.FindAccountAsync(confirmed))?.EmailConfirmed);
        Assert.Null(await portal.FindAccountAsync(expired));
    }

    /// <summary>Runs <paramref name="meanwhile"/> once, when the first query has read its rows.</summary>
    private sealed class AfterFirstRead(Func<Task> meanwhile) : DbCommandInterceptor
    {
        private bool _done;

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (!_done)
            {
                _done = true;
                await meanwhile();
            }
            return result;
        }
    }

    [GeneratedRegex(@"<input type=""hidden"" name=""__RequestVerificationToken"" value=""[^""]*"" */?>")]
    private static partial Regex Token();
}
