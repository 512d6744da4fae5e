using EmploymentProcedures.Engine.Postgres;
using EmploymentProcedures.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>The schema and the SQLite settings legal records rely on.</summary>
public sealed class DatabaseTests
{
    [Fact]
    public async Task Model_ChangedWithoutAMigration_FailsHere()
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        await using var db = await store.Databases.CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "the model changed: run 'dotnet ef migrations add <Name> --project engine --output-dir Storage/Migrations' and 'dotnet ef migrations add <Name> --project engine.Postgres --output-dir Migrations'");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public void PostgresModel_ChangedWithoutItsMigration_FailsHereEvenWithoutAServer()
    {
        // Comparing the model with the migrations' snapshot opens no connection: the SQLite-only run catches a forgotten one too.
        using var db = new ProceduresDb(PostgresStorage.Options("Host=localhost;Database=never-opened"));

        Assert.False(db.Database.HasPendingModelChanges(), "the model changed: run 'dotnet ef migrations add <Name> --project engine.Postgres --output-dir Migrations'");
    }

    [SqliteOnlyFact("SQLite's PRAGMAs")]
    public async Task Connection_IsWalWithFullSyncAndForeignKeys()
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        await using var db = await store.Databases.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();

        async Task<string> Pragma(string name)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA " + name;
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
        }

        Assert.Equal("wal", await Pragma("journal_mode"));
        Assert.Equal("2", await Pragma("synchronous"));
        Assert.Equal("1", await Pragma("foreign_keys"));
    }
}
