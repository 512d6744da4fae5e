using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Staff;

/// <summary>The portal never loses its last active administrator, over a portal of its own (it counts them all).</summary>
public sealed class LastAdministratorTests
{
    [Fact]
    public async Task LastActiveAdministrator_CannotBeDeactivatedNorDemoted_UntilAnotherIsActive()
    {
        await using var portal = await TempPortal.PrepareAsync();
        var first = await AddAsync(portal, "first@emploi.example", "Demo-Portail-2026");
        var invited = await AddAsync(portal, "second@emploi.example", password: null);
        var by = new Actor(first.Id, "First", "administrator", RoleKind.Staff, []);

        var deactivated = await WithStaffAsync(portal, s => s.DeactivateAsync(by, first.Id));
        var demoted = await WithStaffAsync(portal, s => s.ChangeAsync(by, first.Id, new StaffEdit("First", "analyst", [])));
        var invitedDeactivated = await WithStaffAsync(portal, s => s.DeactivateAsync(by, invited.Id));

        Assert.Equal("Staff.LastAdministrator", Assert.Single(deactivated.Errors).Key);
        Assert.Equal(("Role", "Staff.LastAdministrator"), (Assert.Single(demoted.Errors).Field, demoted.Errors[0].Key));
        Assert.True(invitedDeactivated.Succeeded);

        var second = await AddAsync(portal, "third@emploi.example", "Demo-Portail-2026");
        Assert.True((await WithStaffAsync(portal, s => s.ChangeAsync(by, first.Id, new StaffEdit("First", "analyst", [])))).Succeeded);
        Assert.Equal("Staff.LastAdministrator", Assert.Single((await WithStaffAsync(portal, s => s.DeactivateAsync(by, second.Id))).Errors).Key);
    }

    private static async Task<StaffOutcome> WithStaffAsync(TempPortal portal, Func<StaffAccounts, Task<StaffOutcome>> act)
    {
        await using var scope = portal.App.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<StaffAccounts>());
    }

    private static async Task<Account> AddAsync(TempPortal portal, string email, string? password)
    {
        await using var scope = portal.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = email, Email = email, DisplayName = email, Role = "administrator" };
        Assert.True((password is null ? await users.CreateAsync(account) : await users.CreateAsync(account, password)).Succeeded);
        return account;
    }
}
