using System.Net.Sockets;
using EmploymentProcedures.Engine.Postgres;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Accounts;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentProcedures.Host.Storage;

/// <summary>
/// Where the portal keeps its data, from the configuration section <c>Storage</c>: <c>Provider</c> is <c>sqlite</c> (the
/// default: one file in the data folder, nothing to install) or <c>postgres</c>, for several instances over one
/// database, with <c>Postgres</c> its Npgsql connection string. Both the engine's tables and the accounts' live in that
/// one database, each with its own migrations history table.
/// </summary>
public sealed record StorageChoice(string Provider, string DatabaseFile, string? PostgresConnection)
{
    public const string Section = "Storage";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public bool IsPostgres => Provider == Postgres;

    /// <summary>Reads the choice; a value the portal cannot use stops it with <see cref="PortalStartException"/>, saying which setting and what to write.</summary>
    public static StorageChoice Read(IConfiguration configuration, string dataPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var provider = (section["Provider"] ?? Sqlite).Trim().ToLowerInvariant();
        var file = Path.Combine(dataPath, SqliteStorage.DefaultFileName);
        switch (provider)
        {
            case "" or Sqlite:
                return new StorageChoice(Sqlite, file, null);
            case Postgres:
                var connection = section["Postgres"];
                if (string.IsNullOrWhiteSpace(connection))
                    throw new PortalStartException("Storage:Provider is 'postgres' but Storage:Postgres is empty: give the Npgsql connection string, e.g. Storage__Postgres=\"Host=db;Database=procedures;Username=portal;Password=...\".");
                try
                {
                    _ = new NpgsqlConnectionStringBuilder(connection);
                }
                catch (ArgumentException e)
                {
                    throw new PortalStartException($"Storage:Postgres is not a valid Npgsql connection string: {e.Message}");
                }
                return new StorageChoice(Postgres, file, connection);
            default:
                throw new PortalStartException($"Storage:Provider is '{section["Provider"]}': it must be 'sqlite' (the default) or 'postgres'.");
        }
    }

    /// <summary>The engine's context factory over the chosen database, its schema as it is.</summary>
    public IDbContextFactory<ProceduresDb> Procedures() => IsPostgres ? PostgresStorage.Create(PostgresConnection!) : SqliteStorage.Create(DatabaseFile);

    /// <summary>Registers the accounts' context over the chosen database (a context type of its own on PostgreSQL, for its own migrations).</summary>
    public void AddAccounts(IServiceCollection services)
    {
        if (IsPostgres)
            services.AddDbContext<AccountsDb, PostgresAccountsDb>(o => PostgresAccountsDb.UsePostgres(o, PostgresConnection!));
        else
            services.AddDbContext<AccountsDb>(o => AccountsDb.Configure(o, DatabaseFile));
    }

    /// <summary>Brings both contexts' schemas to the latest version; an unreachable PostgreSQL stops the start with one clear line.</summary>
    public async Task MigrateAsync(AccountsDb accounts, IDbContextFactory<ProceduresDb> procedures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        try
        {
            if (IsPostgres)
            {
                await PostgresStorage.MigrateAsync(accounts, cancellationToken).ConfigureAwait(false);
                await PostgresStorage.MigrateAsync(procedures, cancellationToken).ConfigureAwait(false);
                return;
            }
            await accounts.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await accounts.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            await SqliteStorage.MigrateAsync(procedures, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsPostgres && Unreachable(e) is { } why)
        {
            var server = new NpgsqlConnectionStringBuilder(PostgresConnection);
            throw new PortalStartException(
                $"Storage:Postgres: PostgreSQL at {server.Host}:{server.Port}, database '{server.Database}', as '{server.Username}' cannot be used: {why}. " +
                "Start the server, create the role and the database (README, 'Running on PostgreSQL'), or correct the connection string.");
        }
    }

    /// <summary>What about <paramref name="exception"/> says the server cannot be reached or refuses this portal; null for anything else (a bug).</summary>
    private static string? Unreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return $"{postgres.SqlState}: {postgres.MessageText}";
                case SocketException or TimeoutException:
                    return e.Message;
                case NpgsqlException when e.InnerException is null:
                    return e.Message;
            }
        }
        return null;
    }
}
