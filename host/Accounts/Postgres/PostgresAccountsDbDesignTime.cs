using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>Lets <c>dotnet ef migrations add ... --context PostgresAccountsDb</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresAccountsDbDesignTime : IDesignTimeDbContextFactory<PostgresAccountsDb>
{
    public PostgresAccountsDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresAccountsDb>();
        PostgresAccountsDb.UsePostgres(options, "Host=localhost;Database=design-time");
        return new PostgresAccountsDb(options.Options);
    }
}
