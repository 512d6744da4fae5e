using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// Looking after a portal's data folder (the SQLite database, the document store, the data-protection keys) while the
/// portal runs: <see cref="VerifyAsync(string, string, IReadOnlyList{PublishedSeal}, CancellationToken)"/> says whether everything is whole, <see cref="BackupAsync"/> copies it to
/// another place and checks the copy. Neither stops the portal or changes its data.
/// </summary>
/// <remarks>
/// The database is copied with SQLite's online backup (a consistent snapshot, the write-ahead log included, taken while
/// applications keep being submitted). Documents are content-addressed and never change once written, so a target
/// folder keeps one <c>documents/</c> tree for all its backups and each backup copies only the files it lacks, each
/// checked against its name (its SHA-256) before it is put in place: a damaged file is reported, never copied.
/// </remarks>
public static class DataCare
{
    private const int BufferSize = 64 * 1024;

    /// <summary>
    /// Checks the database (SQLite's <c>integrity_check</c>), the audit chain, and that every file the database
    /// refers to (documents, message attachments, letters kept as files) is in the store with the content its name says;
    /// counts the store's files nothing refers to (information: the portal's sweep deletes them, see
    /// <see cref="Applications.DeleteUnreferencedFilesAsync"/>).
    /// Of a database whose schema is older than this version (a backup taken before an upgrade), only SQLite's check is
    /// made: the portal migrates it when it starts. The daily seals are checked against the chain (<see cref="AuditSeals.VerifyAsync"/>),
    /// and against <paramref name="savedSeals"/>, a copy kept outside, when given.
    /// </summary>
    public static async Task<DataVerification> VerifyAsync(
        string dataFolder, string databaseFile, IReadOnlyList<PublishedSeal>? savedSeals = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        ArgumentNullException.ThrowIfNull(databaseFile);
        if (!File.Exists(databaseFile))
            throw new FileNotFoundException($"no database at {databaseFile}", databaseFile);
        var integrity = await IntegrityAsync(databaseFile, cancellationToken).ConfigureAwait(false);
        return await VerifyAsync(dataFolder, SqliteStorage.Create(databaseFile), integrity, savedSeals, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The same checks over a database of any provider (PostgreSQL's): the audit chain and the files. The database's own
    /// integrity is the server's business (PostgreSQL checks its pages; <c>pg_amcheck</c>), so it is reported "ok".
    /// </summary>
    public static Task<DataVerification> VerifyAsync(string dataFolder, IDbContextFactory<ProceduresDb> databases, IReadOnlyList<PublishedSeal>? savedSeals = null, CancellationToken cancellationToken = default) =>
        VerifyAsync(dataFolder, databases, "ok", savedSeals, cancellationToken);

    private static async Task<DataVerification> VerifyAsync(
        string dataFolder, IDbContextFactory<ProceduresDb> databases, string integrity, IReadOnlyList<PublishedSeal>? savedSeals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        ArgumentNullException.ThrowIfNull(databases);
        var pending = await SqliteStorage.PendingMigrationsAsync(databases, cancellationToken).ConfigureAwait(false);
        if (pending.Count > 0)
            return new DataVerification(integrity, null, 0, [], []) { MigrationsPending = pending.Count };
        var audit = await new AuditLog(databases).VerifyAsync(cancellationToken).ConfigureAwait(false);
        // Verifying reads no clock: the seals' day only matters to sealing.
        var seals = await new AuditSeals(databases, TimeProvider.System).VerifyAsync(savedSeals, cancellationToken).ConfigureAwait(false);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var hashes = await db.Documents.AsNoTracking().Select(d => d.Hash)
            .Concat(db.MessageAttachments.AsNoTracking().Select(a => a.Hash))
            .Concat(db.Letters.AsNoTracking().Where(l => l.Content == null && l.ErasedAt == null).Select(l => l.Hash))
            .Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var documents = Path.Combine(dataFolder, "documents");
        // Either store may hold a content (Storage:Documents, or files not yet copied into the database): both are looked at.
        var inDatabase = (await db.DocumentContents.AsNoTracking().Select(d => d.Hash).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        var damaged = new List<string>();
        foreach (var hash in hashes.Order(StringComparer.Ordinal))
        {
            var path = FileDocumentStore.PathIn(documents, hash);
            string? found = null;
            if (File.Exists(path))
            {
                found = await HashOfAsync(path, cancellationToken).ConfigureAwait(false);
            }
            else if (inDatabase.Contains(hash) && DatabaseDocumentStore.OpenIn(databases, hash) is { } content)
            {
                await using (content)
                    found = await HashOfAsync(content, cancellationToken).ConfigureAwait(false);
            }
            if (found is null)
                missing.Add(hash);
            else if (found != hash)
                damaged.Add(hash);
        }
        var referred = hashes.ToHashSet(StringComparer.Ordinal);
        var unreferenced = FileDocumentStore.HashesIn(documents).Concat(inDatabase).Distinct(StringComparer.Ordinal).Count(hash => !referred.Contains(hash));
        return new DataVerification(integrity, audit, hashes.Count, missing, damaged) { Unreferenced = unreferenced, Seals = seals };
    }

    /// <summary>
    /// Copies the data folder into <paramref name="target"/>: the database to <c>&lt;target&gt;/&lt;yyyyMMdd-HHmmss&gt;/</c>
    /// (with the keys), the documents into the shared <c>&lt;target&gt;/documents/</c>; then checks the copy of the
    /// database as <see cref="VerifyAsync(string, string, IReadOnlyList{PublishedSeal}, CancellationToken)"/> does.
    /// </summary>
    public static async Task<BackupReport> BackupAsync(string dataFolder, string databaseFile, string target, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        ArgumentNullException.ThrowIfNull(databaseFile);
        ArgumentNullException.ThrowIfNull(target);
        if (!File.Exists(databaseFile))
            throw new FileNotFoundException($"no database at {databaseFile}", databaseFile);
        var folder = Path.Combine(target, now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        if (Directory.Exists(folder))
            throw new IOException($"{folder} already exists");
        Directory.CreateDirectory(folder);

        var copy = Path.Combine(folder, Path.GetFileName(databaseFile));
        await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
        {
            await source.OpenAsync(cancellationToken).ConfigureAwait(false);
            await destination.OpenAsync(cancellationToken).ConfigureAwait(false);
            // The copy's read of the portal's file may meet a checkpoint or a writer's brief lock: SQLite waits for it
            // (its busy handler, which the backup's steps call) rather than failing at once with "database is locked".
            await using (var wait = source.CreateCommand())
            {
                wait.CommandText = $"PRAGMA busy_timeout={(int)SqliteStorage.DefaultBusyTimeout.TotalMilliseconds};";
                await wait.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            source.BackupDatabase(destination);
            // A backup is one self-contained file, without a write-ahead log beside it.
            await using var journal = destination.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            await journal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var keys = Path.Combine(dataFolder, "keys");
        var keysCopied = 0;
        if (Directory.Exists(keys))
        {
            Directory.CreateDirectory(Path.Combine(folder, "keys"));
            foreach (var key in Directory.EnumerateFiles(keys))
            {
                File.Copy(key, Path.Combine(folder, "keys", Path.GetFileName(key)));
                keysCopied++;
            }
        }

        var (copied, present, damaged) = await CopyDocumentsAsync(Path.Combine(dataFolder, "documents"), Path.Combine(target, "documents"), cancellationToken).ConfigureAwait(false);
        var verification = await VerifyAsync(target, copy, null, cancellationToken).ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
        return new BackupReport(folder, new FileInfo(copy).Length, keysCopied, copied, present, damaged, verification);
    }

    /// <summary>Copies the store's files <paramref name="to"/> lacks, each checked against its name; gives what was copied, already there, and damaged.</summary>
    private static async Task<(int Copied, int Present, IReadOnlyList<string> Damaged)> CopyDocumentsAsync(string from, string to, CancellationToken cancellationToken)
    {
        var (copied, present, damaged) = (0, 0, new List<string>());
        // Uploads still arriving (documents/incoming/*.part) are not part of the store yet.
        foreach (var hash in FileDocumentStore.HashesIn(from))
        {
            var file = FileDocumentStore.PathIn(from, hash);
            var destination = FileDocumentStore.PathIn(to, hash);
            if (File.Exists(destination))
            {
                present++;
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            var temporary = destination + ".part";
            await using (var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan))
            await using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
                output.Flush(flushToDisk: true);
                if (Convert.ToHexStringLower(sha.GetHashAndReset()) != hash)
                {
                    damaged.Add(hash);
                    continue;
                }
            }
            File.Move(temporary, destination);
            copied++;
        }
        foreach (var leftover in damaged)
            File.Delete(FileDocumentStore.PathIn(to, leftover) + ".part");
        return (copied, present, damaged);
    }

    private static async Task<string> IntegrityAsync(string databaseFile, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            lines.Add(reader.GetString(0));
        return string.Join("; ", lines);
    }

    internal static async Task<string> HashOfAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await HashOfAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> HashOfAsync(Stream content, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken).ConfigureAwait(false));

}

/// <summary>
/// What <see cref="DataCare.VerifyAsync(string, string, IReadOnlyList{PublishedSeal}, CancellationToken)"/> found: SQLite's verdict (<c>ok</c> when whole), the audit chain's, how many
/// stored files the database refers to, and which of them (by hash) are missing or do not hold what their name says.
/// <see cref="Audit"/> is null, and no file is checked, when the schema is older than this version (<see cref="MigrationsPending"/>).
/// </summary>
public sealed record DataVerification(string Integrity, AuditVerification? Audit, int Files, IReadOnlyList<string> Missing, IReadOnlyList<string> Damaged)
{
    /// <summary>How many migrations the database lacks: when some, only SQLite's check was made.</summary>
    public int MigrationsPending { get; init; }

    /// <summary>
    /// How many of the store's files no row refers to: left by a crash after an erasure's commit, by an upload whose row
    /// never committed, or just stored for a row about to commit. Not a fault: the data is whole with them.
    /// </summary>
    public int Unreferenced { get; init; }

    /// <summary>The daily seals checked against the chain (and against a saved copy when one was given); null when not checked.</summary>
    public SealVerification? Seals { get; init; }

    public bool Whole => Integrity == "ok" && (Audit?.Intact ?? true) && (Seals?.Intact ?? true) && Missing.Count == 0 && Damaged.Count == 0;
}

/// <summary>
/// What <see cref="DataCare.BackupAsync"/> did: the backup's folder, the database copy's size, the keys copied, the
/// documents copied and those the target already had, the store's files found damaged (not copied), and the check of the copy.
/// </summary>
public sealed record BackupReport(
    string Folder, long DatabaseBytes, int Keys, int DocumentsCopied, int DocumentsPresent, IReadOnlyList<string> DamagedInStore, DataVerification Copy)
{
    public bool Whole => DamagedInStore.Count == 0 && Copy.Whole;
}
