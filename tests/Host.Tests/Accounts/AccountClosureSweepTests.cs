using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>The account sweep finishing closures at the portal's start, whatever else in its round fails.</summary>
public sealed class AccountClosureSweepTests
{
    [Fact]
    public async Task Sweep_AtTheStart_DeletesAClosedAccountsDraft_EvenWhenRemovingUnconfirmedAccountsFails()
    {
        Application? late = null;
        Actor? owner = null;
        await using var portal = await TempPortal.PrepareOverAsync(async data =>
        {
            // The first run closes an account, then a draft is saved for it (a session that had not yet noticed, or a
            // closure a crash interrupted before its drafts went), and an unconfirmed account is past its lifetime
            // while the database refuses to delete accounts. Its services never start.
            await using var first = await TempPortal.BuildOnAsync(data);
            await using (var scope = first.Services.CreateAsyncScope())
            {
                var services = scope.ServiceProvider;
                var users = services.GetRequiredService<UserManager<Account>>();
                var account = new Account { UserName = "closing@example.test", Email = "closing@example.test", DisplayName = "Atlas Textile", Role = "employer", EmailConfirmed = true };
                Assert.True((await users.CreateAsync(account, LivePortal.Password)).Succeeded);
                var waiting = new Account
                {
                    UserName = "never@example.test", Email = "never@example.test", DisplayName = "Jamais confirmé", Role = "employer",
                    SignedUpAt = DateTimeOffset.UtcNow.AddDays(-30),
                };
                Assert.True((await users.CreateAsync(waiting, LivePortal.Password)).Succeeded);
                Assert.Equal(ClosureOutcome.Closed, await services.GetRequiredService<AccountClosure>().CloseAsync(account));
                owner = Actor.Applicant(account.Id, "Atlas Textile");
                // A command that read the account as active just before the closure committed: the engine without the accounts' check.
                var applications = new Applications(services.GetRequiredService<IDbContextFactory<ProceduresDb>>(), services.GetRequiredService<DefinitionStore>(),
                    services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<TimeProvider>());
                late = await new Filing(applications, services.GetRequiredService<ProcedureCatalog>().Definitions[Filing.Procedure]).DraftAsync(owner);
                await services.GetRequiredService<AccountsDb>().Database.ExecuteSqlRawAsync(
                    "CREATE TRIGGER refuse_account_removal BEFORE DELETE ON AspNetUsers BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
            }
            SqliteConnection.ClearAllPools();
        }, listen: true);

        var applications = portal.App.Services.GetRequiredService<Applications>();
        for (var waited = 0; waited < 200 && (await applications.GetAsync(late!.Id, owner!)).Value is not null; waited++)
            await Task.Delay(100);

        Assert.Null((await applications.GetAsync(late!.Id, owner!)).Value);
        await using var check = portal.App.Services.CreateAsyncScope();
        Assert.NotNull(await check.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByEmailAsync("never@example.test"));
    }
}
