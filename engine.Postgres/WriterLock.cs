using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmploymentProcedures.Engine.Postgres;

/// <summary>
/// Takes a transaction-scoped advisory lock (<c>pg_advisory_xact_lock</c>) as each transaction starts: PostgreSQL's
/// counterpart of SQLite's <c>BEGIN IMMEDIATE</c>, so write transactions of every instance take turns as they do on one
/// SQLite file. Reads run outside transactions and never wait for it. The lock goes with the commit or the rollback;
/// waiting for it longer than <c>lock_timeout</c> fails with 55P03, the "try again" refusal.
/// </summary>
/// <remarks>
/// The engine's transactions are short by design (letters rendered and rows prepared before the transaction), so one
/// writer at a time costs what it costs on SQLite; what several instances gain is everything else (pages, reading,
/// rendering). The rows' own guards stay: the application's version, the counter's value and the audit head's sequence
/// are still concurrency tokens.
/// </remarks>
public sealed class WriterLock(long key) : DbTransactionInterceptor
{
    private readonly string _sql = string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({key});");

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = result;
        command.CommandText = _sql;
        command.ExecuteNonQuery();
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = result;
        command.CommandText = _sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }
}
