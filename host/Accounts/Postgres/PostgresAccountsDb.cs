using EmploymentProcedures.Engine.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// The accounts on PostgreSQL: <see cref="AccountsDb"/>'s model under a context type of its own, because EF Core finds a
/// context's migrations by its type and PostgreSQL's (in <c>Accounts/Postgres/Migrations</c>) differ from SQLite's. The
/// services still ask for <see cref="AccountsDb"/>; the host registers this one behind it when <c>Storage:Provider</c> is
/// <c>postgres</c>.
/// </summary>
public sealed class PostgresAccountsDb(DbContextOptions<PostgresAccountsDb> options) : AccountsDb(options)
{
    /// <summary>
    /// The writer lock's key (<see cref="WriterLock"/>), apart from the engine's: transactions on the accounts take turns as
    /// SQLite's <c>BEGIN IMMEDIATE</c> makes them (the last administrator's removal, the given-up e-mails' retry rely on it).
    /// </summary>
    public const long WriterLockKey = 0x4550616363747321;

    /// <summary>Points <paramref name="builder"/> at the database of <paramref name="connectionString"/>, with the same settings as the engine's.</summary>
    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .UseNpgsql(PostgresStorage.ConnectionString(connectionString), npgsql => npgsql.MigrationsHistoryTable(HistoryTable))
            .ReplaceService<IModelCustomizer, OrdinalText>()
            .AddInterceptors(new WriterLock(WriterLockKey));
    }
}
