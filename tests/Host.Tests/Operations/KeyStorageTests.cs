using System.Security.Claims;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Operations;
using EmploymentProcedures.Host.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Operations;

/// <summary>
/// Storage:Keys: with the keys in the database, a sign-in cookie one instance wrote is read by another on the same
/// database; moving a portal's key files there keeps the people signed in signed in.
/// </summary>
public sealed class KeyStorageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ep-keys-" + Guid.NewGuid().ToString("N"));

    public KeyStorageTests() => Directory.CreateDirectory(_folder);

    private string DatabaseFile => Path.Combine(_folder, "shared.db");

    [Fact]
    public async Task Cookie_KeysInTheDatabase_IsReadByAnotherInstanceSharingIt()
    {
        await MigrateAsync();
        using var first = Instance(SharedStorage.Database, "web-1");
        using var second = Instance(SharedStorage.Database, "web-2");

        var cookie = Cookies(first).Protect(Ticket("Amina Alaoui"));

        Assert.Equal("Amina Alaoui", Cookies(second).Unprotect(cookie)?.Principal.Identity?.Name);
        Assert.Empty(Directory.EnumerateFiles(_folder, "*.xml", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Cookie_KeysAsFilesInEachDataFolder_IsNotReadByAnotherInstance()
    {
        await MigrateAsync();
        using var first = Instance(SharedStorage.Files, "web-1");
        using var second = Instance(SharedStorage.Files, "web-2");

        var cookie = Cookies(first).Protect(Ticket("Amina Alaoui"));

        Assert.Null(Cookies(second).Unprotect(cookie));
    }

    [Fact]
    public async Task Import_KeyFilesOfAPortalMovingToTheDatabase_KeepsItsCookiesReadableOnceEach()
    {
        await MigrateAsync();
        string cookie;
        using (var before = Instance(SharedStorage.Files, "web-1"))
            cookie = Cookies(before).Protect(Ticket("Amina Alaoui"));

        await using (var db = Accounts())
        {
            Assert.Equal(1, await KeyStorage.ImportFilesAsync(db, Path.Combine(_folder, "web-1")));
            Assert.Equal(0, await KeyStorage.ImportFilesAsync(db, Path.Combine(_folder, "web-1")));
        }

        using var other = Instance(SharedStorage.Database, "web-2");
        Assert.Equal("Amina Alaoui", Cookies(other).Unprotect(cookie)?.Principal.Identity?.Name);
    }

    [Fact]
    public async Task Portal_StartedWithKeysInTheDatabaseOverKeyFiles_ImportsThemAndReadsItsEarlierCookies()
    {
        string? cookie = null;
        await using var portal = await TempPortal.PrepareOverAsync(data =>
        {
            using var before = Instance(SharedStorage.Files, data: data);
            cookie = Cookies(before).Protect(Ticket("Amina Alaoui"));
            return Task.CompletedTask;
        }, settings: "--Storage:Keys=database");

        Assert.Equal("Amina Alaoui", Cookies(portal.App.Services).Unprotect(cookie)?.Principal.Identity?.Name);
        await using var scope = portal.App.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AccountsDb>().DataProtectionKeys.CountAsync());
    }

    [Fact]
    public async Task Portal_UnknownKeysSetting_RefusesToStartNamingTheValuesItTakes()
    {
        var refused = await Assert.ThrowsAsync<PortalStartException>(() => TempPortal.PrepareAsync(settings: "--Storage:Keys=redis"));

        Assert.Contains("Storage:Keys is 'redis'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'files'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'database'", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>An instance's services as the portal registers them: its own data folder, the shared database file.</summary>
    private ServiceProvider Instance(string keys, string? name = null, string? data = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<AccountsDb>(o => AccountsDb.Configure(o, DatabaseFile));
        services.AddPortalKeys(new SharedStorage { Keys = keys }, data ?? Path.Combine(_folder, name!));
        return services.BuildServiceProvider();
    }

    /// <summary>The sign-in cookie's format, as Identity's cookie handler protects it.</summary>
    private static TicketDataFormat Cookies(IServiceProvider services) => new(services.GetRequiredService<IDataProtectionProvider>()
        .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", IdentityConstants.ApplicationScheme, "v2"));

    private static AuthenticationTicket Ticket(string name) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], IdentityConstants.ApplicationScheme)), IdentityConstants.ApplicationScheme);

    private AccountsDb Accounts()
    {
        var options = new DbContextOptionsBuilder<AccountsDb>();
        AccountsDb.Configure(options, DatabaseFile);
        return new AccountsDb(options.Options);
    }

    private async Task MigrateAsync()
    {
        await using var db = Accounts();
        await db.Database.MigrateAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temporary folder is left behind, nothing else.
        }
    }
}
