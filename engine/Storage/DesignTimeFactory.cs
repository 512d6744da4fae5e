using Microsoft.EntityFrameworkCore.Design;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a host (it never opens this file).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ProceduresDb>
{
    public ProceduresDb CreateDbContext(string[] args) => new(SqliteStorage.Options("design-time.db"));
}
