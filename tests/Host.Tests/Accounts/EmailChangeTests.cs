using System.Net;
using System.Text.RegularExpressions;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>
/// A portal of its own for the account page's changes of address and closures: every request of these tests comes from the
/// same loopback address, so the limit per network address (20 link requests an hour, shared with the other link forms'
/// tests) is raised here; the limit per e-mail address stays the password portal's 3.
/// </summary>
public sealed class EmailChangePortal : PasswordPortal
{
    protected override string[] More => ["--Portal:PasswordLinksPerAddress=1000"];
}

[CollectionDefinition(Name)]
public sealed class EmailChangePortalTests : ICollectionFixture<EmailChangePortal>
{
    public const string Name = "e-mail change portal";
}

/// <summary>
/// Changing one's e-mail address on the account page, through the real forms: the current password, a link to the new
/// address, nothing changed until the link's button is pressed, the old address told, a taken address answered the same.
/// </summary>
[Collection(EmailChangePortalTests.Name)]
public sealed partial class EmailChangeTests(EmailChangePortal portal)
{
    private static string NewEmail() => $"nouvelle-{Guid.NewGuid():N}@example.test";

    /// <summary>Posts the account page's address form; gives the status and the page's main part.</summary>
    internal static async Task<(HttpStatusCode Status, string Page)> AskAsync(HttpClient client, string newEmail, string password = LivePortal.Password)
    {
        var page = await client.GetStringAsync("/account");
        using var response = await client.PostAsync("/account", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "account-email",
            ["__RequestVerificationToken"] = LivePortal.Hidden(page, "__RequestVerificationToken"),
            ["Input.NewEmail"] = newEmail,
            ["Input.Current"] = password,
        }));
        return (response.StatusCode, SignUpTests.MainOf(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Opens a link's page and presses its button, as the person does; gives the press's answer.</summary>
    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, Uri link)
    {
        var page = await client.GetStringAsync(PasswordPortal.Local(link));
        return await client.PostAsync("/account/email", new FormUrlEncodedContent(ConfirmForm(page)));
    }

    private static Dictionary<string, string> ConfirmForm(string page) => new()
    {
        ["_handler"] = LivePortal.Hidden(page, "_handler"),
        ["__RequestVerificationToken"] = LivePortal.Hidden(page, "__RequestVerificationToken"),
        ["Confirmation.AccountId"] = LivePortal.Hidden(page, "Confirmation.AccountId"),
        ["Confirmation.Email"] = LivePortal.Hidden(page, "Confirmation.Email"),
        ["Confirmation.Token"] = LivePortal.Hidden(page, "Confirmation.Token"),
    };

    /// <summary>The link of an e-mail asking to confirm a new address.</summary>
    internal static Uri LinkIn(MimeMessage message) => new(LinkPattern().Match(message.TextBody ?? "").Value);

    private async Task<List<StaffChange>> HistoryAsync(string accountId)
    {
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDb>().StaffChanges.AsNoTracking().Where(c => c.AccountId == accountId).OrderBy(c => c.Id).ToListAsync();
    }

    [Fact]
    public async Task EmailChange_WrongPassword_IsRefusedCountedAndSendsNothing()
    {
        var (email, _) = await portal.AccountAsync("employer");
        var wanted = NewEmail();
        using var client = await portal.SignedInAsync(email);

        var (status, page) = await AskAsync(client, wanted, "Pas-Le-Bon-2026");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("L'adresse n'a pas été changée :", page, StringComparison.Ordinal);
        Assert.Contains("Le mot de passe actuel est incorrect.", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"email-current-password-error\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Pas-Le-Bon-2026", page, StringComparison.Ordinal);
        Assert.Equal(1, (await portal.FindAccountAsync(email))!.AccessFailedCount);

        // The same request with the right password is sent: the first one would have arrived by now.
        await AskAsync(client, wanted);
        Assert.Single(await portal.WaitForMailsAsync(wanted));
        Assert.Equal(email, (await portal.FindAccountAsync(email))!.Email);
    }

    [Theory]
    [InlineData("", "Saisissez votre adresse électronique.")]
    [InlineData("pas-une-adresse", "Cette adresse électronique n'est pas valide.")]
    [InlineData("o'brien@example.test", "Cette adresse électronique n'est pas valide.")]
    public async Task EmailChange_BadAddress_IsRefusedNextToTheField(string typed, string message)
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);

        var (_, page) = await AskAsync(client, typed);

        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"account#new-email\">", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"new-email-hint new-email-error\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailChange_ItsOwnAddress_IsRefused()
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);

        var (_, page) = await AskAsync(client, email.ToUpperInvariant());

        Assert.Contains("C'est déjà l'adresse de votre compte.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailChange_NothingChangesBeforeTheLinkIsUsed_ThenTheAccountMovesAndTheOldAddressIsTold()
    {
        var (email, actor) = await portal.AccountAsync("employer");
        var wanted = NewEmail();
        using var client = await portal.SignedInAsync(email);
        using var otherSession = await portal.SignedInAsync(email);

        var (status, page) = await AskAsync(client, wanted);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Si l'adresse {wanted} peut être celle de votre compte, un lien pour la confirmer y est envoyé. Votre adresse reste {email}", page, StringComparison.Ordinal);
        var mail = Assert.Single(await portal.WaitForMailsAsync(wanted));
        Assert.Equal("Confirmez la nouvelle adresse de votre compte", mail.Subject);
        Assert.Contains($"dont l'adresse est {email}, utilise désormais l'adresse {wanted}", mail.TextBody, StringComparison.Ordinal);
        var link = LinkIn(mail);
        Assert.StartsWith(PasswordPortal.PublicUrl + "account/email?", link.AbsoluteUri, StringComparison.Ordinal);

        // Asked, mailed, opened: still the old address.
        using var elsewhere = portal.Anonymous();
        var opened = SignUpTests.MainOf(await elsewhere.GetStringAsync(PasswordPortal.Local(link)));
        Assert.Contains($"Ce lien change l'adresse du compte de Test employer : de {email} à {wanted}.", opened, StringComparison.Ordinal);
        Assert.Contains("Confirmer la nouvelle adresse", opened, StringComparison.Ordinal);
        var before = (await portal.FindAccountAsync(email))!;
        Assert.Equal(email, before.UserName);
        Assert.Null(await portal.FindAccountAsync(wanted));
        Assert.True(await portal.SignsInAsync(email, LivePortal.Password));
        Assert.Empty(await portal.MailsToAsync(email));

        using var pressed = await ConfirmAsync(elsewhere, link);

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Contains($"L'adresse de votre compte est désormais {wanted}.", WebUtility.HtmlDecode(await pressed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var moved = (await portal.FindAccountAsync(wanted))!;
        Assert.Equal(actor.UserId, moved.Id);
        Assert.Equal(wanted, moved.UserName);
        Assert.Equal(wanted.ToUpperInvariant(), moved.NormalizedUserName);
        Assert.True(moved.EmailConfirmed);
        Assert.Contains(EmploymentProcedures.Engine.Storage.SearchFolding.Fold(wanted), moved.SearchKey, StringComparison.Ordinal);
        Assert.DoesNotContain(EmploymentProcedures.Engine.Storage.SearchFolding.Fold(email), moved.SearchKey, StringComparison.Ordinal);
        Assert.NotEqual(before.SecurityStamp, moved.SecurityStamp);
        Assert.Null(await portal.FindAccountAsync(email));
        Assert.True(await portal.SignsInAsync(wanted, LivePortal.Password));
        Assert.False(await portal.SignsInAsync(email, LivePortal.Password));
        // The sessions opened before the move end (this portal checks the stamp on every request).
        using (var ended = await otherSession.GetAsync("/account"))
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        var notice = Assert.Single(await portal.WaitForMailsAsync(email));
        Assert.Equal("L'adresse de votre compte a été changée", notice.Subject);
        Assert.Contains($"n'utilise plus l'adresse {email} : depuis le ", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains($"son adresse est {wanted}", notice.TextBody, StringComparison.Ordinal);
        var change = Assert.Single(await HistoryAsync(actor.UserId));
        Assert.Equal(("changed", "email", email, wanted, actor.UserId), (change.Kind, change.Field, change.From, change.To, change.ById));

        // The link worked once.
        using var again = portal.Anonymous();
        var used = SignUpTests.MainOf(await again.GetStringAsync(PasswordPortal.Local(link)));
        Assert.Contains("Ce lien ne fonctionne plus", used, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailChange_ConfirmedInTheSameSession_KeepsItSignedInWithTheNewAddress_AndKeepsTheEmailPreference()
    {
        var (email, _) = await portal.AccountAsync("employer");
        await portal.ChangeAccountAsync(email, a => a.Emails = EmailChoice.None);
        var wanted = NewEmail();
        using var client = await portal.SignedInAsync(email);
        await AskAsync(client, wanted);
        var link = LinkIn(Assert.Single(await portal.WaitForMailsAsync(wanted)));

        using var pressed = await ConfirmAsync(client, link);

        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        Assert.EndsWith("account?email=changed", pressed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = SignUpTests.MainOf(await client.GetStringAsync("/account?email=changed"));
        Assert.Contains($"L'adresse de votre compte est désormais {wanted}.", page, StringComparison.Ordinal);
        Assert.Equal(EmailChoice.None, (await portal.FindAccountAsync(wanted))!.Emails);
    }

    [Fact]
    public async Task EmailChange_LinkAfterThePasswordChanged_IsRefusedWithAClearPage_AndChangesNothing()
    {
        var (email, _) = await portal.AccountAsync("employer");
        var wanted = NewEmail();
        using var client = await portal.SignedInAsync(email);
        await AskAsync(client, wanted);
        var link = LinkIn(Assert.Single(await portal.WaitForMailsAsync(wanted)));
        using var stale = portal.Anonymous();
        var openedBefore = await stale.GetStringAsync(PasswordPortal.Local(link));
        await using (var scope = portal.Portal.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = (await users.FindByEmailAsync(email))!;
            Assert.True((await users.ChangePasswordAsync(account, LivePortal.Password, "Oranger-En-Fleurs-2027")).Succeeded);
        }

        var opened = SignUpTests.MainOf(await stale.GetStringAsync(PasswordPortal.Local(link)));
        using var pressed = await stale.PostAsync("/account/email", new FormUrlEncodedContent(ConfirmForm(openedBefore)));
        var pressedPage = SignUpTests.MainOf(await pressed.Content.ReadAsStringAsync());

        foreach (var page in (string[])[opened, pressedPage])
        {
            Assert.Contains("Ce lien ne fonctionne plus : il a expiré, il a déjà servi, ou le compte a changé depuis (une autre adresse confirmée ou un nouveau mot de passe). L'adresse du compte n'a pas changé.", page, StringComparison.Ordinal);
            Assert.Contains("href=\"account\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain(wanted, page, StringComparison.Ordinal);
        }
        Assert.Equal(email, (await portal.FindAccountAsync(email))!.Email);
        Assert.Null(await portal.FindAccountAsync(wanted));
    }

    [Fact]
    public async Task EmailChange_LinkOfAnEarlierRequest_IsRefusedOnceAnotherChangeWasMade()
    {
        var (email, _) = await portal.AccountAsync("employer");
        var (first, second) = (NewEmail(), NewEmail());
        using var client = await portal.SignedInAsync(email);
        await AskAsync(client, first);
        await AskAsync(client, second);
        var firstLink = LinkIn(Assert.Single(await portal.WaitForMailsAsync(first)));
        var secondLink = LinkIn(Assert.Single(await portal.WaitForMailsAsync(second)));
        using var other = portal.Anonymous();
        using (await ConfirmAsync(other, secondLink))
            Assert.Equal(second, (await portal.FindAccountAsync(second))!.Email);

        var refused = SignUpTests.MainOf(await other.GetStringAsync(PasswordPortal.Local(firstLink)));

        Assert.Contains("Ce lien ne fonctionne plus", refused, StringComparison.Ordinal);
        Assert.Null(await portal.FindAccountAsync(first));
    }

    [Fact]
    public async Task EmailChange_ToAnAddressAnotherAccountHas_GetsTheSamePage_TheOwnerIsWarned_AndNothingChanges()
    {
        var (email, _) = await portal.AccountAsync("employer");
        var (taken, _) = await portal.AccountAsync("worker");
        await portal.ChangeAccountAsync(taken, a => a.PreferredLanguage = "en");
        var free = NewEmail();
        using var client = await portal.SignedInAsync(email);

        var (takenStatus, takenPage) = await AskAsync(client, taken);
        var (freeStatus, freePage) = await AskAsync(client, free);

        Assert.Equal(freeStatus, takenStatus);
        Assert.Equal(freePage.Replace(free, "ADDRESS", StringComparison.Ordinal), takenPage.Replace(taken, "ADDRESS", StringComparison.Ordinal));
        var warning = Assert.Single(await portal.WaitForMailsAsync(taken));
        Assert.Equal("Your address was put forward for another account", warning.Subject);
        Assert.Contains($"use the address {taken}, which is already your account's. Nothing was changed", warning.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("account/email?", warning.TextBody, StringComparison.Ordinal);
        Assert.Single(await portal.WaitForMailsAsync(free));
        Assert.Equal(email, (await portal.FindAccountAsync(email))!.Email);
        Assert.Equal(taken, (await portal.FindAccountAsync(taken))!.Email);
    }

    [Fact]
    public async Task EmailChange_LinkEmailAndItsPage_AreInTheAccountsLanguage_RightToLeftInArabic()
    {
        var (email, _) = await portal.AccountAsync("employer");
        await portal.ChangeAccountAsync(email, a => a.PreferredLanguage = "ar");
        var wanted = NewEmail();
        using var client = await portal.SignedInAsync(email);

        await AskAsync(client, wanted);

        var mail = Assert.Single(await portal.WaitForMailsAsync(wanted));
        Assert.Equal("أكدوا العنوان الجديد لحسابكم", mail.Subject);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(wanted, mail.To.Mailboxes.Single().Address);

        // Opened by a browser that never chose a language: the page speaks the account's, right to left.
        using var browser = portal.Anonymous();
        using var first = await browser.GetAsync(PasswordPortal.Local(LinkIn(mail)));
        var page = await browser.GetStringAsync(PasswordPortal.Local(LinkIn(mail)));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>تأكيد عنوانكم الجديد</h1>", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailChange_TooManyForOneAddress_IsRefusedWithTheLimit()
    {
        var (email, _) = await portal.AccountAsync("employer");
        var wanted = NewEmail();
        using var client = await portal.SignedInAsync(email);

        string page = "";
        for (var attempt = 0; attempt < 4; attempt++)
            (_, page) = await AskAsync(client, wanted);

        // The portal's limit for this fixture is 3 e-mails an hour to one address.
        Assert.Contains("Trop de liens ont été demandés pour cette adresse électronique (3 par heure au plus).", page, StringComparison.Ordinal);
        Assert.Contains("id=\"change-email-errors\"", page, StringComparison.Ordinal);
        Assert.Equal(3, (await portal.WaitForMailsAsync(wanted, 3)).Count);
    }

    [GeneratedRegex(@"https?://\S+/account/email\?\S+")]
    private static partial Regex LinkPattern();
}
