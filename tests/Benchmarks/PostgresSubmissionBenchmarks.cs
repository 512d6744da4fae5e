using EmploymentProcedures.Engine.Postgres;
using EmploymentProcedures.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// <see cref="SubmissionBenchmarks"/> on PostgreSQL: the same submissions written to a fresh database on the server
/// <c>EP_TEST_POSTGRES</c> names (its role may create databases), dropped at the end. Each transaction takes the writer
/// lock and goes over a local socket, so the figures say what the second provider costs per submission.
/// </summary>
public class PostgresSubmissionBenchmarks : SubmissionBenchmarks
{
    private string _server = null!;
    private string _name = null!;

    protected override async Task<IDbContextFactory<ProceduresDb>> OpenAsync(string folder)
    {
        _server = Environment.GetEnvironmentVariable("EP_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException("set EP_TEST_POSTGRES to a PostgreSQL connection string whose role may create databases");
        _name = "ep_bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{_name}\"");
        return await PostgresStorage.OpenAsync(new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ToString());
    }

    protected override void Drop()
    {
        NpgsqlConnection.ClearAllPools();
        ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)").GetAwaiter().GetResult();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
