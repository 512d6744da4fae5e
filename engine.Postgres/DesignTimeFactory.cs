using EmploymentProcedures.Engine.Storage;
using Microsoft.EntityFrameworkCore.Design;

namespace EmploymentProcedures.Engine.Postgres;

/// <summary>
/// Lets <c>dotnet ef migrations add &lt;Name&gt; --project engine.Postgres</c> build the PostgreSQL model without a host
/// (adding a migration never connects).
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ProceduresDb>
{
    public ProceduresDb CreateDbContext(string[] args) => new(PostgresStorage.Options("Host=localhost;Database=design-time"));
}
