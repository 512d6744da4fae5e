using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EmploymentProcedures.Engine.Postgres;

/// <summary>
/// Gives every text column the "C" collation: compared and sorted by its bytes, as SQLite does (BINARY), whatever
/// locale the database was created with. Keyset cursors (the partners' API's list), unique keys and the inbox's ties
/// then read the same on both providers.
/// </summary>
public sealed class OrdinalText(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public const string Collation = "C";

    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.Customize(modelBuilder, context);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.ClrType == typeof(string)))
            property.SetCollation(Collation);
    }
}
