using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Api;
using EmploymentProcedures.Host.Applying;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Components;
using EmploymentProcedures.Host.Components.Designer;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.MyApplications;
using EmploymentProcedures.Host.Notifying;
using EmploymentProcedures.Host.Operations;
using EmploymentProcedures.Host.Reviewing;
using EmploymentProcedures.Host.Sealing;
using EmploymentProcedures.Host.Statistics;
using EmploymentProcedures.Host.Storage;
using EmploymentProcedures.Host.Verification;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host;

/// <summary>
/// The portal's composition: <c>Program.cs</c> and the end-to-end tests build the same application
/// with <see cref="Build"/>, then <see cref="PrepareAsync"/> migrates the database and seeds the demo
/// accounts before the first request.
/// </summary>
public static class Portal
{
    public static WebApplication Build(WebApplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(options);
        // Serves Blazor's script and the host's assets from build output in every environment
        // (`dotnet run` starts in Production); a published app has no manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        var settings = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var proceduresPath = Path.GetFullPath(settings.ProceduresPath, builder.Environment.ContentRootPath);
        var dataPath = Path.GetFullPath(settings.DataPath, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(dataPath);
        var storage = StorageChoice.Read(builder.Configuration, dataPath);
        var databaseFile = storage.DatabaseFile;
        if (settings.StatisticsThreshold < 1)
            throw new InvalidOperationException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Portal:StatisticsThreshold is {settings.StatisticsThreshold}: it must be at least 1 (the default, 10, withholds a public figure drawn from fewer than 10 decisions)."));

        // Storage:Keys and Storage:Documents: in the data folder, or in the database the instances share.
        var shared = SharedStorage.From(builder.Configuration);
        builder.Services.AddSingleton(shared);
        builder.Services.AddSingleton(Options.Create(settings));
        builder.Services.AddSingleton(new PortalPaths(proceduresPath, dataPath, databaseFile));
        builder.Services.AddSingleton(storage);
        // The designer publishes while the portal runs: pages get the snapshot current when their request or circuit began.
        builder.Services.AddSingleton(services => new PublishedCatalog(LoadCatalog(proceduresPath, services.GetRequiredService<ILogger<ProcedureCatalog>>())));
        builder.Services.AddScoped(services => services.GetRequiredService<PublishedCatalog>().Catalog);
        builder.Services.AddScoped(services => services.GetRequiredService<PublishedCatalog>().Index);

        // The engine: one storage over the same database (Storage:Provider), Morocco's clock, the application service.
        builder.Services.AddSingleton<TimeProvider>(MoroccoTime.Instance);
        builder.Services.AddSingleton(_ => storage.Procedures());
        builder.Services.AddSingleton(services => new DefinitionStore(
            services.GetRequiredService<IDbContextFactory<ProceduresDb>>(), services.GetRequiredService<PublishedCatalog>().Catalog.Library, services.GetRequiredService<TimeProvider>()));
        // Every instance follows the versions the others publish from the designer (Portal:CatalogRefresh): no lease, each has its own catalog.
        builder.Services.AddSingleton<CatalogRefresh>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CatalogRefresh>());
        // Storage:Documents: files in the data folder (one instance), or the engine's database (shared by the instances).
        builder.Services.AddSingleton<IDocumentStore>(services => shared.DocumentsInDatabase
            ? new DatabaseDocumentStore(services.GetRequiredService<IDbContextFactory<ProceduresDb>>(), dataPath, services.GetRequiredService<TimeProvider>())
            : new FileDocumentStore(dataPath, services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(services => new Applications(
            services.GetRequiredService<IDbContextFactory<ProceduresDb>>(), services.GetRequiredService<DefinitionStore>(),
            services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<TimeProvider>(), MailSetup.PublicUrl(settings.PublicUrl),
            services.GetRequiredService<IAccountStanding>()));
        // Every command a person sends checks their account is still active at that time (closed or deactivated meanwhile).
        builder.Services.AddSingleton<IAccountStanding, AccountStanding>();
        // Periodic jobs that must run once however many instances share the database take a lease first (Operations/LeasedJob.cs).
        builder.Services.AddSingleton(services => new JobLeases(services.GetRequiredService<IDbContextFactory<ProceduresDb>>(), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<InstanceLeases>();
        builder.Services.AddHostedService<DeadlineSweep>();
        // The audit chain's daily seals, written by one instance and published to anyone (Sealing/).
        builder.Services.AddSingleton(services => new AuditSeals(services.GetRequiredService<IDbContextFactory<ProceduresDb>>(), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<AuditSealJob>();
        builder.Services.AddPortalHealth();
        builder.Services.AddSingleton(services => new Dashboard(
            services.GetRequiredService<IDbContextFactory<ProceduresDb>>(), services.GetRequiredService<DefinitionStore>(), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ChartDrawings>();
        builder.Services.AddSingleton(services => new PublicStatistics(services.GetRequiredService<IDbContextFactory<ProceduresDb>>(), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<PublishedStatistics>();
        builder.Services.AddSingleton(services => new Notifications(services.GetRequiredService<IDbContextFactory<ProceduresDb>>()));
        builder.Services.AddPortalMail(builder.Configuration, settings, dataPath);
        builder.Services.AddPasswords(settings);
        builder.Services.AddSingleton(services => new Drafts(services.GetRequiredService<IDbContextFactory<ProceduresDb>>(), services.GetRequiredService<TimeProvider>()));

        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            // A long text pasted in a field (100,000 characters, 200 KB in Arabic) reaches the form and gets its
            // validation message, instead of closing the connection at SignalR's default 32 KB.
            .AddHubOptions(o => o.MaximumReceiveMessageSize = PortalOptions.MaximumMessageBytes);
        // Arabic text goes out as UTF-8 characters, not as one numeric entity per letter (a third of the size).
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.All.Select(l => l.Culture).ToList();
            o.DefaultRequestCulture = new RequestCulture(Languages.Default.Culture);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // The language is the visitor's choice (cookie, set from the account at sign-in), else French:
            // never the browser's Accept-Language, so every first visit starts in the same language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        builder.Services.AddPortalKeys(shared, dataPath);

        storage.AddAccounts(builder.Services);
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, AccountRevalidation>();
        builder.Services.AddScoped<SignedInActor>();
        builder.Services.AddScoped(services => new StaffAccounts(
            services.GetRequiredService<UserManager<Account>>(), services.GetRequiredService<AccountsDb>(), services.GetRequiredService<ProcedureCatalog>().Library,
            services.GetRequiredService<Applications>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<PasswordMailQueue>()));
        builder.Services.AddScoped<GivenUpMail>();
        builder.Services.AddScoped<GivenUpAccountMail>();
        builder.Services.AddSingleton(services => new AccountThrottle(
            services.GetRequiredService<TimeProvider>(), settings.SignInFailuresPerAddress, settings.SignUpsPerAddress,
            settings.PasswordLinksPerAddress, settings.PasswordLinksPerEmail, settings.VerificationMissesPerAddress));
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/sign-in";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnSigningIn = SignIns.RecordAsync;
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(DesignerAccess.Policy, DesignerAccess.Configure);
        builder.Services.AddPartnerApi(settings);
        builder.Services.AddIdentityCore<Account>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Lockout.MaxFailedAccessAttempts = AccountThrottle.FailuresPerEmail;
                o.Lockout.DefaultLockoutTimeSpan = AccountThrottle.Lockout;
                o.Lockout.AllowedForNewUsers = true;
                PasswordRules.Apply(o.Password);
            })
            .AddEntityFrameworkStores<AccountsDb>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddPasswordValidator<PasswordRules>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddDefaultTokenProviders();

        if (settings.TrustedProxies.Count > 0)
            builder.Services.Configure<ForwardedHeadersOptions>(o => Proxies.Configure(o, settings.TrustedProxies));

        var app = builder.Build();

        // First of all, so that everything after sees the person's address and scheme (Operations/Proxies.cs).
        if (settings.TrustedProxies.Count > 0)
            app.UseForwardedHeaders();

        // Never a stack trace or SQL on a page, in any environment: errors go to the log with a trace id.
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseProblemsUnderApi();
        app.Use(ErrorPagesAsGet);
        app.UseMiddleware<SecurityHeaders>();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization: the partners' API counts each client's requests (ApiEndpoints), never an anonymous one's.
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets();
        // SecurityHeaders already forbids framing (frame-ancestors 'none'); Blazor's own, laxer header would only duplicate it.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        app.MapPortalEndpoints();
        app.MapStartEndpoint();
        app.MapPrefillEndpoint();
        app.MapApplicationFiles();
        app.MapLetterPdf();
        app.MapLetterChecks();
        app.MapApplicationDossier();
        app.MapAccountData();
        app.MapDesignerEndpoints();
        app.MapInboxEndpoints();
        app.MapStatisticsEndpoints();
        app.MapAuditSealEndpoints();
        app.MapPortalHealth();
        app.MapPartnerApi();
        app.MapPartnerApiDocument();
        return app;
    }

    /// <summary>Migrates the accounts' tables (filling the search keys they lack) and creates the demo accounts at the first start (printing them).</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var catalog = services.GetRequiredService<ProcedureCatalog>();
        var db = services.GetRequiredService<AccountsDb>();
        // The engine's storage lives in the same database (its own migrations history): both are created or migrated,
        // then every definition that loaded is published (a new version only when a file's content changed).
        await services.GetRequiredService<StorageChoice>().MigrateAsync(db, services.GetRequiredService<IDbContextFactory<ProceduresDb>>(), cancellationToken).ConfigureAwait(false);
        if (services.GetRequiredService<SharedStorage>().KeysInDatabase)
            await ImportKeysAsync(services, db, cancellationToken).ConfigureAwait(false);
        KeyStorage.CheckReadable(services);
        if (KeyStorage.InClear(services.GetRequiredService<SharedStorage>()) is { } inClear)
        {
#pragma warning disable CA1848 // Once per start.
            services.GetRequiredService<ILoggerFactory>().CreateLogger("EmploymentProcedures.Host.KeyStorage").LogWarning("{Warning}", inClear);
#pragma warning restore CA1848
        }
        // Webhook signing secrets written in clear by an older portal are encrypted (the keys are out of a migration's reach).
        await ProtectWebhookSecretsAsync(services, db, cancellationToken).ConfigureAwait(false);
        // The staff search's folded keys are computed in C#, so the migration that added them leaves them to here.
        await AccountSearch.FillAsync(db, cancellationToken).ConfigureAwait(false);

        await services.GetRequiredService<DefinitionStore>().PublishAllAsync(catalog, cancellationToken: cancellationToken).ConfigureAwait(false);
        // Then every procedure whose latest version is in the database only (published from the designer), and the
        // retirements; the refresh serves what other instances publish or retire after it.
        var databaseOnly = await services.GetRequiredService<CatalogRefresh>().BaselineAsync(cancellationToken).ConfigureAwait(false);
        if (databaseOnly.Count > 0)
        {
#pragma warning disable CA1848, CA1873 // Once per start.
            services.GetRequiredService<ILoggerFactory>().CreateLogger("EmploymentProcedures.Host.Catalog").LogWarning(
                "{Count} procedure(s) served from the database only (published from the designer, no file in procedures/: export and commit it): {Procedures}",
                databaseOnly.Count, string.Join(", ", databaseOnly));
#pragma warning restore CA1848, CA1873
        }
        if (services.GetRequiredService<SharedStorage>().DocumentsInDatabase)
            await CopyDocumentsAsync(services, cancellationToken).ConfigureAwait(false);
        // A database from before calendar days were kept gets them once, from its applications (the public statistics need them).
        await services.GetRequiredService<Dashboard>().CompleteAsync(cancellationToken).ConfigureAwait(false);

        if (!services.GetRequiredService<IOptions<PortalOptions>>().Value.SeedDemoAccounts)
            return;
        var created = await DemoAccounts.SeedAsync(services.GetRequiredService<UserManager<Account>>(), catalog.Library).ConfigureAwait(false);
        if (created.Count > 0)
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("EmploymentProcedures.Host.DemoAccounts");
            var table = new StringBuilder();
            foreach (var account in created)
                table.AppendLine(FormattableString.Invariant($"  {account.Email,-52} {account.Role,-32} {string.Join(",", account.Provinces)}"));
#pragma warning disable CA1848, CA1873 // Printed once at the first start: LoggerMessage adds nothing here.
            logger.LogWarning("Demo accounts created (password for all: {Password} — for the demo only; set Portal:SeedDemoAccounts=false in production):\n{Accounts}", DemoAccounts.Password, table.ToString());
#pragma warning restore CA1848, CA1873
        }
    }

    /// <summary>
    /// The document files the database lacks, copied in (<see cref="DocumentCopy"/>): those uploaded between
    /// <c>procedures documents-to-database</c> and the restart with <c>Storage:Documents=database</c>, or all of them when the
    /// command was not run. A damaged file is logged and left out (the portal starts; <c>procedures verify-data</c> lists it as missing).
    /// </summary>
    private static async Task CopyDocumentsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var report = await DocumentCopy.FilesToDatabaseAsync(services.GetRequiredService<PortalPaths>().Data,
            services.GetRequiredService<IDbContextFactory<ProceduresDb>>(), cancellationToken).ConfigureAwait(false);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("EmploymentProcedures.Host.DocumentCopy");
#pragma warning disable CA1848, CA1873 // Once, at the start that moves the documents.
        if (report.Damaged.Count > 0)
            logger.LogError("Storage:Documents=database: {Count} document file(s) do not hold what their name says and were not copied ({Hashes}): restore them from a backup and restart, or run 'procedures documents-to-database'", report.Damaged.Count, string.Join(", ", report.Damaged));
        if (report.Copied > 0)
            logger.LogWarning("{Count} document file(s) copied into the database (Storage:Documents=database); the files stay until removed by hand", report.Copied);
#pragma warning restore CA1848, CA1873
    }

    /// <summary>The webhook signing secrets still in clear, encrypted once (<see cref="WebhookSecrets.ProtectClearAsync"/>).</summary>
    private static async Task ProtectWebhookSecretsAsync(IServiceProvider services, AccountsDb db, CancellationToken cancellationToken)
    {
        var encrypted = await services.GetRequiredService<WebhookSecrets>().ProtectClearAsync(db, cancellationToken).ConfigureAwait(false);
        if (encrypted == 0)
            return;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("EmploymentProcedures.Host.WebhookSecrets");
#pragma warning disable CA1848, CA1873 // Once, at the start that encrypts them.
        logger.LogWarning("{Count} webhook signing secret(s) kept in clear were encrypted with the data-protection keys", encrypted);
#pragma warning restore CA1848, CA1873
    }

    /// <summary>The key files of a portal that kept them as files, copied into the database once (<see cref="KeyStorage.ImportFilesAsync"/>).</summary>
    private static async Task ImportKeysAsync(IServiceProvider services, AccountsDb db, CancellationToken cancellationToken)
    {
        var imported = await KeyStorage.ImportFilesAsync(db, services.GetRequiredService<PortalPaths>().Data, cancellationToken).ConfigureAwait(false);
        if (imported == 0)
            return;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("EmploymentProcedures.Host.KeyStorage");
#pragma warning disable CA1848, CA1873 // Once, at the start that moves the keys.
        logger.LogWarning("{Count} data-protection key file(s) copied into the database (Storage:Keys=database): people signed in stay signed in", imported);
#pragma warning restore CA1848, CA1873
    }

    /// <summary>
    /// The error and status pages are re-executed with the failed request's method; a POST would make
    /// Blazor look for the form that was posted (and check its token again) and fail in turn. They
    /// only ever need a GET.
    /// </summary>
    private static Task ErrorPagesAsGet(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IExceptionHandlerFeature>() is not null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            context.Request.Method = HttpMethods.Get;
        return next(context);
    }

    private static ProcedureCatalog LoadCatalog(string proceduresPath, ILogger logger)
    {
        var catalog = ProcedureCatalog.Load(proceduresPath);
        var errors = catalog.AllDiagnostics.Where(d => d.Severity == Severity.Error).ToList();
#pragma warning disable CA1848, CA1873 // Once per start; the diagnostics' own format is what analysts read.
        foreach (var error in errors)
            logger.LogError("{Diagnostic}", error.ToString());
        var refused = catalog.Results.Where(r => r.HasErrors).Select(r => r.Diagnostics.FirstOrDefault(d => d.IsError)?.Span.File ?? "?").ToList();
        if (refused.Count > 0)
            logger.LogError("{Count} procedure definition(s) have errors and are not served: {Files}", refused.Count, string.Join(", ", refused));
        logger.LogInformation("{Count} procedures served from {Path}", catalog.Definitions.Count, proceduresPath);
#pragma warning restore CA1848, CA1873
        return catalog;
    }
}

/// <summary>Where this instance reads and writes, resolved against the content root.</summary>
public sealed record PortalPaths(string Procedures, string Data, string DatabaseFile);
