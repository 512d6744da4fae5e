using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// The database the inbox and dashboard benchmarks read: <c>$TMP/ep-inbox-1000000.db</c>, seeded by <see cref="InboxSeeder"/>
/// on first use and reused afterwards (delete it and its <c>.seeded</c> marker to seed again). <c>INBOX_APPLICATIONS</c>
/// picks another size; <c>INBOX_DATABASE</c> names a file seeded beforehand with the <c>seed</c> command.
/// </summary>
internal static class SeededDatabase
{
    public static async Task<(IDbContextFactory<ProceduresDb> Databases, DefinitionStore Definitions)> OpenAsync()
    {
        var size = int.TryParse(Environment.GetEnvironmentVariable("INBOX_APPLICATIONS"), out var n) ? n : 1_000_000;
        var file = Environment.GetEnvironmentVariable("INBOX_DATABASE") ?? Path.Combine(Path.GetTempPath(), $"ep-inbox-{size}.db");
        var ready = file + ".seeded";
        var catalog = ProcedureCatalog.Load(Paths.Procedures);
        if (!File.Exists(ready) && Environment.GetEnvironmentVariable("INBOX_DATABASE") is null)
        {
            File.Delete(file);
            var report = await InboxSeeder.SeedAsync(file, catalog, size, DateOnly.FromDateTime(DateTime.Today));
            await File.WriteAllTextAsync(ready, report.ToString());
        }
        var databases = await SqliteStorage.OpenAsync(file);
        var definitions = new DefinitionStore(databases, catalog.Library);
        // Loads every published definition once, as a running portal has.
        await definitions.PublishedAsync();
        return (databases, definitions);
    }
}
