using EmploymentProcedures.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace EmploymentProcedures.Engine.Postgres;

/// <summary>
/// PostgreSQL, for a portal run by several host instances over one database; the same shape as
/// <see cref="SqliteStorage"/>. Its migrations are this assembly's. Three settings keep the engine's guarantees:
/// <list type="bullet">
/// <item>a short <c>lock_timeout</c>, so a write that waits on another's lock surfaces as the "try again" refusal
/// (<see cref="StorageErrors.IsBusy"/>, code 55P03) within seconds, as SQLite's busy timeout does;</item>
/// <item><see cref="WriterLock"/>: every transaction starts by taking the database's writer lock, as SQLite's
/// <c>BEGIN IMMEDIATE</c> does, so the reference counters and the audit chain's head are read and moved on by one
/// transaction at a time across every instance (under READ COMMITTED two could otherwise read the same head);</item>
/// <item><see cref="OrdinalText"/>: text compares and sorts by its bytes (collation "C"), as in SQLite.</item>
/// </list>
/// </summary>
public static class PostgresStorage
{
    /// <summary>The writer lock's key in <c>pg_advisory_xact_lock</c>: the engine's tables ("EPengine" in ASCII).</summary>
    public const long WriterLockKey = 0x4550656E67696E65;

    /// <summary>The session-level advisory lock an instance holds while it migrates ("EPmigrat").</summary>
    public const long MigrationLockKey = 0x45506D6967726174;

    /// <summary><paramref name="connectionString"/> with the lock timeout set (<see cref="SqliteStorage.DefaultBusyTimeout"/> by default).</summary>
    public static string ConnectionString(string connectionString, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var timeout = (int)Math.Max(1, (busyTimeout ?? SqliteStorage.DefaultBusyTimeout).TotalMilliseconds);
        // Sent at connection start-up: each pooled connection has it, no statement per open.
        builder.Options = $"{builder.Options} -c lock_timeout={timeout}".Trim();
        return builder.ToString();
    }

    /// <summary>Configures <paramref name="builder"/> for PostgreSQL (the host passes this to its context factory).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString, TimeSpan? busyTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .UseNpgsql(ConnectionString(connectionString, busyTimeout), npgsql => npgsql.MigrationsAssembly(typeof(PostgresStorage).Assembly.GetName().Name))
            .ReplaceService<IModelCustomizer, OrdinalText>()
            .AddInterceptors(new WriterLock(WriterLockKey));
    }

    public static DbContextOptions<ProceduresDb> Options(string connectionString, TimeSpan? busyTimeout = null) =>
        ((DbContextOptionsBuilder<ProceduresDb>)Configure(new DbContextOptionsBuilder<ProceduresDb>(), connectionString, busyTimeout)).Options;

    /// <summary>A context factory over the database at <paramref name="connectionString"/>, the schema as it is (see <see cref="MigrateAsync(IDbContextFactory{ProceduresDb}, CancellationToken)"/>).</summary>
    public static IDbContextFactory<ProceduresDb> Create(string connectionString, TimeSpan? busyTimeout = null) =>
        new PooledDbContextFactory<ProceduresDb>(Options(connectionString, busyTimeout));

    /// <summary>Brings the schema to the latest version (EF Core's migrator locks the database while it does, so instances starting together take turns).</summary>
    public static async Task MigrateAsync(IDbContextFactory<ProceduresDb> factory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await MigrateAsync(db, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Migrates <paramref name="db"/>'s schema under a session-level advisory lock, without the writes' lock timeout: an
    /// instance starting while another migrates waits for it, however long its migration takes, then finds nothing left to
    /// apply. EF Core's own lock on PostgreSQL lasts one transaction, and it applies each migration in a transaction of its
    /// own: between two of them another instance could take that lock, read a history missing the migration the first is
    /// about to apply, and apply it too ("relation already exists"). The session's lock spans them all. The lock and the
    /// timeout are the session's, given back once migrated (and by the pool when the connection goes back to it).
    /// </summary>
    public static async Task MigrateAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SET lock_timeout = 0;", cancellationToken).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey});", cancellationToken).ConfigureAwait(false);
            try
            {
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey});", CancellationToken.None).ConfigureAwait(false);
            }
            // Back to the connection string's value for whatever the context does next.
            await db.Database.ExecuteSqlRawAsync("RESET lock_timeout;", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc cref="SqliteStorage.PendingMigrationsAsync"/>
    public static Task<IReadOnlyList<string>> PendingMigrationsAsync(IDbContextFactory<ProceduresDb> factory, CancellationToken cancellationToken = default) =>
        SqliteStorage.PendingMigrationsAsync(factory, cancellationToken);

    /// <inheritdoc cref="SqliteStorage.ProbeAsync"/>
    public static Task ProbeAsync(IDbContextFactory<ProceduresDb> factory, CancellationToken cancellationToken = default) =>
        SqliteStorage.ProbeAsync(factory, cancellationToken);

    /// <summary>A context factory over the database at <paramref name="connectionString"/> with the schema migrated to the latest version.</summary>
    public static async Task<IDbContextFactory<ProceduresDb>> OpenAsync(string connectionString, TimeSpan? busyTimeout = null, CancellationToken cancellationToken = default)
    {
        var factory = Create(connectionString, busyTimeout);
        await MigrateAsync(factory, cancellationToken).ConfigureAwait(false);
        return factory;
    }
}
