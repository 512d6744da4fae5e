using EmploymentProcedures.Host.Accounts;
using Microsoft.AspNetCore.Identity;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Accounts;

public sealed class AccountsDbTests
{
    private static Task<List<string>> Tables(string databaseFile) => Column(databaseFile, "SELECT name FROM sqlite_master WHERE type = 'table'");

    private static async Task<List<string>> Column(string databaseFile, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(reader.GetString(0));
        return values;
    }

    [Fact]
    public async Task Prepare_FreshDataFolder_MigratesAccountsAndStorageEachWithItsOwnHistoryTable()
    {
        await using var portal = await TempPortal.PrepareAsync();

        var tables = await Tables(portal.DatabaseFile);
        Assert.Contains("AspNetUsers", tables);
        Assert.Contains(AccountsDb.HistoryTable, tables);
        // The engine's storage shares the file and keeps EF's default history table: neither writes to the other's.
        Assert.Contains("Applications", tables);
        Assert.Contains("__EFMigrationsHistory", tables);
        var accounts = await Column(portal.DatabaseFile, $"SELECT MigrationId FROM {AccountsDb.HistoryTable}");
        var storage = await Column(portal.DatabaseFile, "SELECT MigrationId FROM __EFMigrationsHistory");
        Assert.NotEmpty(accounts);
        Assert.NotEmpty(storage);
        Assert.Empty(accounts.Intersect(storage));
    }

    [Fact]
    public async Task Prepare_PublishesEveryLoadedDefinitionOnce()
    {
        await using var portal = await TempPortal.PrepareAsync();
        await Portal.PrepareAsync(portal.App);

        var published = await Column(portal.DatabaseFile, "SELECT ProcedureId || ':' || Version FROM Definitions");
        var catalog = portal.App.Services.GetRequiredService<EmploymentProcedures.Engine.Loading.ProcedureCatalog>();
        Assert.Equal(catalog.Definitions.Keys.Select(id => id + ":1").Order(StringComparer.Ordinal), published.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Prepare_SecondStartOnTheSameFile_KeepsAccounts()
    {
        await using var portal = await TempPortal.PrepareAsync();
        await using (var scope = portal.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var created = await users.CreateAsync(new Account { UserName = "a@example.test", Email = "a@example.test", DisplayName = "A", Role = "worker", Provinces = ["rabat"] }, "un deux trois 123");
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Code)));
        }

        await Portal.PrepareAsync(portal.App);

        await using var again = portal.App.Services.CreateAsyncScope();
        var account = await again.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByEmailAsync("a@example.test");
        Assert.NotNull(account);
        Assert.Equal(["rabat"], account.Provinces);
        Assert.Equal("fr", account.PreferredLanguage);
    }

    [Fact]
    public async Task Migration_AccountOpenedBeforeAddressesWereConfirmed_IsConfirmed_AndSignsIn()
    {
        const string email = "ancien@example.test";
        await using var portal = await TempPortal.PrepareOverAsync(async data =>
        {
            var options = AccountsDb.Configure(new DbContextOptionsBuilder<AccountsDb>(), Path.Combine(data, PortalOptions.DatabaseFileName));
            await using var db = new AccountsDb((DbContextOptions<AccountsDb>)options.Options);
            await db.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync("20261130083340_StaffChanges");
            var hash = new PasswordHasher<Account>().HashPassword(new Account(), LivePortal.Password);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp,
                    ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, DisplayName, Role, Provinces,
                    PreferredLanguage, OptedOutOfEmails)
                VALUES ('old-1', {email}, {email.ToUpperInvariant()}, {email}, {email.ToUpperInvariant()}, 0, {hash}, 'STAMP', 'C', 0, 0, 1, 0,
                    'Ancien Compte', 'employer', '[]', 'fr', 0)
                """);
            SqliteConnection.ClearAllPools();
        }, listen: true);

        var account = await Column(portal.DatabaseFile, "SELECT EmailConfirmed || ':' || IFNULL(SignedUpAt, 'none') FROM AspNetUsers WHERE Id = 'old-1'");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };
        using var signIn = await LivePortal.PostSignInAsync(client, email, LivePortal.Password);

        Assert.Equal(["1:none"], account);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Migration_AccountsOfThePreviousVersion_OptedOutChoosesNoEmail_TheOthersEachNotification()
    {
        await using var portal = await TempPortal.PrepareOverAsync(async data =>
        {
            var options = AccountsDb.Configure(new DbContextOptionsBuilder<AccountsDb>(), Path.Combine(data, PortalOptions.DatabaseFileName));
            await using var db = new AccountsDb((DbContextOptions<AccountsDb>)options.Options);
            await db.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync("20261201030743_WebhookSecretsEncrypted");
            foreach (var (id, optedOut) in new[] { ("quiet-1", 1), ("told-1", 0) })
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, SecurityStamp,
                        ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, DisplayName, Role, Provinces,
                        PreferredLanguage, OptedOutOfEmails)
                    VALUES ({id}, {id + "@example.test"}, {id.ToUpperInvariant() + "@EXAMPLE.TEST"}, {id + "@example.test"}, {id.ToUpperInvariant() + "@EXAMPLE.TEST"},
                        1, 'STAMP', 'C', 0, 0, 1, 0, 'Ancien Agent', 'desk-agent', '["casablanca"]', 'fr', {optedOut})
                    """);
            }
            SqliteConnection.ClearAllPools();
        });

        var choices = await Column(portal.DatabaseFile, "SELECT Id || ':' || Emails || ':' || DigestFrom FROM AspNetUsers WHERE Id IN ('quiet-1', 'told-1') ORDER BY Id");

        Assert.Equal(["quiet-1:None:0", "told-1:EachNotification:0"], choices);
        await using var scope = portal.App.Services.CreateAsyncScope();
        var quiet = await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByIdAsync("quiet-1");
        Assert.Equal(EmailChoice.None, quiet!.Emails);
    }

    [Theory]
    [InlineData("court 12", "PasswordTooShort")]
    [InlineData("aaaaaaaaaaaa1", "PasswordRequiresUniqueChars")]
    [InlineData("sans aucun chiffre", "PasswordRequiresDigit")]
    [InlineData("1234567890123", "PasswordRequiresLetter")]
    [InlineData("karima 2026 secret", "PasswordContainsPersonalData")]
    public async Task Create_WeakPassword_IsRefusedWithItsRule(string password, string code)
    {
        await using var portal = await TempPortal.PrepareAsync();
        await using var scope = portal.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();

        var result = await users.CreateAsync(new Account { UserName = "karima@example.test", Email = "karima@example.test", DisplayName = "Karima", Role = "employer" }, password);

        Assert.Contains(result.Errors, e => e.Code == code);
    }

    [Theory]
    [InlineData("quatre chevaux 2026")]
    [InlineData("كلمة مرور طويلة 2026")]
    public async Task Create_PassphraseInAnyScript_IsAccepted(string password)
    {
        await using var portal = await TempPortal.PrepareAsync();
        await using var scope = portal.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();

        var result = await users.CreateAsync(new Account { UserName = "b@example.test", Email = "b@example.test", DisplayName = "B", Role = "union" }, password);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
