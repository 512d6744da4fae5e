using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Notifying;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Playwright;
using MimeKit;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// The real portal on Kestrel (127.0.0.1, a free port, a temporary data folder, the repository's
/// procedures) and Debian's Chromium driven by Playwright: started once for the whole collection.
/// Playwright never downloads a browser here: it launches <see cref="ChromiumPath"/>.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "ep-e2e-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";

    public WebApplication App => _app ?? throw new InvalidOperationException("the portal is not started");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser is not started");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}: run `apt-get install -y chromium` (.ci/run does it when it is missing).");

        _app = Portal.Build(new WebApplicationOptions
        {
            ApplicationName = typeof(Portal).Assembly.GetName().Name,
            ContentRootPath = Path.Combine(RepositoryRoot(), "host"),
            EnvironmentName = "Production",
            Args =
            [
                "--urls=http://127.0.0.1:0",
                $"--Portal:DataPath={_data}",
                "--Portal:SeedDemoAccounts=false",
                "--Logging:LogLevel:Default=Warning",
                // No daily summary sent in the background while a test changes an account's e-mail choice.
                "--Mail:DigestTime=00:00:00",
            ],
        });
        await Portal.PrepareAsync(_app);
        await FiguresAYearAgoAsync(Path.Combine(_data, PortalOptions.DatabaseFileName));
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single().TrimEnd('/');

        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
            Directory.Delete(_data, recursive: true);
    }

    /// <summary>The procedure whose public statistics have figures to publish (<see cref="FiguresAYearAgoAsync"/>).</summary>
    public const string ProcedureWithFigures = "night-work-derogation";

    /// <summary>
    /// Figures for <see cref="ProcedureWithFigures"/> in the month twelve months back, the first of the public statistics'
    /// period and outside the dashboard's default one (which ends with the month under way), as the transitions would have
    /// kept them: 40 submitted, 36 decided (30 approved, 6 rejected, 31 in time), 2 withdrawn. Written before the portal
    /// serves anything, so no figure read before them is kept.
    /// </summary>
    private static async Task FiguresAYearAgoAsync(string databaseFile)
    {
        var today = EmploymentProcedures.Engine.Deadlines.MoroccoTime.Today(EmploymentProcedures.Engine.Deadlines.MoroccoTime.Instance);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-12).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO MonthlyFigures (Province, Month, ProcedureId, Submitted, Decided, Approved, Rejected, Withdrawn, DecidedWithDeadline, DecidedInTime)
            VALUES ('*', $month, $procedure, 40, 36, 30, 6, 2, 36, 31), ('casablanca', $month, $procedure, 40, 36, 30, 6, 2, 36, 31);
            INSERT INTO ProcessingTimes (Province, Month, ProcedureId, Calendar, Days, Count)
            SELECT p.Province, $month, $procedure, t.Calendar, t.Days, t.Count
            FROM (SELECT '*' AS Province UNION ALL SELECT 'casablanca') p,
                 (SELECT 'Business' AS Calendar, 6 AS Days, 20 AS Count UNION ALL SELECT 'Business', 12, 16
                  UNION ALL SELECT 'Calendar', 8, 20 UNION ALL SELECT 'Calendar', 17, 16) t;
            """;
        command.Parameters.AddWithValue("$month", month);
        command.Parameters.AddWithValue("$procedure", ProcedureWithFigures);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A fresh browser (no cookies), optionally already in <paramref name="language"/>.</summary>
    public async Task<IPage> NewPageAsync(Language? language = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-US" });
        context.SetDefaultTimeout(30_000);
        if (language is not null)
        {
            await context.AddCookiesAsync(
            [
                new Cookie
                {
                    Name = CookieRequestCultureProvider.DefaultCookieName,
                    Value = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language.Culture)),
                    Url = BaseUrl,
                },
            ]);
        }
        return await context.NewPageAsync();
    }

    /// <summary>Creates an account directly (as an administrator would), with a unique e-mail; a reviewer's with the provinces it covers.</summary>
    public async Task<string> CreateAccountAsync(string role, string password, string language = "fr", string? name = null, IReadOnlyList<string>? provinces = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.test";
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = email, Email = email, DisplayName = name ?? "Test " + role, Role = role, PreferredLanguage = language, Provinces = [.. provinces ?? []] };
        var result = await users.CreateAsync(account, password);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return email;
    }

    /// <summary>Applications of <paramref name="procedure"/> made through the portal's engine service, as its applying pages make them.</summary>
    internal Filing FilingOf(string procedure = Filing.Procedure) =>
        new(App.Services.GetRequiredService<Applications>(), App.Services.GetRequiredService<ProcedureCatalog>().Definitions[procedure]);

    /// <summary>
    /// The newest e-mail to <paramref name="email"/> in the portal's pickup folder about an account (a password, a sign-up),
    /// once the queue has written it, beyond the <paramref name="already"/> it had before (at most 30 s).
    /// </summary>
    public async Task<MimeMessage> MailToAsync(string email, int already = 0)
    {
        var folder = ((PickupFolderDelivery)App.Services.GetRequiredService<IMailDelivery>()).Folder;
        for (var waited = 0; waited < 300; waited++)
        {
            var mails = await MailsToAsync(folder, email);
            if (mails.Count > already)
                return mails[^1];
            await Task.Delay(100);
        }
        throw new TimeoutException("no e-mail to " + email);
    }

    /// <summary>The e-mails to <paramref name="email"/>, in the order they were written.</summary>
    private static async Task<List<MimeMessage>> MailsToAsync(string folder, string email)
    {
        var mails = new List<MimeMessage>();
        if (!Directory.Exists(folder))
            return mails;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("password-*.eml").OrderBy(f => f.LastWriteTimeUtc))
        {
            var message = await MimeMessage.LoadAsync(file.FullName);
            if (message.To.Mailboxes.Any(m => m.Address == email))
                mails.Add(message);
        }
        return mails;
    }

    /// <summary>The account of <paramref name="id"/>, or null when none has it.</summary>
    public async Task<Account?> FindAccountByIdAsync(string id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByIdAsync(id);
    }

    public async Task<Account?> FindAccountAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByEmailAsync(email);
    }

    internal static string RepositoryRoot()
    {
        for (var directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "EmploymentProcedures.sln")))
                return directory;
        }
        throw new InvalidOperationException("EmploymentProcedures.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class PortalTests : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
