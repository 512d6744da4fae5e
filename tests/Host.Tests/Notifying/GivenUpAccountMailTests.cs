using System.Net;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Notifying;
using EmploymentProcedures.Host.Tests.Accounts;
using EmploymentProcedures.Host.Tests.MyApplications;
using EmploymentProcedures.Host.Tests.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Notifying;

/// <summary>
/// The account e-mails given up on <c>/admin/mail</c>, over a portal of its own for each test whose account e-mail queue
/// runs: what an administrator sees, "send again" through the real form and the e-mail then sent, two administrators at
/// once, a sign-up that can no longer be completed, who else reaches the page, and its three languages.
/// </summary>
public sealed class GivenUpAccountMailTests : IAsyncLifetime
{
    private const string Page = "/admin/mail";

    private const string Form = "given-up-account-retry";

    private readonly StaffPortal _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Page_Administrator_SeesEachAccountEmailGivenUp_ItsKindAddressAttemptsAndErrorWithoutStackTrace()
    {
        var (email, _) = await _portal.AccountAsync("employer");
        await GivenUpAsync(new PasswordMailRequest.Forgotten(email), "550 5.1.1 mailbox unavailable\n   at MailKit.Net.Smtp.SmtpClient.Send()");
        var (adminEmail, _) = await _portal.AccountAsync("administrator");
        using var admin = await _portal.SignedInAsync(adminEmail);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));

        Assert.Contains("Courriels de compte abandonnés ces dernières 24 heures : 1 ; ces 7 derniers jours : 1 ; en tout : 1.", page, StringComparison.Ordinal);
        Assert.Contains(">Lien pour choisir un nouveau mot de passe (mot de passe oublié)</th>", page, StringComparison.Ordinal);
        Assert.Contains($"<span dir=\"ltr\">{email}</span>", page, StringComparison.Ordinal);
        Assert.Contains("550 5.1.1 mailbox unavailable", page, StringComparison.Ordinal);
        Assert.DoesNotContain("SmtpClient.Send", page, StringComparison.Ordinal);
        Assert.Contains("Renvoyer les courriels de compte affichés (1)", page, StringComparison.Ordinal);
        // Nothing of the applications' notifications is given up, but not every e-mail was delivered.
        Assert.Contains("Aucune notification n'est mise de côté.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Tous les courriels ont été remis", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ChangeOfAddressGivenUp_ShowsTheAddressItWentTo_NotTheAccountsAddressNow()
    {
        var (email, person) = await _portal.AccountAsync("employer");
        const string Old = "ancienne-adresse@example.test";
        const string Wanted = "adresse-voulue@example.test";
        await GivenUpAsync(new PasswordMailRequest.EmailChanged(person.UserId, Old), "550 5.1.1 mailbox unavailable");
        await GivenUpAsync(new PasswordMailRequest.ChangeEmail(person.UserId, Wanted), "550 5.1.1 mailbox unavailable");
        var (adminEmail, _) = await _portal.AccountAsync("administrator");
        using var admin = await _portal.SignedInAsync(adminEmail);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));

        Assert.Contains(">Avis à l'ancienne adresse d'un compte dont l'adresse a changé</th>", page, StringComparison.Ordinal);
        Assert.Contains(">Lien de confirmation d'une nouvelle adresse (ou avis d'une adresse déjà utilisée)</th>", page, StringComparison.Ordinal);
        Assert.Contains($"<span dir=\"ltr\">{Old}</span>", page, StringComparison.Ordinal);
        Assert.Contains($"<span dir=\"ltr\">{Wanted}</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"<span dir=\"ltr\">{email}</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAgain_One_TheQueueSendsItsLink_AndTheAdministratorIsRecordedInTheAccountsHistory()
    {
        var (email, person) = await _portal.AccountAsync("employer");
        var key = await GivenUpAsync(new PasswordMailRequest.Forgotten(email), "452 4.2.2 mailbox full");
        var (adminEmail, administrator) = await _portal.AccountAsync("administrator");
        using var admin = await _portal.SignedInAsync(adminEmail);
        var page = await admin.GetStringAsync(Page);

        using var response = await StaffPortal.PostFormAsync(admin, Page, page, Form, ("account-one", GivenUpMail.Format(key)));
        var after = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var mail = Assert.Single(await _portal.WaitForMailsAsync(email));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Courriel(s) de compte renvoyé(s) : 1.", after, StringComparison.Ordinal);
        Assert.Contains("Aucun courriel de compte n'a été abandonné.", after, StringComparison.Ordinal);
        Assert.Equal("Choisir un nouveau mot de passe", mail.Subject);
        var (_, changes) = await _portal.ReadAsync(person.UserId);
        var resent = Assert.Single(changes, c => c.Kind == GivenUpAccountMail.Resent);
        Assert.Equal((administrator.UserId, AccountMailKinds.Forgotten, email, "3"), (resent.ById, resent.Field, resent.From, resent.To));
        await WaitUntilGoneAsync(key.Id);
        var personPage = WebUtility.HtmlDecode(await admin.GetStringAsync("/staff/" + person.UserId));
        Assert.Contains("Courriel du compte renvoyé après son abandon, par Test administrator", personPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_GivenUp_IsShownWithTheAgentsAddress_AndSentAgainWithItsLink()
    {
        var (adminEmail, administrator) = await _portal.AccountAsync("administrator");
        var email = $"agent-{Guid.NewGuid():N}@emploi.example";
        var invited = await _portal.WithStaffAsync(s => s.InviteAsync(administrator, new StaffInvitation(email, "Salma Idrissi", "desk-agent", ["rabat"], "fr")));
        Assert.Single(await _portal.WaitForMailsAsync(email));
        var key = await GivenUpAsync(new PasswordMailRequest.Invitation(invited.Account!.Id, administrator.Name), "421 4.3.0 service not available");
        using var admin = await _portal.SignedInAsync(adminEmail);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));
        Assert.Contains(">Invitation d'un agent à choisir son mot de passe</th>", page, StringComparison.Ordinal);
        Assert.Contains($"<span dir=\"ltr\">{email}</span>", page, StringComparison.Ordinal);
        Assert.Contains("421 4.3.0 service not available", page, StringComparison.Ordinal);

        using var response = await StaffPortal.PostFormAsync(admin, Page, page, Form, ("account-one", GivenUpMail.Format(key)));
        var mails = await _portal.WaitForMailsAsync(email, 2);

        Assert.Contains("Courriel(s) de compte renvoyé(s) : 1.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("purpose=invitation", PasswordPortal.LinkIn(mails[^1]).Query, StringComparison.Ordinal);
        await WaitUntilGoneAsync(key.Id);
    }

    [Fact]
    public async Task SendAgain_AllShown_ByTwoAdministratorsFromTheSamePage_RetriesOnce_AndTellsTheSecond()
    {
        var (email, _) = await _portal.AccountAsync("employer");
        var key = await GivenUpAsync(new PasswordMailRequest.Forgotten(email), "550 refused");
        var (firstEmail, _) = await _portal.AccountAsync("administrator");
        var (secondEmail, _) = await _portal.AccountAsync("administrator");
        using var first = await _portal.SignedInAsync(firstEmail);
        using var second = await _portal.SignedInAsync(secondEmail);
        var firstPage = await first.GetStringAsync(Page);
        var secondPage = await second.GetStringAsync(Page);
        (string, string)[] shown = [("account-all", "1"), ("account-shown", GivenUpMail.Format(key))];

        var both = await Task.WhenAll(
            StaffPortal.PostFormAsync(first, Page, firstPage, Form, shown),
            StaffPortal.PostFormAsync(second, Page, secondPage, Form, shown));
        var answers = await Task.WhenAll(both.Select(async r => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync())));

        Assert.Single(answers, a => a.Contains("Courriel(s) de compte renvoyé(s) : 1.", StringComparison.Ordinal));
        Assert.Single(answers, a => a.Contains("Courriel(s) de compte qui n'étai(en)t plus abandonné(s) : 1.", StringComparison.Ordinal));
        Assert.Single(await _portal.WaitForMailsAsync(email));
        await using var scope = _portal.Portal.App.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AccountsDb>().StaffChanges.CountAsync(c => c.Kind == GivenUpAccountMail.Resent));
        foreach (var response in both)
            response.Dispose();
    }

    [Fact]
    public async Task SignUp_GivenUpAndNoAccountWaitsForIt_SaysItCannotBeCompleted_RefusesToSendItAgain_AndIsRemoved()
    {
        const string email = "perdu@example.test";
        var key = await GivenUpAsync(new PasswordMailRequest.SignUp(email, "Société Atlas", "employer", "fr", "HASH"), "550 refused");
        var (adminEmail, administrator) = await _portal.AccountAsync("administrator");
        using var admin = await _portal.SignedInAsync(adminEmail);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));

        using var refused = await StaffPortal.PostFormAsync(admin, Page, page, Form, ("account-one", GivenUpMail.Format(key)));
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        using var removed = await StaffPortal.PostFormAsync(admin, Page, refusedPage, Form, ("account-remove", GivenUpMail.Format(key)));
        var removedPage = WebUtility.HtmlDecode(await removed.Content.ReadAsStringAsync());

        Assert.Contains("Inscription impossible à terminer", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"account-remove\" value=\"{GivenUpMail.Format(key)}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"account-one\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Renvoyer les courriels de compte affichés", page, StringComparison.Ordinal);
        Assert.Contains("Inscription(s) impossible(s) à renvoyer : 1.", refusedPage, StringComparison.Ordinal);
        Assert.Contains("Courriel(s) de compte supprimé(s) : 1.", removedPage, StringComparison.Ordinal);
        Assert.Contains("Aucun courriel de compte n'a été abandonné.", removedPage, StringComparison.Ordinal);
        await using var scope = _portal.Portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        Assert.False(await db.AccountMails.AnyAsync());
        var change = Assert.Single(await db.StaffChanges.Where(c => c.Kind == GivenUpAccountMail.Removed).ToListAsync());
        Assert.Equal(("", email, administrator.UserId), (change.AccountId, change.From, change.ById));
        Assert.Empty(await _portal.MailsToAsync(email));
    }

    [Fact]
    public async Task SignUp_GivenUpForAnAddressWithAnAccountWaitingForNothing_SaysNothingNeedsSending_AndOffersOnlyRemove()
    {
        var (email, _) = await _portal.AccountAsync("employer");
        var key = await GivenUpAsync(new PasswordMailRequest.SignUp(email, "Société Atlas", "employer", "fr", "HASH"), "550 refused");
        var (adminEmail, _) = await _portal.AccountAsync("administrator");
        using var admin = await _portal.SignedInAsync(adminEmail);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));

        Assert.Contains("Cette adresse a déjà un compte qui n'attend pas de confirmation", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Inscription impossible à terminer", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"account-remove\" value=\"{GivenUpMail.Format(key)}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"account-one\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_GivenUpWhileItsAccountWaitsForConfirmation_IsSentAgainAsANewConfirmationLink()
    {
        const string email = "attente@example.test";
        await using (var scope = _portal.Portal.App.Services.CreateAsyncScope())
        {
            var links = scope.ServiceProvider.GetRequiredService<ConfirmationLinks>();
            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Account>>();
            var waiting = links.New(email, "Société Atlas", "employer", "fr", hasher.HashPassword(new Account(), LivePortal.Password));
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().CreateAsync(waiting)).Succeeded);
        }
        var key = await GivenUpAsync(new PasswordMailRequest.SignUp(email, "Société Atlas", "employer", "fr", "HASH"), "550 refused");
        var (adminEmail, _) = await _portal.AccountAsync("administrator");
        using var admin = await _portal.SignedInAsync(adminEmail);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));

        using var response = await StaffPortal.PostFormAsync(admin, Page, page, Form, ("account-one", GivenUpMail.Format(key)));
        var mail = Assert.Single(await _portal.WaitForMailsAsync(email));

        Assert.DoesNotContain("Inscription impossible à terminer", page, StringComparison.Ordinal);
        Assert.Contains("Courriel(s) de compte renvoyé(s) : 1.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.NotNull(PasswordPortal.ConfirmationLinkIn(mail));
    }

    [Theory]
    [InlineData("fr", "<h2 id=\"given-up-accounts\">Courriels de compte abandonnés</h2>", "Aucun courriel de compte n'a été abandonné.")]
    [InlineData("ar", "<h2 id=\"given-up-accounts\">رسائل الحسابات المتخلى عنها</h2>", "لم يُتخلَّ عن أي رسالة متعلقة بالحسابات.")]
    [InlineData("en", "<h2 id=\"given-up-accounts\">Account e-mails given up</h2>", "No account e-mail has been given up.")]
    public async Task Page_NoAccountEmailGivenUp_SaysSo_InThePagesLanguage(string language, string heading, string empty)
    {
        var (adminEmail, _) = await _portal.AccountAsync("administrator");
        using var admin = await _portal.SignedInAsync(adminEmail);
        await GivenUpMailTests.ChooseLanguageAsync(admin, language);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));

        Assert.Contains(heading, page, StringComparison.Ordinal);
        Assert.Contains(empty, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_GivenUpInArabic_IsRightToLeft_WithTheKindInArabicAndTheAccountsAddress()
    {
        var (email, person) = await _portal.AccountAsync("employer");
        await GivenUpAsync(new PasswordMailRequest.Changed(person.UserId), "550 refused");
        var (adminEmail, _) = await _portal.AccountAsync("administrator");
        using var admin = await _portal.SignedInAsync(adminEmail);
        await GivenUpMailTests.ChooseLanguageAsync(admin, "ar");

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", page, StringComparison.Ordinal);
        Assert.Contains(">إشعار بتغيير كلمة المرور</th>", page, StringComparison.Ordinal);
        Assert.Contains("إعادة إرسال رسائل الحسابات المعروضة (1)", page, StringComparison.Ordinal);
        // A changed password's request names the account: its address is the account's.
        Assert.Contains($"<span dir=\"ltr\">{email}</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_AnyoneButAnAdministrator_SeesNoAccountEmail_AndTheirPostChangesNothing()
    {
        var (email, _) = await _portal.AccountAsync("employer");
        var key = await GivenUpAsync(new PasswordMailRequest.Forgotten(email), "550 refused");
        using (var anonymous = _portal.Anonymous())
        using (var response = await anonymous.GetAsync(Page))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        foreach (var (role, provinces) in new[] { ("employer", Array.Empty<string>()), ("desk-agent", ["rabat"]), ("labour-directorate", []), ("analyst", []) })
        {
            var (other, _) = await _portal.AccountAsync(role, provinces);
            using var client = await _portal.SignedInAsync(other);
            using var response = await client.GetAsync(Page);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(email, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            foreach (var field in new[] { "account-one", "account-remove" })
            {
                using var post = await StaffPortal.PostFormAsync(client, Page, await client.GetStringAsync("/account"), Form, (field, GivenUpMail.Format(key)));
                Assert.Contains(post.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
            }
        }
        await using var scope = _portal.Portal.App.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<GivenUpAccountMail>();
        var (_, applicant) = await _portal.AccountAsync("employer");
        Assert.Null(await service.RetryAsync(applicant, [key]));
        Assert.Null(await service.RemoveAsync(applicant, [key]));
        var stored = Assert.Single(await scope.ServiceProvider.GetRequiredService<AccountsDb>().AccountMails.ToListAsync());
        Assert.Equal((3, key.SetAsideAt), (stored.Attempts, DateTime.SpecifyKind(stored.GivenUpAt!.Value, DateTimeKind.Utc)));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<AccountsDb>().StaffChanges.Where(c => c.Kind == GivenUpAccountMail.Resent || c.Kind == GivenUpAccountMail.Removed).ToListAsync());
    }

    /// <summary>Stores the request as the queue leaves it after its last attempt: given up (a sign-up's hash cleared), 3 attempts.</summary>
    private async Task<Engine.Storage.SetAsideKey> GivenUpAsync(PasswordMailRequest request, string error)
    {
        var now = DateTime.UtcNow.AddMinutes(-5);
        var stored = request.ToStored(now.AddHours(-8));
        stored.Attempts = 3;
        stored.LastError = error;
        stored.GivenUpAt = now;
        stored.NextAttemptAt = now.AddHours(6);
        if (stored.Kind == AccountMailKinds.SignUp)
            stored.PasswordHash = null;
        await using var scope = _portal.Portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        db.AccountMails.Add(stored);
        await db.SaveChangesAsync();
        return new Engine.Storage.SetAsideKey(stored.Id, now);
    }

    private async Task WaitUntilGoneAsync(long id)
    {
        for (var waited = 0; waited < 200; waited++)
        {
            await using var scope = _portal.Portal.App.Services.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<AccountsDb>().AccountMails.AnyAsync(r => r.Id == id))
                return;
            await Task.Delay(100);
        }
        Assert.Fail("the request was not sent in 20 s");
    }
}
