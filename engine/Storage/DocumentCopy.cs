using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// Moving a portal's documents from files to the database (<c>Storage:Documents=database</c>): each file of
/// <c>&lt;data&gt;/documents</c> the database lacks is checked against its name (its SHA-256) and copied in. Safe while
/// the portal runs and safe to repeat (a content is kept once); the files stay, for the operator to remove once
/// <c>procedures verify-data</c> finds the data whole without them.
/// </summary>
public static class DocumentCopy
{
    public static async Task<DocumentCopyReport> FilesToDatabaseAsync(string dataFolder, IDbContextFactory<ProceduresDb> databases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        ArgumentNullException.ThrowIfNull(databases);
        var documents = Path.Combine(dataFolder, "documents");
        HashSet<string> held;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
            held = (await db.DocumentContents.AsNoTracking().Select(d => d.Hash).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var store = new DatabaseDocumentStore(databases, dataFolder);
        var copied = 0;
        var present = 0;
        var damaged = new List<string>();
        foreach (var hash in FileDocumentStore.HashesIn(documents))
        {
            if (held.Contains(hash))
            {
                present++;
                continue;
            }
            var path = FileDocumentStore.PathIn(documents, hash);
            if (await DataCare.HashOfAsync(path, cancellationToken).ConfigureAwait(false) != hash)
            {
                // A damaged file is reported, never copied: the database would hold it under a name that lies.
                damaged.Add(hash);
                continue;
            }
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await store.KeepAsync(hash, file, cancellationToken).ConfigureAwait(false);
            copied++;
        }
        return new DocumentCopyReport(copied, present, damaged);
    }
}

/// <summary>What <see cref="DocumentCopy.FilesToDatabaseAsync"/> did: files copied, files the database already held, damaged files left out (by hash).</summary>
public sealed record DocumentCopyReport(int Copied, int Present, IReadOnlyList<string> Damaged);
