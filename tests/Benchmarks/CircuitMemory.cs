using System.Globalization;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host;
using EmploymentProcedures.Host.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// Server memory per live circuit on the applicant's form of a 200-field procedure (<see cref="BenchForm"/>): the real
/// portal in this process (Kestrel on a free port, a temporary data folder, the repository's procedures plus the
/// benchmark one), Debian's Chromium opening <c>circuits</c> tabs, each a circuit on the form of its own draft with
/// every answer filled in. The managed heap is read after a full collection before and after the tabs are open;
/// the difference divided by the number of tabs is the cost of one circuit (its components, render tree, autosave,
/// SignalR connection). Not a BenchmarkDotNet job: it measures memory, once.
/// </summary>
/// <remarks>
/// <code>dotnet run -c Release --project tests/Benchmarks -- circuits [count=20] [sections=10]</code>
/// With 10 sections a page shows 20 fields; with 1 section all 200 are on one page.
/// </remarks>
internal static class CircuitMemory
{
    private const string Password = "une phrase de passe 2026";

    public static async Task<int> RunAsync(int circuits, int sections)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ep-circuits-" + Guid.NewGuid().ToString("N"));
        var procedures = Path.Combine(folder, "procedures");
        Copy(Paths.Procedures, procedures);
        await File.WriteAllTextAsync(Path.Combine(procedures, BenchForm.Id + ".yaml"), BenchForm.Make(sections).Yaml);
        var app = Portal.Build(new WebApplicationOptions
        {
            ApplicationName = typeof(Portal).Assembly.GetName().Name,
            ContentRootPath = Path.Combine(Path.GetDirectoryName(Paths.Procedures)!, "host"),
            EnvironmentName = "Production",
            Args =
            [
                "--urls=http://127.0.0.1:0", $"--Portal:DataPath={Path.Combine(folder, "data")}", $"--Portal:ProceduresPath={procedures}",
                "--Portal:SeedDemoAccounts=false", "--Portal:SweepInterval=00:00:00", "--Logging:LogLevel:Default=Warning",
            ],
        });
        try
        {
            await Portal.PrepareAsync(app);
            await app.StartAsync();
            var drafts = await DraftsAsync(app, circuits + 1, sections);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Urls.Single() });
            var signIn = await context.NewPageAsync();
            await signIn.GotoAsync("/account/sign-in");
            await signIn.Locator("#email").FillAsync(drafts.Email);
            await signIn.Locator("#password").FillAsync(Password);
            await signIn.Locator("form button[type=submit].primary").ClickAsync();
            await signIn.WaitForURLAsync("**/");

            // One circuit first, closed again: the JIT, caches and pools it fills are not the circuits' own cost.
            var warm = await OpenAsync(context, drafts.Ids[^1]);
            await warm.CloseAsync();
            await Task.Delay(2000);
            var before = Heap();

            var pages = new List<IPage>();
            foreach (var id in drafts.Ids.Take(circuits))
                pages.Add(await OpenAsync(context, id));
            var after = Heap();

            var perCircuit = (after - before) / circuits;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{circuits} circuits, {sections} section(s) ({BenchForm.Fields / sections} fields on the page): managed heap {before / 1024.0 / 1024:0.0} MB -> {after / 1024.0 / 1024:0.0} MB, {perCircuit / 1024.0:0} KB per circuit"));
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>An employer account and <paramref name="count"/> drafts of the benchmark procedure with every answer given.</summary>
    private static async Task<(string Email, IReadOnlyList<Guid> Ids)> DraftsAsync(WebApplication app, int count, int sections)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var email = $"bench-{Guid.NewGuid():N}@example.test";
        var account = new Account { UserName = email, Email = email, DisplayName = "Bench SARL", Role = "employer" };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().CreateAsync(account, Password);
        if (!created.Succeeded)
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        var applicant = Actor.Applicant(account.Id, account.DisplayName);
        var applications = app.Services.GetRequiredService<Applications>();
        var answers = BenchForm.Make(sections).Answers;
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var draft = (await applications.StartAsync(BenchForm.Id, applicant)).Application ?? throw new InvalidOperationException("the benchmark procedure did not load");
            await applications.SaveAnswersAsync(draft.Id, applicant, answers);
            ids.Add(draft.Id);
        }
        return (email, ids);
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, Guid id)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/applications/{id}/form?page=s0");
        await page.Locator("[data-autosave][data-live=true] .procedure-form").WaitForAsync();
        return page;
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static void Copy(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
