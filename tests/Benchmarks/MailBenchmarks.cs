using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Notifying;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// The e-mail dispatcher's throughput into the pickup folder: 10,000 notifications (<c>MAILS</c> picks another number),
/// half to applicants (30 accounts in French, Arabic and English, each about their own application) and half to the desk
/// agents of the application's province, claimed in batches, each written in its reader's language (text and HTML), saved
/// as a <c>.eml</c> file and marked sent. Each iteration starts from every notification unsent and an empty folder.
/// </summary>
[MemoryDiagnoser]
// A job of one invocation per iteration (the outbox is unsent again before each): given on the command line with
// --inProcess --invocationCount 1 --unrollFactor 1 (see README), as a separate build may time out on a busy machine.
public class MailBenchmarks
{
    private const int Applicants = 30;
    private static readonly int Notifications = int.TryParse(Environment.GetEnvironmentVariable("MAILS"), out var n) ? n : 10_000;

    private WebApplication _app = null!;
    private string _data = null!;
    private MailDispatcher _dispatcher = null!;

    [Params(50, 500)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _data = Path.Combine(Path.GetTempPath(), "ep-mail-bench-" + Guid.NewGuid().ToString("N"));
        _app = Portal.Build(new WebApplicationOptions
        {
            ApplicationName = typeof(Portal).Assembly.GetName().Name,
            ContentRootPath = Path.Combine(Path.GetDirectoryName(Paths.Procedures)!, "host"),
            EnvironmentName = "Production",
            Args = [$"--Portal:DataPath={_data}", "--Logging:LogLevel:Default=Warning", "--Mail:DispatchInterval=00:00:00"],
        });
        await Portal.PrepareAsync(_app);
        var services = _app.Services;
        var applications = services.GetRequiredService<Applications>();
        var filing = new Filing(applications, services.GetRequiredService<ProcedureCatalog>().Definitions[Filing.Procedure]);
        string[] languages = ["fr", "ar", "en"];
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            for (var i = 0; i < Applicants; i++)
            {
                var email = $"applicant-{i}@bench.example";
                var account = new Account { UserName = email, Email = email, DisplayName = "Demandeur " + i, Role = "employer", PreferredLanguage = languages[i % 3] };
                await users.CreateAsync(account, "Quatre-Saisons-2026");
                await filing.SubmittedAsync(new Actor(account.Id, account.DisplayName, "employer", RoleKind.Applicant, []) { Language = account.PreferredLanguage });
            }
        }
        await SqlAsync("UPDATE Notifications SET Territory = 'casablanca' WHERE Recipient = 'role:desk-agent'");
        // Copies of the submissions' rows (one to the applicant, one to the province's desk agents) up to the number wanted.
        var written = Convert.ToInt32(await ScalarAsync("SELECT COUNT(*) FROM Notifications"), System.Globalization.CultureInfo.InvariantCulture);
        for (; written < Notifications; written += Applicants * 2)
        {
            await SqlAsync($"INSERT INTO Notifications (ApplicationId, Recipient, Territory, Kind, Step, Status, Comment, CreatedAt, Attempts) "
                + $"SELECT ApplicationId, Recipient, Territory, Kind, Step, Status, Comment, CreatedAt, 0 FROM Notifications ORDER BY Id LIMIT {Math.Min(Applicants * 2, Notifications - written)}");
        }
        var options = services.GetRequiredService<MailOptions>();
        options.BatchSize = BatchSize;
        _dispatcher = services.GetRequiredService<MailDispatcher>();
        Console.WriteLine($"// {await ScalarAsync("SELECT COUNT(*) FROM Notifications")} notifications to send, batches of {BatchSize}");
    }

    [IterationSetup]
    public void Unsend()
    {
        SqlAsync("UPDATE Notifications SET SentAt = NULL, ClaimedBy = NULL, ClaimedUntil = NULL").GetAwaiter().GetResult();
        var folder = Path.Combine(_data, "mail");
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    /// <summary>Every notification sent: the mean divided by the number of notifications is the time per notification.</summary>
    [Benchmark]
    public async Task<int> DispatchAllIntoThePickupFolder()
    {
        var report = await _dispatcher.RunAsync();
        if (report.Sent != Notifications)
            throw new InvalidOperationException($"sent {report.Sent} of {Notifications}: {report}");
        return report.Mails;
    }

    /// <summary>
    /// The same dispatch timed by a stopwatch, <paramref name="runs"/> times per batch size (<c>mail [runs]</c> on the command
    /// line): BenchmarkDotNet's in-process runner gives up on an iteration this long, and a separate build may time out on a
    /// busy machine.
    /// </summary>
    public static async Task<int> MeasureAsync(int runs)
    {
        foreach (var size in new[] { 50, 500 })
        {
            var bench = new MailBenchmarks { BatchSize = size };
            await bench.SetupAsync();
            try
            {
                for (var run = 0; run < runs; run++)
                {
                    bench.Unsend();
                    var started = System.Diagnostics.Stopwatch.StartNew();
                    var mails = await bench.DispatchAllIntoThePickupFolder();
                    var took = started.Elapsed;
                    Console.WriteLine(FormattableString.Invariant(
                        $"batches of {size}: {Notifications:N0} notifications, {mails:N0} e-mails in {took.TotalSeconds:N1} s: {Notifications / took.TotalSeconds:N0} notifications a second"));
                }
            }
            finally
            {
                bench.Cleanup();
            }
        }
        return 0;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private async Task SqlAsync(string sql)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ProceduresDb>>().CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, PortalOptions.DatabaseFileName)}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
