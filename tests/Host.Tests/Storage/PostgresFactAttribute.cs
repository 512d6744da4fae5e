namespace EmploymentProcedures.Host.Tests.Storage;

/// <summary>A test that needs the PostgreSQL server <c>EP_TEST_POSTGRES</c> names: skipped, saying so, when it names none.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "EP_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (Server is null)
            Skip = $"{Variable} is not set: no PostgreSQL server to run on";
    }

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server : null;
}
