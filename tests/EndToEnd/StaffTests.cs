using System.Text.RegularExpressions;
using EmploymentProcedures.Host;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>An administrator opens a desk agent's account; the agent chooses a password from the e-mail; then loses access.</summary>
[Collection(PortalTests.Name)]
public sealed partial class StaffTests(PortalFixture portal)
{
    private const string Password = "Staff-Portail-2026";

    [Fact]
    public async Task Administrator_InvitesADeskAgentForRabat_WhoChoosesAPasswordSeesTheInbox_ThenIsDeactivatedAndRefused()
    {
        var elsewhere = await portal.FilingOf().SubmittedAsync(Engine.Workflow.Actor.Applicant("staff-e2e-applicant", "Atlas Textile"));
        var adminEmail = await portal.CreateAccountAsync("administrator", Password, name: "Nora Administratrice");
        var admin = await portal.NewPageAsync();
        await Pages.SignInAsync(admin, adminEmail, Password);

        await Pages.FollowAsync(admin, admin.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "Agents et comptes" }), new Regex("/staff$"));
        await Pages.AssertNoSeriousAxeViolationAsync(admin);
        await Pages.FollowAsync(admin, admin.GetByRole(AriaRole.Link, new() { Name = "Inviter un agent" }), new Regex("/staff/invite$"));
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Inviter un agent");

        // Sent empty first: every error said at once, each field marked.
        await admin.Locator(".staff-form button[type=submit]").ClickAsync();
        await Assertions.Expect(admin.Locator("#staff-errors")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("#staff-email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Pages.AssertNoSeriousAxeViolationAsync(admin);

        var email = $"agent-{Guid.NewGuid():N}@emploi.example";
        await admin.Locator("#staff-email").FillAsync(email);
        await admin.Locator("#staff-name").FillAsync("Salma Idrissi");
        await admin.Locator("#staff-role").SelectOptionAsync("analyst");
        await Assertions.Expect(admin.Locator(".staff-provinces")).ToBeHiddenAsync();
        await admin.Locator("#staff-role").SelectOptionAsync("desk-agent");
        await admin.GetByLabel("Préfecture de Rabat").CheckAsync();
        await admin.Locator(".staff-form button[type=submit]").ClickAsync();
        await Assertions.Expect(admin.Locator("p.alert.success")).ToContainTextAsync(email);
        var personUrl = admin.Url;
        await Assertions.Expect(admin.Locator(".staff-history")).ToContainTextAsync("Invité comme Agent du guichet pour Préfecture de Rabat");
        await Pages.AssertNoSeriousAxeViolationAsync(admin);

        var agent = await portal.NewPageAsync();
        await agent.GotoAsync(await InvitationLinkAsync(email));
        await agent.Locator("#password").FillAsync("Nouveau-Depart-2031");
        await agent.Locator("#confirm").FillAsync("Nouveau-Depart-2031");
        await agent.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(agent).ToHaveURLAsync(new Regex("/account/sign-in"));
        await Pages.SignInAsync(agent, email, "Nouveau-Depart-2031");
        await agent.GotoAsync("/inbox");
        await Assertions.Expect(agent.Locator("h1")).ToHaveTextAsync("Dossiers");
        await Assertions.Expect(agent.Locator("main")).Not.ToContainTextAsync(elsewhere.Reference!);

        await admin.GotoAsync(personUrl);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Désactiver le compte" }).ClickAsync();
        await Assertions.Expect(admin.Locator("p.alert.success")).ToContainTextAsync("désactivé");

        var again = await portal.NewPageAsync();
        await Pages.SignInAsync(again, email, "Nouveau-Depart-2031");
        await Assertions.Expect(again.Locator("#sign-in-error")).ToContainTextAsync("désactivé");
        await Pages.WaitUntilSignedOutAsync(agent, "/inbox");
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task StaffPages_InArabicAndEnglish_HaveNoSeriousOrCriticalAxeViolation(string language)
    {
        var adminEmail = await portal.CreateAccountAsync("administrator", Password, language);
        var page = await portal.NewPageAsync(Languages.Find(language));
        await Pages.SignInAsync(page, adminEmail, Password);

        foreach (var path in new[] { "/staff", "/staff/invite" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            Assert.Equal(language == "ar" ? "rtl" : "ltr", await page.Locator("html").GetAttributeAsync("dir"));
            await Pages.AssertNoSeriousAxeViolationAsync(page);
        }
    }

    /// <summary>The link of the invitation e-mailed to <paramref name="email"/> (into the pickup folder), as a path on the portal.</summary>
    private async Task<string> InvitationLinkAsync(string email)
    {
        var folder = Path.Combine(portal.App.Services.GetRequiredService<PortalPaths>().Data, "mail");
        for (var waited = 0; waited < 300; waited++)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.eml") : [])
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == email) && Link().Match(message.TextBody ?? "") is { Success: true } link)
                    return new Uri(link.Value).PathAndQuery;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("no invitation to " + email);
    }

    [GeneratedRegex(@"https?://\S+/account/password\?\S+")]
    private static partial Regex Link();
}
