using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
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

    [Fact]
    public async Task Certificate_KeysInTheDatabase_AreEncryptedAndReadByAnotherInstanceWithTheSameCertificate()
    {
        await MigrateAsync();
        var pfx = Pfx("keys", "s3cret");
        using var first = Instance(new SharedStorage { Keys = SharedStorage.Database, KeysCertificate = pfx, KeysCertificatePassword = "s3cret" }, "web-1");
        using var second = Instance(new SharedStorage { Keys = SharedStorage.Database, KeysCertificate = pfx, KeysCertificatePassword = "s3cret" }, "web-2");

        var cookie = Cookies(first).Protect(Ticket("Amina Alaoui"));

        await using (var db = Accounts())
        {
            var xml = XElement.Parse(Assert.Single(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync())!);
            Assert.Contains(xml.Descendants(), e => e.Name.LocalName == "encryptedSecret");
            Assert.DoesNotContain(xml.Descendants(), e => e.Name.LocalName == "masterKey");
        }
        Assert.Equal("Amina Alaoui", Cookies(second).Unprotect(cookie)?.Principal.Identity?.Name);
        KeyStorage.CheckReadable(second);
    }

    [Fact]
    public async Task Certificate_KeyFilesEncryptedThenRotated_AreReadWithThePreviousCertificate()
    {
        var old = Pfx("old", "one");
        var current = Pfx("new", "two");
        string payload;
        using (var before = Instance(new SharedStorage { KeysCertificate = old, KeysCertificatePassword = "one" }, "web-1"))
        {
            payload = before.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("secret de webhook");
            Assert.Contains("encryptedSecret", File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(_folder, "web-1", "keys")))), StringComparison.Ordinal);
        }

        using var after = Instance(new SharedStorage
        {
            KeysCertificate = current, KeysCertificatePassword = "two", KeysPreviousCertificate = old, KeysPreviousCertificatePassword = "one",
        }, "web-1");

        Assert.Equal("secret de webhook", after.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));
    }

    [Fact]
    public async Task Certificate_KeysWrittenInClearBefore_StayReadableOnceProtected()
    {
        await MigrateAsync();
        string cookie;
        using (var before = Instance(SharedStorage.Database, "web-1"))
            cookie = Cookies(before).Protect(Ticket("Amina Alaoui"));
        var pfx = Pfx("keys", "s3cret");

        using var after = Instance(new SharedStorage { Keys = SharedStorage.Database, KeysCertificate = pfx, KeysCertificatePassword = "s3cret" }, "web-2");

        Assert.Equal("Amina Alaoui", Cookies(after).Unprotect(cookie)?.Principal.Identity?.Name);
        KeyStorage.CheckReadable(after);
    }

    [Fact]
    public async Task Certificate_InstanceWithoutIt_RefusesToStartSayingWhatToSet()
    {
        await MigrateAsync();
        var pfx = Pfx("keys", "s3cret");
        using (var first = Instance(new SharedStorage { Keys = SharedStorage.Database, KeysCertificate = pfx, KeysCertificatePassword = "s3cret" }, "web-1"))
            Cookies(first).Protect(Ticket("Amina Alaoui"));
        using var without = Instance(SharedStorage.Database, "web-2");
        using var other = Instance(new SharedStorage { Keys = SharedStorage.Database, KeysCertificate = Pfx("other", "x"), KeysCertificatePassword = "x" }, "web-3");

        foreach (var instance in new[] { without, other })
        {
            var refused = Assert.Throws<PortalStartException>(() => KeyStorage.CheckReadable(instance));
            Assert.Contains("cannot be decrypted", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Storage:KeysCertificate", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Portal_KeysCertificateSetting_StartsAndEncryptsTheKeysItWrites()
    {
        var pfx = Pfx("keys", "s3cret");
        await using var portal = await TempPortal.PrepareAsync(settings: ["--Storage:Keys=database", "--Storage:KeysCertificate=" + pfx, "--Storage:KeysCertificatePassword=s3cret"]);

        var cookie = Cookies(portal.App.Services).Protect(Ticket("Amina Alaoui"));

        Assert.Equal("Amina Alaoui", Cookies(portal.App.Services).Unprotect(cookie)?.Principal.Identity?.Name);
        await using var scope = portal.App.Services.CreateAsyncScope();
        Assert.All(await scope.ServiceProvider.GetRequiredService<AccountsDb>().DataProtectionKeys.Select(k => k.Xml).ToListAsync(),
            xml => Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal));
    }

    [Fact]
    public void Certificate_BadSettings_RefuseToStartWithTheirMessage()
    {
        var pfx = Pfx("keys", "s3cret");
        var notPfx = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(notPfx, "pas un certificat");
        using var rsa = RSA.Create(2048);
        var publicOnly = Path.Combine(_folder, "public.pfx");
        using (var certificate = new CertificateRequest("CN=public", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1)))
        using (var withoutKey = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)))
            File.WriteAllBytes(publicOnly, withoutKey.Export(X509ContentType.Pfx, "p"));

        Assert.Equal($"Storage:KeysCertificate is '{Path.Combine(_folder, "missing.pfx")}': there is no such file.", Refused(Path.Combine(_folder, "missing.pfx"), "s3cret"));
        Assert.StartsWith($"Storage:KeysCertificate is '{pfx}': it cannot be opened with Storage:KeysCertificatePassword (a wrong or missing password", Refused(pfx, "wrong"), StringComparison.Ordinal);
        Assert.StartsWith($"Storage:KeysCertificate is '{notPfx}': it cannot be opened", Refused(notPfx, null), StringComparison.Ordinal);
        Assert.Equal($"Storage:KeysCertificate is '{publicOnly}': the certificate has no private key, so it could not decrypt the keys it encrypts; export it with its private key.", Refused(publicOnly, "p"));
        Assert.StartsWith("Storage:KeysCertificatePassword is set but Storage:KeysCertificate is not", Refused(null, "s3cret"), StringComparison.Ordinal);
        Assert.StartsWith("Storage:KeysPreviousCertificate is set but Storage:KeysCertificate is not",
            Assert.Throws<PortalStartException>(() => Instance(new SharedStorage { KeysPreviousCertificate = pfx }, "web-1")).Message, StringComparison.Ordinal);

        string Refused(string? path, string? password) =>
            Assert.Throws<PortalStartException>(() => Instance(new SharedStorage { KeysCertificate = path, KeysCertificatePassword = password }, "web-1")).Message;
    }

    /// <summary>A self-signed RSA 2048 certificate with its private key, exported to a PFX under <paramref name="password"/> in the test's folder.</summary>
    private string Pfx(string name, string password)
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=" + name, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    /// <summary>An instance's services as the portal registers them: its own data folder, the shared database file.</summary>
    private ServiceProvider Instance(string keys, string? name = null, string? data = null) => Instance(new SharedStorage { Keys = keys }, name, data);

    private ServiceProvider Instance(SharedStorage storage, string? name = null, string? data = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<AccountsDb>(o => AccountsDb.Configure(o, DatabaseFile));
        services.AddPortalKeys(storage, data ?? Path.Combine(_folder, name!));
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
