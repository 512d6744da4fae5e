using Npgsql;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// A database of its own on the PostgreSQL server named by <c>EP_TEST_POSTGRES</c> (a connection string whose role may
/// create databases), for one test; dropped at dispose, whoever is still connected.
/// </summary>
internal sealed class TestPostgres : IAsyncDisposable
{
    public const string Variable = "EP_TEST_POSTGRES";

    private TestPostgres(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The server's connection string, or null when the tests run on SQLite only.</summary>
    public static string? Server { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server : null;

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestPostgres> CreateAsync()
    {
        var name = "ep_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new TestPostgres(name, new NpgsqlConnectionStringBuilder(Server) { Database = name, Timezone = "UTC" }.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
            NpgsqlConnection.ClearPool(connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                // An autovacuum worker (the server's, which this role may not end) is on the database: it leaves within moments.
                await Task.Delay(200 * attempt);
            }
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        // The server's maintenance database: a database is created and dropped from outside it.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
