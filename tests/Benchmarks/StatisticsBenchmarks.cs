using System.Globalization;
using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Host;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Components.Pages;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Statistics;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// The public statistics over 1,000,000 applications (<see cref="SeededDatabase"/>): the engine's read of the last twelve
/// full months, nationwide (what a visitor waits for once every quarter of an hour, <see cref="PublishedStatistics.Lifetime"/>),
/// then what every other visit costs: <c>/statistics</c> rendered to HTML by Blazor's static renderer from the figures
/// kept, in French and in Arabic, and the CSV written. Target: the page under 50 ms.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class StatisticsBenchmarks
{
    private PublicStatistics _statistics = null!;
    private PublishedStatistics _kept = null!;
    private ServiceProvider _services = null!;
    private ProcedureCatalog _catalog = null!;

    [Params("fr", "ar")]
    public string Language { get; set; } = "fr";

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var (databases, _) = await SeededDatabase.OpenAsync();
        _catalog = ProcedureCatalog.Load(Paths.Procedures);
        _statistics = new PublicStatistics(databases, MoroccoTime.Instance);
        _services = new ServiceCollection()
            .AddLogging()
            .AddLocalization(o => o.ResourcesPath = "Resources")
            .AddSingleton(_ => new PublishedStatistics(_statistics, Options.Create(new PortalOptions()), MoroccoTime.Instance))
            .AddSingleton(new CatalogIndex(_catalog))
            .BuildServiceProvider();
        _kept = _services.GetRequiredService<PublishedStatistics>();
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = Languages.Find(Language)!.Culture;
        await _kept.CurrentAsync();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public async Task<int> Tally_TwelveFullMonths() => (await _statistics.TallyAsync(_statistics.CurrentPeriod)).Procedures.Count;

    [Benchmark]
    public async Task<int> Page_FromTheKeptFigures()
    {
        await using var renderer = new HtmlRenderer(_services, _services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<StatisticsPage>()).ToHtmlString().Length);
    }

    [Benchmark]
    public async Task<long> Csv_FromTheKeptFigures()
    {
        using var output = new MemoryStream();
        await StatisticsCsv.WriteAsync(await _kept.CurrentAsync(), _catalog.Definitions.Values, _kept.Threshold, output);
        return output.Length;
    }
}
