using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Operations;
using EmploymentProcedures.Host.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EmploymentProcedures.Host.Tests.Storage;

/// <summary>
/// <c>Storage:Provider</c>: a value the portal cannot use stops the start with one sentence; on PostgreSQL (when
/// <c>EP_TEST_POSTGRES</c> names a server whose role may create databases) the portal migrates both contexts, seeds the
/// demo accounts and serves its pages.
/// </summary>
public sealed class StorageChoiceTests
{
    [Theory]
    [InlineData("mysql", null, "Storage:Provider is 'mysql': it must be 'sqlite' (the default) or 'postgres'.")]
    [InlineData("postgres", null, "Storage:Provider is 'postgres' but Storage:Postgres is empty")]
    [InlineData("postgres", "Hots=db", "Storage:Postgres is not a valid Npgsql connection string")]
    public void Build_StorageSettingThePortalCannotUse_StopsWithASentenceNamingIt(string provider, string? connection, string expected)
    {
        var data = Path.Combine(Path.GetTempPath(), "ep-host-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            var refused = Assert.Throws<PortalStartException>(() => Portal.Build(new WebApplicationOptions
            {
                ApplicationName = typeof(Portal).Assembly.GetName().Name,
                ContentRootPath = Path.Combine(Repository.Root, "host"),
                Args = [$"--Portal:DataPath={data}", $"--Storage:Provider={provider}", .. connection is null ? Array.Empty<string>() : [$"--Storage:Postgres={connection}"]],
            }));
            Assert.StartsWith(expected, refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(data))
                Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void PostgresAccounts_ModelChangedWithoutItsMigration_FailsHereEvenWithoutAServer()
    {
        // Comparing the model with the migrations' snapshot opens no connection.
        var options = new DbContextOptionsBuilder<PostgresAccountsDb>();
        PostgresAccountsDb.UsePostgres(options, "Host=localhost;Database=never-opened");
        using var db = new PostgresAccountsDb(options.Options);

        Assert.False(db.Database.HasPendingModelChanges(),
            "the accounts' model changed: run 'dotnet ef migrations add <Name> --project host --context PostgresAccountsDb --output-dir Accounts/Postgres/Migrations'");
    }

    [Fact]
    public async Task Prepare_PostgresServerUnreachable_StopsWithASentenceNamingTheServerAndNotThePassword()
    {
        var data = Path.Combine(Path.GetTempPath(), "ep-host-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Port 1 on this machine: nothing listens there.
            var refused = await Assert.ThrowsAsync<PortalStartException>(() => TempPortal.BuildOnAsync(data,
                "--Storage:Provider=postgres", "--Storage:Postgres=Host=127.0.0.1;Port=1;Database=procedures;Username=portal;Password=s3cret;Timeout=3"));
            Assert.StartsWith("Storage:Postgres: PostgreSQL at 127.0.0.1:1, database 'procedures', as 'portal' cannot be used:", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(data))
                Directory.Delete(data, recursive: true);
        }
    }

    [PostgresFact]
    public async Task Start_OnPostgres_MigratesBothContextsSeedsTheDemoAccountsAndServesPages()
    {
        var server = PostgresFactAttribute.Server!;
        var name = "ep_host_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
            await using (var portal = await TempPortal.PrepareAsync(listen: true, "--Storage:Provider=postgres", $"--Storage:Postgres={connection}", "--Portal:SeedDemoAccounts=true"))
            {
                Assert.False(File.Exists(portal.DatabaseFile), "the SQLite file was created although the portal runs on PostgreSQL");
                await using (var scope = portal.App.Services.CreateAsyncScope())
                {
                    var accounts = scope.ServiceProvider.GetRequiredService<AccountsDb>();
                    Assert.IsType<PostgresAccountsDb>(accounts);
                    Assert.Empty(await accounts.Database.GetPendingMigrationsAsync());
                    Assert.NotNull(await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByEmailAsync("desk-agent@demo.example"));
                    var procedures = scope.ServiceProvider.GetRequiredService<IDbContextFactory<ProceduresDb>>();
                    Assert.Empty(await SqliteStorage.PendingMigrationsAsync(procedures));
                }

                using var http = new HttpClient { BaseAddress = portal.BaseAddress };
                var home = await http.GetAsync(new Uri("/", UriKind.Relative));
                Assert.True(home.IsSuccessStatusCode, home.StatusCode.ToString());
                var ready = await http.GetAsync(new Uri(Health.ReadyPath, UriKind.Relative));
                Assert.True(ready.IsSuccessStatusCode, await ready.Content.ReadAsStringAsync());
            }
            await using var check = new NpgsqlConnection(connection);
            await check.OpenAsync();
            await using var published = new NpgsqlCommand("SELECT COUNT(*) FROM \"Definitions\"", check);
            Assert.True((long)(await published.ExecuteScalarAsync())! >= 50, "the procedures were not published");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    [PostgresFact]
    public async Task AccountsMigration_OnPostgres_OptedOutAccountChoosesNoEmail_TheOthersEachNotification()
    {
        var server = PostgresFactAttribute.Server!;
        var name = "ep_host_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        try
        {
            var options = new DbContextOptionsBuilder<PostgresAccountsDb>();
            PostgresAccountsDb.UsePostgres(options, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
            await using var db = new PostgresAccountsDb(options.Options);
            var migrator = db.GetInfrastructure().GetRequiredService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            await migrator.MigrateAsync("20261201030941_WebhookSecretsEncrypted");
            foreach (var (id, optedOut) in new[] { ("quiet-1", true), ("told-1", false) })
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "AspNetUsers" ("Id", "UserName", "Email", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled",
                        "LockoutEnabled", "AccessFailedCount", "DisplayName", "Role", "Provinces", "PreferredLanguage", "OptedOutOfEmails")
                    VALUES ({id}, {id}, {id + "@example.test"}, TRUE, FALSE, FALSE, TRUE, 0, 'Ancien Agent', 'desk-agent', ARRAY['casablanca'], 'fr', {optedOut})
                    """);
            }

            await migrator.MigrateAsync();

            var choices = await db.Users.AsNoTracking().Where(a => a.Id == "quiet-1" || a.Id == "told-1").OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.Emails, a.DigestFrom }).ToListAsync();
            Assert.Equal(["quiet-1:None:0", "told-1:EachNotification:0"], choices.Select(c => $"{c.Id}:{c.Emails}:{c.DigestFrom}"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
