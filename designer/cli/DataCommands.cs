using EmploymentProcedures.Engine.Postgres;
using EmploymentProcedures.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Cli;

/// <summary>
/// <c>procedures verify-data</c>, <c>procedures backup</c> and <c>procedures documents-to-database</c>: an operator's care
/// of a portal's data folder, while the portal runs (see <see cref="DataCare"/>, <see cref="DocumentCopy"/>). Exit codes: 0 whole, 1 something is damaged or missing, 2 usage or I/O.
/// </summary>
internal static class DataCommands
{
    /// <summary>The database's name in the data folder, as the portal names it.</summary>
    public const string DatabaseFileName = SqliteStorage.DefaultFileName;

    public static async Task<int> VerifyAsync(string data, string? database, string? postgres, string? seals, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IReadOnlyList<PublishedSeal>? saved = null;
        if (seals is not null && (saved = SavedSeals(seals, error)) is null)
            return ProceduresCommand.UsageOrIo;
        DataVerification found;
        if (postgres is not null)
        {
            // The server checks its own pages; the audit chain and the files are the portal's.
            found = await DataCare.VerifyAsync(data, PostgresStorage.Create(postgres), saved, cancellationToken).ConfigureAwait(false);
        }
        else if (Database(data, database, error) is { } file)
        {
            found = await DataCare.VerifyAsync(data, file, saved, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            return ProceduresCommand.UsageOrIo;
        }
        Print(found, output, postgres is not null);
        if (found.Unreferenced > 0)
            output.WriteLine($"the portal's sweep deletes the files nothing refers to once they were stored more than {Applications.RecentlyStored.TotalMinutes:N0} minutes ago");
        output.WriteLine(found.Whole ? "the data is whole" : "the data is NOT whole");
        return found.Whole ? ProceduresCommand.Success : ProceduresCommand.Findings;
    }

    public static async Task<int> BackupAsync(string data, string? database, string target, string? postgres, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (postgres is not null)
        {
            error.WriteLine("procedures: backup copies a SQLite file; back a PostgreSQL database up with pg_dump, and the data folder's documents/ and keys/ as files (README, 'Running on PostgreSQL')");
            return ProceduresCommand.UsageOrIo;
        }
        if (Database(data, database, error) is not { } file)
            return ProceduresCommand.UsageOrIo;
        if (Path.GetFullPath(target).StartsWith(Path.GetFullPath(data).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            error.WriteLine($"procedures: the backup cannot go inside the data folder it copies ({target})");
            return ProceduresCommand.UsageOrIo;
        }
        var report = await DataCare.BackupAsync(data, file, target, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"backup: {report.Folder}");
        output.WriteLine($"database: {report.DatabaseBytes:N0} bytes; keys: {report.Keys}");
        output.WriteLine($"documents: {report.DocumentsCopied} copied, {report.DocumentsPresent} already in the backup");
        foreach (var hash in report.DamagedInStore)
            output.WriteLine($"damaged in the store, not copied: {hash}");
        output.WriteLine("the copy:");
        Print(report.Copy, output, onPostgres: false);
        output.WriteLine(report.Whole ? "the backup is whole" : "the backup is NOT whole");
        return report.Whole ? ProceduresCommand.Success : ProceduresCommand.Findings;
    }

    public static async Task<int> DocumentsToDatabaseAsync(string data, string? database, string? postgres, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IDbContextFactory<ProceduresDb> databases;
        string where;
        if (postgres is not null)
        {
            databases = PostgresStorage.Create(postgres);
            where = "the PostgreSQL database";
        }
        else if (Database(data, database, error) is { } file)
        {
            databases = SqliteStorage.Create(file);
            where = $"the database at {file}";
        }
        else
        {
            return ProceduresCommand.UsageOrIo;
        }
        if ((await SqliteStorage.PendingMigrationsAsync(databases, cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            error.WriteLine($"procedures: {where} predates this version: start the portal once (it brings the database up to date), then copy");
            return ProceduresCommand.UsageOrIo;
        }
        var report = await DocumentCopy.FilesToDatabaseAsync(data, databases, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"documents: {report.Copied:N0} copied into the database, {report.Present:N0} already there, {report.Damaged.Count} damaged");
        foreach (var hash in report.Damaged)
            output.WriteLine($"damaged, not copied: {hash}");
        output.WriteLine(report.Damaged.Count == 0
            ? "every document file is in the database: set Storage:Documents=database, restart, then check with verify-data before removing the files"
            : "some files are damaged: restore them from a backup, then copy again");
        return report.Damaged.Count == 0 ? ProceduresCommand.Success : ProceduresCommand.Findings;
    }

    /// <summary>The seals saved earlier from <c>/audit-seals.json</c>; null, having said why on the error output, when the file cannot be read as such.</summary>
    private static IReadOnlyList<PublishedSeal>? SavedSeals(string path, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"procedures: no file of seals at {path}");
            return null;
        }
        try
        {
            using var file = File.OpenRead(path);
            return AuditSealFiles.ReadJson(file);
        }
        catch (FormatException e)
        {
            error.WriteLine($"procedures: {path} is not a file of seals the portal published: {e.Message}");
            return null;
        }
    }

    private static string? Database(string data, string? database, TextWriter error)
    {
        var file = database ?? Path.Combine(data, DatabaseFileName);
        if (File.Exists(file))
            return file;
        error.WriteLine($"procedures: no database at {file}");
        return null;
    }

    private static void Print(DataVerification found, TextWriter output, bool onPostgres)
    {
        output.WriteLine(onPostgres ? "database integrity: PostgreSQL's own (pg_amcheck), not checked here" : $"database integrity: {found.Integrity}");
        if (found.Audit is null)
        {
            output.WriteLine($"audit chain and stored files: not checked, the database predates this version ({found.MigrationsPending} migration(s) to apply); the portal brings it up to date when it starts");
            return;
        }
        output.WriteLine(found.Audit.Intact
            ? $"audit chain: intact, {found.Audit.Entries:N0} entries"
            : $"audit chain: BROKEN at entry {found.Audit.BrokenAt} ({found.Audit.Problem}); the {found.Audit.Entries:N0} entries before it are intact");
        if (found.Seals is { } seals)
        {
            output.WriteLine(seals.Seals == 0
                ? "daily seals: none yet (the portal seals each day after it ends)"
                : seals.Intact
                    ? $"daily seals: {seals.Seals:N0}, the last of {seals.LastDay:yyyy-MM-dd}, each matching the chain"
                    : $"daily seals: {seals.Seals:N0}, {seals.Problems.Count} problem(s)");
            if (seals.Saved is { } saved)
            {
                output.WriteLine(seals.Intact
                    ? $"saved seals: {saved:N0}, the same in the database, and the chain ends at each one's entry with its hash"
                    : $"saved seals: {saved:N0} compared");
            }
            foreach (var problem in seals.Problems)
                output.WriteLine($"seal problem: {problem}");
        }
        output.WriteLine($"stored files: {found.Files:N0} referred to, {found.Missing.Count} missing, {found.Damaged.Count} damaged");
        output.WriteLine($"stored files nothing refers to: {found.Unreferenced:N0} (information, not a fault)");
        foreach (var hash in found.Missing)
            output.WriteLine($"missing: {hash}");
        foreach (var hash in found.Damaged)
            output.WriteLine($"damaged: {hash}");
    }
}
