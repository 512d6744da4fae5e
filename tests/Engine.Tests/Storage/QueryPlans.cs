using Microsoft.Data.Sqlite;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>What SQLite will do with a query: the tests that hold a query to its index read its plan.</summary>
internal static class QueryPlans
{
    /// <summary>Runs <c>EXPLAIN QUERY PLAN</c> on EF's SQL, with the parameter values <c>ToQueryString</c> prints as <c>.param set</c> lines.</summary>
    public static async Task<string> ExplainAsync(string databaseFile, string queryString)
    {
        var lines = queryString.Split('\n');
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Split(' ', 2);
            var value = parts[1].Trim();
            command.Parameters.AddWithValue(parts[0], value.StartsWith('\'') ? value[1..^1].Replace("''", "'", StringComparison.Ordinal) : long.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));
        return string.Join(Environment.NewLine, plan);
    }
}
