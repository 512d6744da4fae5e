using System.Net;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;

namespace EmploymentProcedures.Host.Tests.Staff;

/// <summary>Who reaches the staff pages, and what a post does from anyone but an administrator: nothing.</summary>
[Collection(StaffPortalTests.Name)]
public sealed class StaffAccessTests(StaffPortal portal)
{
    [Theory]
    [InlineData("staff")]
    [InlineData("staff/invite")]
    [InlineData("staff/0b9f3c52-7f6e-4a4e-9f7c-3d2b1a0e9c88")]
    public async Task StaffPage_Anonymous_IsSentToSignIn(string path)
    {
        using var client = portal.Anonymous();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("employer")]
    [InlineData("desk-agent", "rabat")]
    [InlineData("labour-directorate")]
    [InlineData("analyst")]
    public async Task StaffPages_AnyoneButAnAdministrator_GetNotFoundAndNoLink(string role, params string[] provinces)
    {
        var (email, _) = await portal.AccountAsync(role, provinces);
        var (colleagueEmail, colleague) = await portal.AccountAsync("desk-agent", "rabat");
        using var client = await portal.SignedInAsync(email);

        foreach (var path in new[] { "staff", "staff/invite", "staff/" + colleague.UserId })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(colleagueEmail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain("href=\"staff\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffActions_PostedByAReviewerWithAValidToken_ChangeNothing()
    {
        var (adminEmail, _) = await portal.AccountAsync("administrator");
        var (agentEmail, _) = await portal.AccountAsync("desk-agent", "rabat");
        var (_, colleague) = await portal.AccountAsync("desk-agent", "rabat");
        using var admin = await portal.SignedInAsync(adminEmail);
        using var intruder = await portal.SignedInAsync(agentEmail);
        // The intruder's own page carries a token valid for their session; the administrator's form shows the fields.
        var token = await intruder.GetStringAsync("/account");
        var path = "staff/" + colleague.UserId;
        Assert.Contains(colleague.Name, await admin.GetStringAsync(path), StringComparison.Ordinal);

        using var edit = await StaffPortal.PostFormAsync(intruder, path, token, "staff-edit", ("name", "Pirate"), ("role", "administrator"));
        using var deactivate = await StaffPortal.PostFormAsync(intruder, path, token, "staff-deactivate");
        using var invite = await StaffPortal.PostFormAsync(intruder, "staff/invite", token, "staff-invite",
            ("email", "pirate@example.test"), ("name", "Pirate"), ("role", "administrator"), ("language", "fr"));

        // The page renders none of its forms for them, so Blazor finds no form to post to (400); the service refuses anyway.
        Assert.All([edit, deactivate, invite], r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound }));
        var (account, changes) = await portal.ReadAsync(colleague.UserId);
        Assert.Equal(("desk-agent", colleague.Name, (DateTimeOffset?)null), (account!.Role, account.DisplayName, account.LockoutEnd));
        Assert.Empty(changes);
        Assert.Null(await portal.FindAccountAsync("pirate@example.test"));
    }

    [Fact]
    public async Task EveryStaffAction_AskedByAnyoneButAnAdministrator_IsRefusedAndChangesNothing()
    {
        var (_, colleague) = await portal.AccountAsync("desk-agent", "rabat");
        var (_, analyst) = await portal.AccountAsync("analyst");
        var (_, reviewer) = await portal.AccountAsync("desk-agent", "rabat");

        foreach (var by in new Actor?[] { analyst, reviewer, null })
        {
            var outcomes = new[]
            {
                await portal.WithStaffAsync(s => s.ChangeAsync(by, colleague.UserId, new StaffEdit("Pirate", "administrator", []))),
                await portal.WithStaffAsync(s => s.DeactivateAsync(by, colleague.UserId)),
                await portal.WithStaffAsync(s => s.ReactivateAsync(by, colleague.UserId)),
                await portal.WithStaffAsync(s => s.InviteAgainAsync(by, colleague.UserId)),
                await portal.WithStaffAsync(s => s.InviteAsync(by, new StaffInvitation("pirate@example.test", "Pirate", "administrator", [], "fr"))),
            };
            Assert.All(outcomes, o => Assert.Same(StaffOutcome.NotAllowed, o));
            Assert.Null(await portal.WithStaffAsync(s => s.FindAsync(by, colleague.UserId)));
        }
        var (account, changes) = await portal.ReadAsync(colleague.UserId);
        Assert.Equal(("desk-agent", (DateTimeOffset?)null), (account!.Role, account.LockoutEnd));
        Assert.Empty(changes);
        Assert.Null(await portal.FindAccountAsync("pirate@example.test"));
    }
}
