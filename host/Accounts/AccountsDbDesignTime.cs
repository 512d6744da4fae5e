using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>Lets <c>dotnet ef migrations add ... --context AccountsDb</c> build the model without starting the portal.</summary>
internal sealed class AccountsDbDesignTime : IDesignTimeDbContextFactory<AccountsDb>
{
    public AccountsDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AccountsDb>();
        AccountsDb.Configure(options, "design-time.db");
        return new AccountsDb(options.Options);
    }
}
