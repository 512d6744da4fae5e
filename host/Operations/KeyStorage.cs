using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Host.Operations;

/// <summary>
/// The data-protection keys, which sign and encrypt the sign-in cookies, the antiforgery tokens and the links' tokens:
/// files in <c>&lt;data&gt;/keys</c> (<c>Storage:Keys=files</c>, one instance), or rows of the accounts database
/// (<c>Storage:Keys=database</c>), so that a cookie one instance wrote is read by the others.
/// </summary>
internal static class KeyStorage
{
    /// <summary>The name the keys are protected under: the same for every instance, so they read each other's.</summary>
    public const string ApplicationName = "EmploymentProcedures";

    public static string Folder(string dataPath) => Path.Combine(dataPath, "keys");

    public static IDataProtectionBuilder AddPortalKeys(this IServiceCollection services, SharedStorage storage, string dataPath)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        // Files outside the web root, next to the database, so cookies survive a restart.
        builder = storage.KeysInDatabase ? builder.PersistKeysToDbContext<AccountsDb>() : builder.PersistKeysToFileSystem(new DirectoryInfo(Folder(dataPath)));
        if (Certificate(storage.KeysCertificate, storage.KeysCertificatePassword, "KeysCertificate") is not { } certificate)
        {
            if (storage.KeysPreviousCertificate is { Length: > 0 })
                throw new PortalStartException($"{SharedStorage.Section}:KeysPreviousCertificate is set but {SharedStorage.Section}:KeysCertificate is not: the previous certificate only serves while a new one protects the keys.");
            return builder;
        }
        // New keys are encrypted with the certificate; the keys it (or the previous one) encrypted are decrypted with the
        // certificates given here, not looked up in the machine's certificate store. Keys written in clear before stay readable.
        var previous = Certificate(storage.KeysPreviousCertificate, storage.KeysPreviousCertificatePassword, "KeysPreviousCertificate");
        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(previous is null ? [certificate] : [certificate, previous]);
    }

    /// <summary>
    /// What to say when the keys are rows of the database with no certificate to encrypt them (<c>Storage:Keys=database</c>
    /// without <c>Storage:KeysCertificate</c>): a copy of the database then holds both the keys and what they protect. Null
    /// otherwise. Logged at start and given by <c>/health/ready</c>'s <c>key-ring</c> check.
    /// </summary>
    public static string? InClear(SharedStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return storage.KeysInDatabase && string.IsNullOrWhiteSpace(storage.KeysCertificate)
            ? $"{SharedStorage.Section}:Keys=database without {SharedStorage.Section}:KeysCertificate: the data-protection keys are kept in clear in the database, "
                + "next to the webhook signing secrets they encrypt and able to forge sign-in cookies and links, so a copy of the database opens them all. "
                + $"Give every instance the same PFX with its private key: set {SharedStorage.Section}:KeysCertificate to its path and its password in the "
                + $"environment ({SharedStorage.Section}__KeysCertificatePassword); new keys are then encrypted, those written before stay readable until they expire."
            : null;
    }

    /// <summary>
    /// The certificate of <c>Storage:{setting}</c> with its private key, or null when the setting is empty; a start refused
    /// with the setting and what is wrong (no such file, unreadable, wrong password or not a PFX, no private key) otherwise.
    /// </summary>
    internal static X509Certificate2? Certificate(string? path, string? password, string setting)
    {
        var name = $"{SharedStorage.Section}:{setting}";
        if (string.IsNullOrWhiteSpace(path))
        {
            return string.IsNullOrEmpty(password) ? null
                : throw new PortalStartException($"{name}Password is set but {name} is not: give the path of the certificate's PFX file.");
        }
        if (!File.Exists(path))
            throw new PortalStartException($"{name} is '{path}': there is no such file.");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PortalStartException($"{name} is '{path}': the file cannot be read ({e.Message}).");
        }
        catch (CryptographicException e)
        {
            throw new PortalStartException($"{name} is '{path}': it cannot be opened with {name}Password (a wrong or missing password, or not a PFX file): {e.Message}");
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new PortalStartException($"{name} is '{path}': the certificate has no private key, so it could not decrypt the keys it encrypts; export it with its private key.");
        }
        return certificate;
    }

    /// <summary>
    /// Opens every key still in use (not revoked, not expired), so that a key ring this portal cannot decrypt (encrypted
    /// with a certificate it was not given) stops the start with what to set, instead of refusing every cookie later.
    /// </summary>
    public static void CheckReadable(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var key in services.GetRequiredService<IKeyManager>().GetAllKeys().Where(k => !k.IsRevoked && k.ExpirationDate > now))
        {
            try
            {
                _ = key.Descriptor;
            }
            catch (CryptographicException e)
            {
                throw new PortalStartException($"The data-protection key {key.KeyId} cannot be decrypted ({e.Message}): it was encrypted with a certificate "
                    + $"this portal was not given. Set {SharedStorage.Section}:KeysCertificate (and {SharedStorage.Section}:KeysPreviousCertificate after a rotation) to the certificate that protects the keys.");
            }
        }
    }

    /// <summary>
    /// Copies the key files of <paramref name="dataPath"/> the database does not hold yet into it (when a portal moves to
    /// <c>Storage:Keys=database</c>), so the people signed in stay signed in and the links sent still work. Each key goes
    /// once, by its name (<c>key-&lt;id&gt;</c>, unique in the table), even when two instances import at the same time; the
    /// files stay, for a move back. Gives how many were copied.
    /// </summary>
    public static async Task<int> ImportFilesAsync(AccountsDb db, string dataPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var folder = Folder(dataPath);
        if (!Directory.Exists(folder))
            return 0;
        var imported = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "key-*.xml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (await db.DataProtectionKeys.AnyAsync(k => k.FriendlyName == name, cancellationToken).ConfigureAwait(false))
                continue;
            // Read as XML: a damaged file fails the start here, with its name, rather than the key ring later.
            var xml = XElement.Load(file).ToString(SaveOptions.DisableFormatting);
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = xml });
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                imported++;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                // Another instance imported it meanwhile; any other failure stops the start.
                if (!await db.DataProtectionKeys.AnyAsync(k => k.FriendlyName == name, cancellationToken).ConfigureAwait(false))
                    throw;
            }
        }
        return imported;
    }
}
