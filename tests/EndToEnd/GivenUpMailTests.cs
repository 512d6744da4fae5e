using System.Text.RegularExpressions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// An administrator finds an e-mail given up on <c>/admin/mail</c>, sends it again, and the portal's own dispatcher (every
/// 30 seconds) delivers it to the pickup folder; the same for an account e-mail, which the account e-mail queue sends at once.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class GivenUpMailTests(PortalFixture portal)
{
    private const string Password = "Courriel-Portail-2026";

    [Fact]
    public async Task Administrator_SendsAGivenUpEmailAgain_AndTheApplicantReceivesIt()
    {
        var applicantEmail = await portal.CreateAccountAsync("employer", Password, name: "Atlas Textile");
        var reference = await SetAsideApplicantsNotificationAsync(applicantEmail);
        var adminEmail = await portal.CreateAccountAsync("administrator", Password, name: "Nora Administratrice");
        var admin = await portal.NewPageAsync();
        await Pages.SignInAsync(admin, adminEmail, Password);

        await Pages.FollowAsync(admin, admin.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "Courriels non remis" }), new Regex("/admin/mail$"));
        var row = admin.Locator("tbody tr", new() { HasText = reference });
        await Assertions.Expect(row).ToContainTextAsync(applicantEmail);
        await Assertions.Expect(row).ToContainTextAsync("550 5.1.1 mailbox unavailable");
        await Pages.AssertNoSeriousAxeViolationAsync(admin);

        await row.GetByRole(AriaRole.Button, new() { Name = "Renvoyer" }).ClickAsync();

        await Assertions.Expect(admin.Locator("p.alert.success")).ToContainTextAsync("Notification(s) renvoyée(s) : 1.");
        await Assertions.Expect(admin.Locator("tbody tr", new() { HasText = reference })).ToHaveCountAsync(0);
        await Pages.AssertNoSeriousAxeViolationAsync(admin);
        var delivered = await DeliveredAsync(applicantEmail, reference);
        Assert.Contains("Atlas Textile", delivered.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_SendsAGivenUpAccountEmailAgain_AndThePersonReceivesTheLink()
    {
        var personEmail = await portal.CreateAccountAsync("employer", Password, name: "Atlas Textile");
        await GiveUpForgottenPasswordAsync(personEmail);
        var adminEmail = await portal.CreateAccountAsync("administrator", Password, name: "Nora Administratrice");
        var admin = await portal.NewPageAsync();
        await Pages.SignInAsync(admin, adminEmail, Password);

        await admin.GotoAsync("/admin/mail");
        var row = admin.Locator("tbody tr", new() { HasText = personEmail });
        await Assertions.Expect(row).ToContainTextAsync("Lien pour choisir un nouveau mot de passe (mot de passe oublié)");
        await Assertions.Expect(row).ToContainTextAsync("550 5.1.1 mailbox unavailable");
        await Pages.AssertNoSeriousAxeViolationAsync(admin);

        await row.GetByRole(AriaRole.Button, new() { Name = "Renvoyer" }).ClickAsync();

        await Assertions.Expect(admin.Locator("p.alert.success")).ToContainTextAsync("Courriel(s) de compte renvoyé(s) : 1.");
        await Assertions.Expect(admin.Locator("tbody tr", new() { HasText = personEmail })).ToHaveCountAsync(0);
        await Pages.AssertNoSeriousAxeViolationAsync(admin);
        var delivered = await DeliveredAsync(personEmail, "Choisir un nouveau mot de passe", "*.eml");
        Assert.Contains("/account/password?purpose=reset", delivered.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task GivenUpPage_InArabicAndEnglish_HasNoSeriousOrCriticalAxeViolation(string language)
    {
        var applicantEmail = await portal.CreateAccountAsync("employer", Password, name: "Atlas Textile");
        await SetAsideApplicantsNotificationAsync(applicantEmail);
        await GiveUpForgottenPasswordAsync(applicantEmail);
        var adminEmail = await portal.CreateAccountAsync("administrator", Password, language);
        var page = await portal.NewPageAsync(Languages.Find(language));
        await Pages.SignInAsync(page, adminEmail, Password);

        await page.GotoAsync("/admin/mail");

        await Assertions.Expect(page.Locator("tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tbody tr", new() { HasText = applicantEmail })).ToHaveCountAsync(2);
        Assert.Equal(language == "ar" ? "rtl" : "ltr", await page.Locator("html").GetAttributeAsync("dir"));
        await Pages.AssertNoSeriousAxeViolationAsync(page);
    }

    /// <summary>
    /// Submits an application for the applicant and sets aside the notification that tells them, as the dispatcher does
    /// after its last refused attempt; gives the application's reference. The portal's dispatcher may take it first (it
    /// runs every 30 seconds): then another application is submitted.
    /// </summary>
    private async Task<string> SetAsideApplicantsNotificationAsync(string applicantEmail)
    {
        var account = await portal.FindAccountAsync(applicantEmail) ?? throw new InvalidOperationException("no account " + applicantEmail);
        var outbox = portal.App.Services.GetRequiredService<Outbox>();
        for (var tries = 0; tries < 3; tries++)
        {
            var application = await portal.FilingOf().SubmittedAsync(Actor.Applicant(account.Id, account.DisplayName));
            var claim = "e2e-" + Guid.NewGuid().ToString("N");
            var now = DateTime.UtcNow;
            var claimed = await outbox.ClaimAsync(claim, now, 1000, TimeSpan.FromMinutes(10));
            var own = claimed.FirstOrDefault(n => n.Item.ApplicationId == application.Id && n.Recipient == account.Id);
            if (own is not null)
                await outbox.FailedAsync(own.Item.Id, claim, "550 5.1.1 mailbox unavailable", now, retryAt: null);
            await outbox.ReleaseAsync(claim);
            if (own is not null)
                return application.Reference!;
        }
        throw new InvalidOperationException("the dispatcher sent every notification before it could be set aside");
    }

    /// <summary>Stores a "forgotten password" for the address as the account e-mail queue leaves it after its last refused attempt.</summary>
    private async Task GiveUpForgottenPasswordAsync(string email)
    {
        var now = DateTime.UtcNow;
        await using var scope = portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        db.AccountMails.Add(new AccountMailRequest
        {
            Kind = AccountMailKinds.Forgotten, Email = email, AskedAt = now.AddHours(-8), Attempts = 10, NextAttemptAt = now.AddHours(6),
            LastError = "550 5.1.1 mailbox unavailable", GivenUpAt = now,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The e-mail about <paramref name="reference"/> written to <paramref name="email"/> in the pickup folder, waiting for the dispatcher (at most 90 s).</summary>
    private async Task<MimeKit.MimeMessage> DeliveredAsync(string email, string reference, string files = "notification-*.eml")
    {
        var folder = Path.Combine(portal.App.Services.GetRequiredService<PortalPaths>().Data, "mail");
        for (var waited = 0; waited < 900; waited++)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, files) : [])
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == email) && (message.Subject ?? "").Contains(reference, StringComparison.Ordinal))
                    return message;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"no e-mail about {reference} to {email}");
    }
}
