using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// SQLite, the embedded default: WAL (readers never wait for the writer), <c>synchronous=FULL</c> (a
/// receipt the applicant saw survives a power cut, R2), <c>secure_delete=ON</c> (what is erased or overwritten is
/// zeroed in the file, not left in its free space for a copy to carry), foreign keys on, and a short busy timeout so a
/// locked database surfaces as a "try again" refusal within seconds rather than after the driver's 30 s (R3).
/// Everything SQLite-specific lives here; the model and the services are provider-neutral.
/// </summary>
public static class SqliteStorage
{
    /// <summary>The database's name in a portal's data folder (the portal's and the <c>procedures</c> command's).</summary>
    public const string DefaultFileName = "procedures.db";

    /// <summary>How long a command waits for the database lock before giving up; the default of 5 s.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The connection string for <paramref name="databaseFile"/>.</summary>
    public static string ConnectionString(string databaseFile, TimeSpan? busyTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(databaseFile);
        return new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling((busyTimeout ?? DefaultBusyTimeout).TotalSeconds)),
        }.ToString();
    }

    /// <summary>Configures <paramref name="builder"/> for SQLite (the host passes this to <c>AddPooledDbContextFactory</c>).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string databaseFile, TimeSpan? busyTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .UseSqlite(ConnectionString(databaseFile, busyTimeout))
            .AddInterceptors(ConnectionSettings);
    }

    public static DbContextOptions<ProceduresDb> Options(string databaseFile, TimeSpan? busyTimeout = null) =>
        ((DbContextOptionsBuilder<ProceduresDb>)Configure(new DbContextOptionsBuilder<ProceduresDb>(), databaseFile, busyTimeout)).Options;

    /// <summary>A context factory over <paramref name="databaseFile"/>, the schema as it is (see <see cref="MigrateAsync"/>).</summary>
    public static IDbContextFactory<ProceduresDb> Create(string databaseFile, TimeSpan? busyTimeout = null) =>
        // Pooled contexts: a command creates several, and a pooled one costs about half as much (P6).
        new PooledDbContextFactory<ProceduresDb>(Options(databaseFile, busyTimeout));

    /// <summary>
    /// Brings the schema to the latest version. WAL is a property of the file and is set once here; the
    /// per-connection settings are set on every open.
    /// </summary>
    public static async Task MigrateAsync(IDbContextFactory<ProceduresDb> factory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The migrations the database at <paramref name="factory"/> lacks (empty when its schema is the latest).</summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(IDbContextFactory<ProceduresDb> factory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
    }

    /// <summary>
    /// Reads one row of the published definitions, for a health check: it throws when the database cannot be opened or
    /// has not been migrated, and costs one indexed read otherwise.
    /// </summary>
    public static async Task ProbeAsync(IDbContextFactory<ProceduresDb> factory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Definitions.AsNoTracking().Select(d => d.ProcedureId).Take(1).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A context factory over <paramref name="databaseFile"/> with the schema migrated to the latest version.</summary>
    public static async Task<IDbContextFactory<ProceduresDb>> OpenAsync(string databaseFile, TimeSpan? busyTimeout = null, CancellationToken cancellationToken = default)
    {
        var factory = Create(databaseFile, busyTimeout);
        await MigrateAsync(factory, cancellationToken).ConfigureAwait(false);
        return factory;
    }

    /// <summary>
    /// The per-connection settings (<c>synchronous=FULL</c>, <c>secure_delete=ON</c>), applied each time a pooled connection
    /// is opened; for any context over the same file (the portal's accounts share it).
    /// </summary>
    public static IInterceptor ConnectionSettings { get; } = new Pragmas();

    /// <summary>Per-connection settings, applied each time a pooled connection is opened (foreign keys are set by the connection string).</summary>
    private sealed class Pragmas : DbConnectionInterceptor
    {
        private const string Sql = "PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
