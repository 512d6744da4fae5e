using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmploymentProcedures.Host.Tests;

/// <summary>
/// The real portal built over a temporary data folder: its services are used directly, or, when it listens,
/// it serves HTTP on Kestrel at <see cref="BaseAddress"/> (127.0.0.1, a free port).
/// </summary>
internal sealed class TempPortal : IAsyncDisposable
{
    private TempPortal(string data, WebApplication app)
    {
        DataPath = data;
        App = app;
    }

    public string DataPath { get; }

    public WebApplication App { get; }

    public string DatabaseFile => Path.Combine(DataPath, PortalOptions.DatabaseFileName);

    /// <summary>Where a listening portal answers; null when it was only built.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <param name="listen">Serve HTTP on Kestrel.</param>
    /// <param name="settings">More command-line settings (<c>--Portal:SignUpsPerAddress=2</c>).</param>
    public static Task<TempPortal> PrepareAsync(bool listen = false, params string[] settings) => PrepareOverAsync(_ => Task.CompletedTask, listen, settings);

    /// <summary>A portal whose logs, from its build on (what the start says included), also go to <paramref name="logs"/>.</summary>
    public static Task<TempPortal> PrepareAsync(bool listen, ILoggerProvider logs, params string[] settings) =>
        PrepareAsync(_ => Task.CompletedTask, listen, logs, settings);

    /// <summary>A portal over a data folder <paramref name="seed"/> filled first (a database of an earlier version).</summary>
    public static Task<TempPortal> PrepareOverAsync(Func<string, Task> seed, bool listen = false, params string[] settings) =>
        PrepareAsync(seed, listen, null, settings);

    private static async Task<TempPortal> PrepareAsync(Func<string, Task> seed, bool listen, ILoggerProvider? logs, string[] settings)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var data = Path.Combine(Path.GetTempPath(), "ep-host-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        await seed(data);
        var app = await BuildOnAsync(data, logs, settings);
        var portal = new TempPortal(data, app);
        if (listen)
        {
            await app.StartAsync();
            portal.BaseAddress = new Uri(app.Urls.Single());
        }
        return portal;
    }

    /// <summary>The portal over <paramref name="data"/>, its database migrated, not started (no background service runs).</summary>
    public static Task<WebApplication> BuildOnAsync(string data, params string[] settings) => BuildOnAsync(data, null, settings);

    private static async Task<WebApplication> BuildOnAsync(string data, ILoggerProvider? logs, string[] settings)
    {
        var app = Portal.Build(new WebApplicationOptions
        {
            ApplicationName = typeof(Portal).Assembly.GetName().Name,
            ContentRootPath = Path.Combine(Repository.Root, "host"),
            EnvironmentName = "Production",
            Args = [$"--Portal:DataPath={data}", "--Portal:SeedDemoAccounts=false", "--Logging:LogLevel:Default=Warning", "--urls=http://127.0.0.1:0",
                // The tests dispatch e-mails and daily summaries themselves (MailDispatcherTests, DailySummariesTests), never in the background.
                "--Mail:DispatchInterval=00:00:00", "--Mail:DigestTime=00:00:00", .. settings],
        });
        if (logs is not null)
            app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        await Portal.PrepareAsync(app);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (BaseAddress is not null)
            await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataPath, recursive: true);
    }
}
