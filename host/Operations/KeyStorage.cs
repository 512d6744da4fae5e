using System.Xml.Linq;
using EmploymentProcedures.Host.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
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
        return storage.KeysInDatabase ? builder.PersistKeysToDbContext<AccountsDb>() : builder.PersistKeysToFileSystem(new DirectoryInfo(Folder(dataPath)));
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
