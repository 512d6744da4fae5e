using System.Text.Json;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Applying;
using EmploymentProcedures.Host.Operations;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Operations;

/// <summary>The portal's sweep erases what its retention no longer covers and says so to the operators, in counts only.</summary>
public sealed class RetentionSweepTests
{
    private static readonly Actor Employer = new("employer-retention", "Omar Tazi", "employer", RoleKind.Applicant, []);

    [Fact]
    public async Task Round_ClosedLongAgoAndDraftAbandoned_ErasesAnnouncesAndCountsIt()
    {
        await using var portal = await TempPortal.PrepareAsync(listen: true, "--Portal:SweepInterval=00:00:00");
        var services = portal.App.Services;
        var applications = services.GetRequiredService<Applications>();
        var filing = new Filing(applications, services.GetRequiredService<ProcedureCatalog>().Definitions[Filing.Procedure]);
        var old = await filing.RejectedAsync(await filing.SubmittedAsync(Employer), "Règlement non signé");
        var recent = await filing.RejectedAsync(await filing.SubmittedAsync(Employer), "Règlement non signé");
        var open = await filing.SubmittedAsync(Employer);
        var draft = await filing.DraftAsync(Employer);
        // Closed 51 years ago: past any retention a definition may declare (at most 50 years); the draft left 170 days ago.
        await SqlAsync(portal, $"UPDATE Applications SET ClosedAt = '{DateTime.UtcNow.AddYears(-51):yyyy-MM-dd HH:mm:ss}' WHERE Id = '{Key(old.Id)}'");
        await SqlAsync(portal, $"UPDATE Applications SET UpdatedAt = '{DateTime.UtcNow.AddDays(-170):yyyy-MM-dd HH:mm:ss}' WHERE Id = '{Key(draft.Id)}'");

        await ActivatorUtilities.CreateInstance<DeadlineSweep>(services).RoundAsync(CancellationToken.None);

        Assert.NotNull((await applications.GetAsync(old.Id, Employer)).Value!.ErasedAt);
        Assert.Null((await applications.GetAsync(recent.Id, Employer)).Value!.ErasedAt);
        Assert.Null((await applications.GetAsync(open.Id, Employer)).Value!.ErasedAt);
        Assert.Contains(await services.GetRequiredService<Outbox>().ForUserAsync(Employer.UserId), n => n.ApplicationId == draft.Id && n.Kind == StorageEvents.DraftExpiring);
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };
        using var json = JsonDocument.Parse(await client.GetStringAsync(Health.ReadyPath));
        var counts = json.RootElement.GetProperty("counts").GetProperty("deadline-sweep");
        Assert.Equal(1, counts.GetProperty(SweepCheck.ErasedCount).GetInt32());
        Assert.Equal(1, counts.GetProperty(SweepCheck.DraftsAnnouncedCount).GetInt32());
        Assert.False(counts.TryGetProperty(SweepCheck.DraftsDeletedCount, out _));
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("deadline-sweep").GetString());
    }

    [Fact]
    public async Task Round_StoredFileNothingRefersTo_DeletesItAndCountsIt()
    {
        await using var portal = await TempPortal.PrepareAsync(listen: true, "--Portal:SweepInterval=00:00:00");
        var services = portal.App.Services;
        var filing = new Filing(services.GetRequiredService<Applications>(), services.GetRequiredService<ProcedureCatalog>().Definitions[Filing.Procedure]);
        await filing.SubmittedAsync(Employer);
        var documents = Path.Combine(portal.DataPath, "documents");
        var referred = Directory.EnumerateFiles(documents, "*", SearchOption.AllDirectories).Where(f => !f.Contains("incoming", StringComparison.Ordinal)).ToList();
        // A file an erasure freed just before a crash: on disk, no row refers to it, stored an hour ago.
        var orphan = Path.Combine(documents, "ab", "cd", "abcd" + new string('0', 60));
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        await File.WriteAllBytesAsync(orphan, [1, 2, 3]);
        File.SetLastWriteTimeUtc(orphan, DateTime.UtcNow.AddHours(-1));

        var sweep = ActivatorUtilities.CreateInstance<DeadlineSweep>(services);
        await sweep.RoundAsync(CancellationToken.None);

        Assert.False(File.Exists(orphan));
        Assert.All(referred, f => Assert.True(File.Exists(f), f));
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };
        using var json = JsonDocument.Parse(await client.GetStringAsync(Health.ReadyPath));
        var counts = json.RootElement.GetProperty("counts").GetProperty("deadline-sweep");
        Assert.Equal(1, counts.GetProperty(SweepCheck.UnreferencedFilesDeletedCount).GetInt32());
        Assert.False(counts.TryGetProperty(SweepCheck.ErasedCount, out _));
    }

    [Fact]
    public async Task Round_WithinADayOfTheLastStoreSweep_LeavesTheStoreAlone()
    {
        await using var portal = await TempPortal.PrepareAsync(settings: "--Portal:SweepInterval=00:00:00");
        var sweep = ActivatorUtilities.CreateInstance<DeadlineSweep>(portal.App.Services);
        await sweep.RoundAsync(CancellationToken.None);
        // An orphan appearing after the first round: the next rounds of the same day do not list the store again.
        var orphan = Path.Combine(portal.DataPath, "documents", "ab", "cd", "abcd" + new string('1', 60));
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        await File.WriteAllBytesAsync(orphan, [1, 2, 3]);
        File.SetLastWriteTimeUtc(orphan, DateTime.UtcNow.AddHours(-1));

        await sweep.RoundAsync(CancellationToken.None);

        Assert.True(File.Exists(orphan));
    }

    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    private static async Task SqlAsync(TempPortal portal, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={portal.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
