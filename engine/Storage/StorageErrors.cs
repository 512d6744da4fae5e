using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// What a database's failures mean to the services, whichever provider raised them: read by the
/// <c>catch</c> that turns a database too busy to answer now into the "try again" refusal (<c>busy</c>).
/// </summary>
public static class StorageErrors
{
    /// <summary>
    /// PostgreSQL's codes for a write that met another's lock: serialization failure, deadlock detected, lock not
    /// available (<c>lock_timeout</c>, see <c>PostgresStorage</c>) and a statement cancelled by its timeout.
    /// </summary>
    private static readonly string[] BusyStates = ["40001", "40P01", "55P03", "57014"];

    /// <summary>
    /// Whether <paramref name="exception"/> (or what caused it) says the database is busy rather than broken: SQLite's
    /// "database is busy/locked" (codes 5 and 6), one of PostgreSQL's <see cref="BusyStates"/>, or a command timeout.
    /// </summary>
    /// <remarks>
    /// PostgreSQL's codes are read through <see cref="DbException.SqlState"/>, which Npgsql fills: the engine names no
    /// PostgreSQL type, and the host picks the provider.
    /// </remarks>
    public static bool IsBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 or 6 } or TimeoutException)
                return true;
            if (e is DbException { SqlState: { } state } && BusyStates.Contains(state, StringComparer.Ordinal))
                return true;
        }
        return false;
    }
}
