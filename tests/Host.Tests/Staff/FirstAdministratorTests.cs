using EmploymentProcedures.Host.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Host.Tests.Staff;

/// <summary><c>invite-administrator</c>: the first administrator of a deployment whose demo accounts are off.</summary>
public sealed class FirstAdministratorTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "ep-first-admin-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task InviteAdministrator_OnAFreshDataFolder_MigratesCreatesMailsAndPrintsTheLink_ThenInvitesAgainUntilAPasswordIsChosen()
    {
        var (code, output, _) = await RunAsync("chef@emploi.example", "Fatima Zahra");

        Assert.Equal(0, code);
        var link = output.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.Contains("/account/password?", StringComparison.Ordinal));
        Assert.StartsWith("https://portail.emploi.example/account/password?purpose=invitation&account=", link, StringComparison.Ordinal);
        var mail = Assert.Single(Directory.GetFiles(Path.Combine(_data, "mail"), "*.eml"));
        Assert.Contains(link.Replace("&", "&amp;", StringComparison.Ordinal)[..60], await File.ReadAllTextAsync(mail), StringComparison.Ordinal);
        var (account, changes) = await ReadAsync("chef@emploi.example");
        Assert.Equal(("administrator", "Fatima Zahra", (string?)null), (account.Role, account.DisplayName, account.PasswordHash));
        Assert.Equal((StaffChangeKinds.Invited, StaffChangeKinds.CommandLine), (Assert.Single(changes).Kind, changes[0].ById));

        var (again, _, _) = await RunAsync("chef@emploi.example", "Fatima Zahra");
        Assert.Equal(0, again);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_data, "mail"), "*.eml").Length);
        Assert.Equal([StaffChangeKinds.Invited, StaffChangeKinds.InvitedAgain], (await ReadAsync("chef@emploi.example")).Changes.Select(c => c.Kind));

        await using (var db = Open())
        {
            var row = await db.Users.SingleAsync(a => a.Email == "chef@emploi.example");
            row.PasswordHash = new PasswordHasher<Account>().HashPassword(row, "Un-Mot-De-Passe-2026");
            await db.SaveChangesAsync();
        }
        var (refused, _, error) = await RunAsync("chef@emploi.example", "Fatima Zahra");
        Assert.Equal(1, refused);
        Assert.Contains("Fatima Zahra (chef@emploi.example)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InviteAdministrator_WhileTheMailServerRefuses_KeepsTheInvitationInTheQueue_AndStillPrintsAWorkingLink()
    {
        Directory.CreateDirectory(_data);
        await File.WriteAllTextAsync(Path.Combine(_data, "mail"), "a file where the pickup folder should be");

        var (code, output, _) = await RunAsync("chef@emploi.example", "Fatima Zahra");

        Assert.Equal(0, code);
        Assert.Contains("The invitation to chef@emploi.example (administrator) could not be e-mailed now", output, StringComparison.Ordinal);
        Assert.Contains("the portal sends it again once it runs", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n', StringSplitOptions.TrimEntries), l => l.StartsWith("https://portail.emploi.example/account/password?purpose=invitation&account=", StringComparison.Ordinal));
        await using var db = Open();
        var waiting = await db.AccountMails.SingleAsync();
        var (account, _) = await ReadAsync("chef@emploi.example");
        Assert.Equal((AccountMailKinds.Invitation, account.Id, 1, (string?)null), (waiting.Kind, waiting.AccountId, waiting.Attempts, waiting.DisplayName));
        Assert.NotNull(waiting.LastError);
        Assert.Null(waiting.GivenUpAt);
    }

    [Fact]
    public async Task InviteAdministrator_WithoutItsNameOrEmail_SaysHowAndDoesNothing()
    {
        var (code, _, error) = await RunAsync("chef@emploi.example");

        Assert.Equal(2, code);
        Assert.Contains("usage: invite-administrator <email>", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_data));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
            Directory.Delete(_data, recursive: true);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await FirstAdministrator.RunAsync(
            [.. arguments, $"--Portal:DataPath={_data}", "--Portal:SeedDemoAccounts=false", "--Portal:PublicUrl=https://portail.emploi.example/",
                "--Logging:LogLevel:Default=Warning", "--Mail:DispatchInterval=00:00:00"],
            output, error, settings => new WebApplicationOptions
            {
                ApplicationName = typeof(Portal).Assembly.GetName().Name,
                ContentRootPath = Path.Combine(Repository.Root, "host"),
                EnvironmentName = "Production",
                Args = settings,
            });
        return (code, output.ToString(), error.ToString());
    }

    private AccountsDb Open() => new(AccountsDb.Configure(new DbContextOptionsBuilder<AccountsDb>(), Path.Combine(_data, PortalOptions.DatabaseFileName)).Options as DbContextOptions<AccountsDb>
        ?? throw new InvalidOperationException());

    private async Task<(Account Account, List<StaffChange> Changes)> ReadAsync(string email)
    {
        await using var db = Open();
        var account = await db.Users.AsNoTracking().SingleAsync(a => a.Email == email);
        return (account, await db.StaffChanges.AsNoTracking().Where(c => c.AccountId == account.Id).OrderBy(c => c.Id).ToListAsync());
    }
}
