using Microsoft.AspNetCore.Builder;

namespace EmploymentProcedures.Host.Tests;

/// <summary>The real portal built over a temporary data folder (never started: its services are used directly).</summary>
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

    public static async Task<TempPortal> PrepareAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "ep-host-tests-" + Guid.NewGuid().ToString("N"));
        var app = Portal.Build(new WebApplicationOptions
        {
            ApplicationName = typeof(Portal).Assembly.GetName().Name,
            ContentRootPath = Path.Combine(Repository.Root, "host"),
            EnvironmentName = "Production",
            Args = [$"--Portal:DataPath={data}", "--Portal:SeedDemoAccounts=false", "--Logging:LogLevel:Default=Warning"],
        });
        await Portal.PrepareAsync(app);
        return new TempPortal(data, app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataPath, recursive: true);
    }
}
