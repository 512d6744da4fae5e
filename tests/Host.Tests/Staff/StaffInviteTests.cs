using System.Net;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Tests.Accounts;

namespace EmploymentProcedures.Host.Tests.Staff;

/// <summary>An administrator invites an agent through <c>/staff/invite</c>; the agent's e-mail carries the link to choose a password.</summary>
[Collection(StaffPortalTests.Name)]
public sealed class StaffInviteTests(StaffPortal portal)
{
    [Fact]
    public async Task Invite_OpensAnAccountWithoutPassword_MailsTheLink_WhichLetsTheAgentIn_AndMaySendItAgain()
    {
        var (adminEmail, admin) = await portal.AccountAsync("administrator");
        using var adminClient = await portal.SignedInAsync(adminEmail);
        var email = $"agent-{Guid.NewGuid():N}@emploi.example";

        using var invited = await StaffPortal.PostFormAsync(adminClient, "staff/invite", "staff-invite",
            ("email", email), ("name", "Salma Idrissi"), ("role", "desk-agent"), ("provinces", "rabat"), ("language", "ar"));

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var account = await portal.FindAccountAsync(email);
        Assert.NotNull(account);
        Assert.Equal("/staff/" + account.Id + "?done=invited", invited.Headers.Location!.PathAndQuery);
        Assert.Null(account.PasswordHash);
        Assert.Equal(("Salma Idrissi", "desk-agent", "ar"), (account.DisplayName, account.Role, account.PreferredLanguage));
        Assert.Equal(["rabat"], account.Provinces);
        var change = Assert.Single((await portal.ReadAsync(account.Id)).Changes);
        Assert.Equal((StaffChangeKinds.Invited, "desk-agent", "rabat", admin.UserId), (change.Kind, change.To, change.From, change.ById));
        var page = WebUtility.HtmlDecode(await adminClient.GetStringAsync("staff/" + account.Id + "?done=invited"));
        Assert.Contains("l'invitation part par courriel à " + email, page, StringComparison.Ordinal);
        Assert.Contains("Invité (pas encore de mot de passe)", page, StringComparison.Ordinal);
        Assert.Contains("Invité comme Agent du guichet pour Préfecture de Rabat, par " + admin.Name, page, StringComparison.Ordinal);

        using var again = await StaffPortal.PostFormAsync(adminClient, "staff/" + account.Id, "staff-invite-again");
        Assert.Contains("Une nouvelle invitation part par courriel", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var mails = await portal.WaitForMailsAsync(email, 2);
        Assert.Contains("dir=\"rtl\"", mails[0].HtmlBody, StringComparison.Ordinal);

        using var agent = portal.Anonymous();
        // The link opens in the account's language: a first visit sets it and comes back.
        using var first = await agent.GetAsync(PasswordPortal.Local(PasswordPortal.LinkIn(mails[^1])));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var chosen = await PasswordPortal.ChooseAsync(agent, PasswordPortal.LinkIn(mails[^1]), "Nouveau-Depart-2031");
        Assert.True(await portal.SignsInAsync(email, "Nouveau-Depart-2031"));
        Assert.Equal(StaffState.Active, StaffQuery.StateOf((await portal.ReadAsync(account.Id)).Account!));
        Assert.Equal([StaffChangeKinds.Invited, StaffChangeKinds.InvitedAgain], (await portal.ReadAsync(account.Id)).Changes.Select(c => c.Kind));
    }

    [Fact]
    public async Task Invite_WithAnEmailInUseABadOneOrNoProvince_SaysWhatIsWrongAndOpensNothing()
    {
        var (adminEmail, _) = await portal.AccountAsync("administrator");
        var (takenEmail, _) = await portal.AccountAsync("labour-inspector", "fes");
        using var adminClient = await portal.SignedInAsync(adminEmail);

        using var taken = await StaffPortal.PostFormAsync(adminClient, "staff/invite", "staff-invite",
            ("email", takenEmail), ("name", "Double"), ("role", "analyst"), ("language", "fr"));
        using var bad = await StaffPortal.PostFormAsync(adminClient, "staff/invite", "staff-invite",
            ("email", "pas une adresse"), ("name", "Mauvais"), ("role", "desk-agent"), ("language", "fr"));

        var takenPage = await taken.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Contains("Cette adresse est déjà celle du compte de Test labour-inspector (" + takenEmail + ")", takenPage, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", takenPage, StringComparison.Ordinal);
        var badPage = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Cette adresse électronique n'est pas valide", badPage, StringComparison.Ordinal);
        Assert.Contains("Ce rôle est territorial : cochez au moins une province.", badPage, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", badPage, StringComparison.Ordinal);
        Assert.Contains("value=\"pas une adresse\"", badPage, StringComparison.Ordinal);
        Assert.Null(await portal.FindAccountAsync("pas une adresse"));
    }
}
