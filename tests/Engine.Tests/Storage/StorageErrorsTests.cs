using System.Data.Common;
using EmploymentProcedures.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// Which failures the services answer with "try again" (<c>busy</c>) rather than let through as errors: the same check
/// for both providers. The PostgreSQL codes are met for real in <see cref="ManyInstancesTests"/>; here each is named.
/// </summary>
public sealed class StorageErrorsTests
{
    [Theory]
    [InlineData("40001")] // serialization failure
    [InlineData("40P01")] // deadlock detected
    [InlineData("55P03")] // lock not available: lock_timeout
    [InlineData("57014")] // statement cancelled by its timeout
    public void IsBusy_PostgresCodeOfAWriteThatMetALock_IsBusy(string state) =>
        Assert.True(StorageErrors.IsBusy(new InvalidOperationException("wrapped", new ServerError(state))));

    [Theory]
    [InlineData("23505")] // unique violation: a bug or a real conflict, never "try again"
    [InlineData("42P01")] // undefined table: a database not migrated
    [InlineData("28P01")] // wrong password
    public void IsBusy_OtherPostgresCodes_AreNotBusy(string state) =>
        Assert.False(StorageErrors.IsBusy(new ServerError(state)));

    [Theory]
    [InlineData(5, true)] // SQLITE_BUSY
    [InlineData(6, true)] // SQLITE_LOCKED
    [InlineData(19, false)] // SQLITE_CONSTRAINT
    public void IsBusy_SqliteCodes_OnlyBusyAndLocked(int code, bool busy) =>
        Assert.Equal(busy, StorageErrors.IsBusy(new SqliteException("sqlite", code)));

    [Fact]
    public void IsBusy_CommandTimeoutUnderTheProvidersException_IsBusy() =>
        Assert.True(StorageErrors.IsBusy(new ServerError(null, new TimeoutException("Timeout during reading attempt"))));

    [Fact]
    public void IsBusy_NothingOrAnUnrelatedError_IsNotBusy()
    {
        Assert.False(StorageErrors.IsBusy(null));
        Assert.False(StorageErrors.IsBusy(new IOException("disk full")));
    }

    /// <summary>A provider's exception as <see cref="DbException"/> shows it: Npgsql's carry the server's SQLSTATE this way.</summary>
    private sealed class ServerError(string? state, Exception? inner = null) : DbException("server error", inner)
    {
        public override string? SqlState => state;
    }
}
