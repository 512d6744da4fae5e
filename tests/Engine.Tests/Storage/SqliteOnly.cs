namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// A test of something only SQLite has (its file, its PRAGMAs, its query plans, its triggers' syntax...): skipped, with
/// the reason given, when the storage tests run on PostgreSQL (<see cref="TestPostgres"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string reason)
    {
        if (TestPostgres.Server is not null)
            Skip = "SQLite only: " + reason;
    }
}

/// <inheritdoc cref="SqliteOnlyFactAttribute"/>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SqliteOnlyTheoryAttribute : TheoryAttribute
{
    public SqliteOnlyTheoryAttribute(string reason)
    {
        if (TestPostgres.Server is not null)
            Skip = "SQLite only: " + reason;
    }
}

/// <summary>A test of something only PostgreSQL has: skipped when the storage tests run on SQLite (no <c>EP_TEST_POSTGRES</c>).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute(string reason)
    {
        if (TestPostgres.Server is null)
            Skip = $"PostgreSQL only ({TestPostgres.Variable} is not set): " + reason;
    }
}
