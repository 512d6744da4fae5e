using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// What the header's count costs on every page, and the notifications page, over an outbox of 1,000,000 notifications
/// (<c>NOTIFICATIONS</c> picks another size) on 100,000 applications: a quarter to the applicants (10,000, each owning 10 applications), the rest to the
/// desk agents of 12 provinces and to every desk agent. The agent of Casablanca reads about 160,000 rows; the applicant 100.
/// "Never seen": the marker is absent, so every row of theirs is new (the count stops at Notifications.CountedUpTo); "seen": the marker stands
/// just below the newest rows.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class NotificationBenchmarks
{
    private const int Applications = 100_000;
    private static readonly string[] Provinces =
        ["casablanca", "rabat", "fes", "marrakech", "tanger-assilah", "agadir-ida-outanane", "meknes", "oujda-angad", "kenitra", "tetouan", "sale", "nador"];

    private Notifications _notifications = null!;
    private Actor _agent = null!;
    private Actor _seenAgent = null!;
    private Actor _applicant = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var size = int.TryParse(Environment.GetEnvironmentVariable("NOTIFICATIONS"), out var n) ? n : 1_000_000;
        var file = Path.Combine(Path.GetTempPath(), $"ep-notifications-{size}.db");
        if (!File.Exists(file + ".seeded"))
        {
            File.Delete(file);
            await SeedAsync(file, size);
            await File.WriteAllTextAsync(file + ".seeded", "");
        }
        var databases = await SqliteStorage.OpenAsync(file);
        _notifications = new Notifications(databases);
        _agent = Actor.Reviewer("agent-casablanca", "Agent", "desk-agent", "casablanca");
        _seenAgent = Actor.Reviewer("agent-seen", "Agent", "desk-agent", "casablanca");
        _applicant = Actor.Applicant("applicant-40", "Demandeur");
        await using var db = await databases.CreateDbContextAsync();
        var newest = await db.Database.SqlQueryRaw<long>("SELECT MAX(Id) AS Value FROM Notifications").SingleAsync();
        await _notifications.MarkSeenAsync(_seenAgent, newest - 50);
        Console.WriteLine($"// {size:N0} notifications; the agent of Casablanca reads {(await _notifications.PageAsync(_agent)).Total:N0}");
    }

    [Benchmark]
    public Task<int> UnreadCount_DeskAgentNeverSeen() => _notifications.UnreadCountAsync(_agent);

    [Benchmark]
    public Task<int> UnreadCount_DeskAgentSeen() => _notifications.UnreadCountAsync(_seenAgent);

    [Benchmark]
    public Task<int> UnreadCount_Applicant() => _notifications.UnreadCountAsync(_applicant);

    /// <summary>The page as <c>/notifications</c> reads it: 30 rows merged from the ranges, with the total.</summary>
    [Benchmark]
    public async Task<int> FirstPage_DeskAgent() => (await _notifications.PageAsync(_agent)).Items.Count;

    [Benchmark]
    public async Task<int> FirstPage_Applicant() => (await _notifications.PageAsync(_applicant)).Items.Count;

    /// <summary>Applications (the rows notifications hang on) and notifications, with prepared INSERTs in one transaction.</summary>
    private static async Task SeedAsync(string file, int size)
    {
        await SqliteStorage.OpenAsync(file);
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var ids = new Guid[Applications];
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO Applications (Id, ProcedureId, DefinitionVersion, DefinitionHash, OwnerId, ApplicantName, Language, Status, Reference,
                    Answers, Documents, StepFields, Opinions, Reopened, Pauses, CreatedAt, UpdatedAt, Version)
                VALUES ($id, 'foreign-worker-contract-visa', 1, '', $owner, 'Demandeur', 'fr', 'in_review', $reference, '{}', '[]', '{}', '[]', '[]', '[]', $at, $at, 1)
                """;
            var (id, owner, reference, at) = (insert.Parameters.Add("$id", SqliteType.Text), insert.Parameters.Add("$owner", SqliteType.Text),
                insert.Parameters.Add("$reference", SqliteType.Text), insert.Parameters.Add("$at", SqliteType.Text));
            at.Value = "2026-01-05 09:00:00";
            for (var i = 0; i < Applications; i++)
            {
                ids[i] = Guid.NewGuid();
                id.Value = ids[i].ToString().ToUpperInvariant();
                owner.Value = $"applicant-{i % (Applications / 10)}";
                reference.Value = $"TAE-2026-{i:D6}";
                await insert.ExecuteNonQueryAsync();
            }
        }
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO Notifications (ApplicationId, Recipient, Territory, Kind, Step, Status, CreatedAt)
                VALUES ($application, $recipient, $territory, 'submitted', 'reception', 'in_review', '2026-01-05 09:00:00')
                """;
            var (application, recipient, territory) = (insert.Parameters.Add("$application", SqliteType.Text),
                insert.Parameters.Add("$recipient", SqliteType.Text), insert.Parameters.Add("$territory", SqliteType.Text));
            for (var i = 0; i < size; i++)
            {
                var about = i % Applications;
                application.Value = ids[about].ToString().ToUpperInvariant();
                // One in four to the application's applicant; of the rest, one in seven to every desk agent, else to a province's.
                var toApplicant = i % 4 == 0;
                recipient.Value = toApplicant ? $"applicant-{about % (Applications / 10)}" : "role:desk-agent";
                territory.Value = toApplicant || i % 7 == 0 ? "" : Provinces[i / 4 % Provinces.Length];
                await insert.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
    }
}
