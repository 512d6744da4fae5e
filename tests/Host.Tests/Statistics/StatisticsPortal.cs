using System.Globalization;
using Bunit;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Statistics;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Statistics;

/// <summary>
/// A portal of its own whose figures are exact: twelve applications for the approval of internal regulations (a
/// circuit that can reject, 60 calendar days), ten rejected at reception the day they came, one withdrawn, one still
/// in review. They happen today; the monthly figures are then moved back one month, as if all this had happened last
/// month, the last full month the public statistics cover. Nothing else in the portal has figures.
/// </summary>
public sealed class StatisticsPortal : IAsyncLifetime
{
    public LivePortal Live { get; } = new();

    public const string Regulations = Filing.Procedure;

    /// <summary>A declaration no step can reject, with no file.</summary>
    public const string StrikeNotice = "strike-notice";

    public async Task InitializeAsync()
    {
        await Live.InitializeAsync();
        var (applications, filing) = (Live.Applications, Live.Filing);
        var applicant = Actor.Applicant("statistics-applicant", "Société Atlas");
        var files = new List<Application>();
        for (var i = 0; i < 12; i++)
            files.Add(await filing.SubmittedAsync(applicant));
        for (var i = 0; i < 10; i++)
            await filing.RejectedAsync(files[i], "Pièces non conformes.");
        Assert.True((await applications.WithdrawAsync(files[10].Id, applicant)).Succeeded);

        await using var connection = new SqliteConnection($"Data Source={Live.Portal.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE MonthlyFigures SET Month = date(Month, '-1 month'); UPDATE ProcessingTimes SET Month = date(Month, '-1 month');";
        Assert.True(await command.ExecuteNonQueryAsync() > 0);
    }

    public Task DisposeAsync() => Live.DisposeAsync();

    internal ProcedureDefinition Definition(string id) => Live.Portal.App.Services.GetRequiredService<ProcedureCatalog>().Definitions[id];

    /// <summary>The period's words as the page writes them: "De novembre 2025 à octobre 2026, dans tout le pays."</summary>
    internal static string Period(Language language, string format)
    {
        var thisMonth = MoroccoTime.Today(MoroccoTime.Instance);
        var first = new DateOnly(thisMonth.Year, thisMonth.Month, 1);
        return string.Format(language.Culture, format, first.AddMonths(-12).ToString("MMMM yyyy", language.Culture), first.AddMonths(-1).ToString("MMMM yyyy", language.Culture));
    }

    /// <summary>A bUnit context with the portal's statistics, catalog and strings, read in <paramref name="language"/>, nobody signed in.</summary>
    internal BunitContext Context(Language language) => new StatisticsContext(this, language);

    private sealed class StatisticsContext : BunitContext
    {
        private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

        public StatisticsContext(StatisticsPortal portal, Language language)
        {
            var services = portal.Live.Portal.App.Services;
            Services.AddSingleton(services.GetRequiredService<PublishedStatistics>());
            Services.AddSingleton(services.GetRequiredService<PublishedCatalog>().Index);
            Services.AddLocalization(o => o.ResourcesPath = "Resources");
            CultureInfo.CurrentUICulture = language.Culture;
        }

        protected override void Dispose(bool disposing)
        {
            CultureInfo.CurrentUICulture = _previous;
            base.Dispose(disposing);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class StatisticsPortalTests : ICollectionFixture<StatisticsPortal>
{
    public const string Name = "statistics portal";
}
