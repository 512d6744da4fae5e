using System.Net;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Staff;

/// <summary>An administrator changes, deactivates and reactivates an agent through the person's page.</summary>
[Collection(StaffPortalTests.Name)]
public sealed class StaffChangeTests(StaffPortal portal)
{
    [Fact]
    public async Task Edit_RoleAndProvinces_AreSavedAudited_TheStampRenewed_TheSessionEnded_AndClaimsOutsideReleased()
    {
        var (adminEmail, admin) = await portal.AccountAsync("administrator");
        var (_, applicant) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(applicant);
        var province = application.Province!;
        var (agentEmail, agent) = await portal.AccountAsync("desk-agent", province);
        Assert.True((await portal.Applications.ClaimAsync(application.Id, agent)).Succeeded);
        var stamp = (await portal.ReadAsync(agent.UserId)).Account!.SecurityStamp;
        using var agentClient = await portal.SignedInAsync(agentEmail);
        using var adminClient = await portal.SignedInAsync(adminEmail);
        var path = "staff/" + agent.UserId;

        using var response = await StaffPortal.PostFormAsync(adminClient, path, "staff-edit",
            ("name", "Karim Bennani"), ("role", "labour-inspector"), ("provinces", "rabat"), ("provinces", "sale"));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Les changements sont enregistrés", page, StringComparison.Ordinal);
        Assert.Contains("1 dossier(s) pris en charge libéré(s)", page, StringComparison.Ordinal);
        var (account, changes) = await portal.ReadAsync(agent.UserId);
        Assert.Equal(("Karim Bennani", "labour-inspector"), (account!.DisplayName, account.Role));
        Assert.Equal(["rabat", "sale"], account.Provinces);
        Assert.NotEqual(stamp, account.SecurityStamp);
        Assert.Equal(
            [("name", "Test desk-agent", "Karim Bennani"), ("role", "desk-agent", "labour-inspector"), ("provinces", province, "rabat,sale")],
            changes.Select(c => (c.Field!, c.From!, c.To!)));
        Assert.All(changes, c => Assert.Equal((StaffChangeKinds.Changed, admin.UserId, admin.Name), (c.Kind, c.ById, c.ByName)));
        Assert.Contains("Rôle changé de Agent du guichet en Inspecteur du travail", page, StringComparison.Ordinal);
        Assert.False(await StaffPortal.SignedInStillAsync(agentClient));
        var colleague = Actor.Reviewer("colleague", "Collègue", "desk-agent", province);
        Assert.True((await portal.Applications.ClaimAsync(application.Id, colleague)).Succeeded);
    }

    [Fact]
    public async Task Edit_TerritorialRoleWithoutProvince_IsRefusedSayingSo_AndChangesNothing()
    {
        var (adminEmail, _) = await portal.AccountAsync("administrator");
        var (_, agent) = await portal.AccountAsync("labour-directorate");
        using var adminClient = await portal.SignedInAsync(adminEmail);

        using var response = await StaffPortal.PostFormAsync(adminClient, "staff/" + agent.UserId, "staff-edit", ("name", " "), ("role", "desk-agent"));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ce rôle est territorial : cochez au moins une province.", page, StringComparison.Ordinal);
        Assert.Contains("Indiquez le nom de la personne.", page, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
        var (account, changes) = await portal.ReadAsync(agent.UserId);
        Assert.Equal("labour-directorate", account!.Role);
        Assert.Empty(changes);
    }

    [Fact]
    public async Task Deactivate_RefusesSignIn_SayingSoOnlyAfterTheRightPassword_EndsTheSession_AndReactivateLetsIn()
    {
        var (adminEmail, _) = await portal.AccountAsync("administrator");
        var (agentEmail, agent) = await portal.AccountAsync("desk-agent", "rabat");
        using var agentClient = await portal.SignedInAsync(agentEmail);
        using var adminClient = await portal.SignedInAsync(adminEmail);
        var path = "staff/" + agent.UserId;

        using var deactivated = await StaffPortal.PostFormAsync(adminClient, path, "staff-deactivate");

        Assert.Contains("est désactivé", await deactivated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.MaxValue, (await portal.ReadAsync(agent.UserId)).Account!.LockoutEnd);
        Assert.False(await StaffPortal.SignedInStillAsync(agentClient));
        using (var client = portal.Anonymous())
        {
            using var right = await LivePortal.PostSignInAsync(client, agentEmail, LivePortal.Password);
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
            Assert.Contains("Ce compte a été désactivé", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var wrong = await LivePortal.PostSignInAsync(client, agentEmail, "Pas-le-bon-2026");
            var refused = await wrong.Content.ReadAsStringAsync();
            Assert.DoesNotContain("désactivé", refused, StringComparison.Ordinal);
            Assert.Contains("sign-in-error", refused, StringComparison.Ordinal);
        }

        using var reactivated = await StaffPortal.PostFormAsync(adminClient, path, "staff-reactivate");

        Assert.Contains("est réactivé", await reactivated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var again = await portal.SignedInAsync(agentEmail);
        Assert.True(await StaffPortal.SignedInStillAsync(again));
        Assert.Equal([StaffChangeKinds.Deactivated, StaffChangeKinds.Reactivated], (await portal.ReadAsync(agent.UserId)).Changes.Select(c => c.Kind));
    }

    [Fact]
    public async Task ApplicantAccount_MayBeDeactivated_ButNotGivenAnotherRole()
    {
        var (adminEmail, admin) = await portal.AccountAsync("administrator");
        var (_, applicant) = await portal.AccountAsync("employer");
        using var adminClient = await portal.SignedInAsync(adminEmail);

        var page = await adminClient.GetStringAsync("staff/" + applicant.UserId);
        var changed = await portal.WithStaffAsync(s => s.ChangeAsync(admin, applicant.UserId, new StaffEdit("X", "administrator", [])));
        using var deactivated = await StaffPortal.PostFormAsync(adminClient, "staff/" + applicant.UserId, "staff-deactivate");

        Assert.DoesNotContain("staff-edit", page, StringComparison.Ordinal);
        Assert.Equal("Staff.ApplicantNotEditable", Assert.Single(changed.Errors).Key);
        Assert.Equal(("employer", DateTimeOffset.MaxValue), ((await portal.ReadAsync(applicant.UserId)).Account!.Role, (await portal.ReadAsync(applicant.UserId)).Account!.LockoutEnd!.Value));
    }
}
