using System.Globalization;
using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Reviewing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// Drawing the national dashboard's seven charts with ScottPlot (<see cref="ChartDrawing"/>), as the page draws them,
/// at their largest: the months of a year (2 series), the 55 procedures (2 series), the median times on two charts, one
/// per unit of legal deadline (the catalog's procedures counted in business days, then those in calendar days or with
/// none, each with its deadline's mark and every value said with its unit in the count's form, "12 jours calendaires"),
/// the shares decided in time of the procedures with a deadline (1 series), and the 15 busiest provinces and steps
/// (3 series). The procedures' titles are the catalog's, in the benchmark's language. It adds to the figures' query
/// (DashboardBenchmarks); the page's target is 500 ms. <see cref="NationalDashboard_SevenCharts_Kept"/> is what the page
/// pays once they were drawn (<see cref="ChartDrawings"/>: the next visits with the same figures).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class ChartBenchmarks : IDisposable
{
    private readonly ChartDrawings _kept = new();
    private List<Chart> _charts = [];

    private sealed record Chart(string Kind, List<BarChart.Row> Rows, Func<double, string> Format);

    [Params("fr", "ar")]
    public string Language { get; set; } = "fr";

    private Language Shown => Language == "ar" ? Languages.Arabic : Languages.French;

    [GlobalSetup]
    public void Setup()
    {
        var language = Shown;
        var culture = language.Culture;
        var catalog = ProcedureCatalog.Load(Paths.Procedures);
        var procedures = catalog.Definitions.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        string Number(double v) => v.ToString("N0", culture);
        string Share(double v) => (v / 100).ToString("P0", culture);
        string Title(ProcedureDefinition d) => d.Title.Get(language.Code);
        string Place(int i) => language.RightToLeft ? $"عمالة أو إقليم رقم {i}" : $"Préfecture ou province n° {i}";
        double Value(int i, int series) => 37 * i % 500 + 10 * series;
        List<BarChart.Row> Rows<T>(IEnumerable<T> lines, Func<T, string> label, int series, Func<T, double?>? marker = null) =>
            [.. lines.Select((line, i) => new BarChart.Row(label(line), [.. Enumerable.Range(0, series).Select(s => Value(i, s))], marker?.Invoke(line)))];

        var charts = new List<Chart>
        {
            new("chart-months", Rows(Enumerable.Range(0, 12), m => new DateOnly(2026, 1, 1).AddMonths(m).ToString("MMMM yyyy", culture), 2), Number),
            new("chart-procedures", Rows(procedures, Title, 2), Number),
        };
        foreach (var unit in new[] { CalendarKind.Business, CalendarKind.Calendar })
        {
            var days = DaysIn(unit == CalendarKind.Business ? "Statistics.BusinessDays" : "Dashboard.CalendarDays", language);
            charts.Add(new($"chart-times-{unit.ToString().ToLowerInvariant()}",
                Rows(procedures.Where(d => ProcedureStatistics.UnitOf(d.Deadline) == unit), Title, 1, d => d.Deadline?.Days), days));
        }
        charts.Add(new("chart-in-time", Rows(procedures.Where(d => d.Deadline is not null), Title, 1), Share));
        charts.Add(new("chart-backlog-province", Rows(Enumerable.Range(1, 15), Place, 3), Number));
        charts.Add(new("chart-backlog-step", Rows(Enumerable.Range(1, 15), i => $"{Title(procedures[i])} — {i}", 3), Number));
        _charts = charts;
        NationalDashboard_SevenCharts_Kept();
    }

    /// <summary>
    /// "12 jours calendaires", "3 أيام عمل": the counted text of <paramref name="key"/> in its language, its six forms read
    /// once from the portal's resources (as <see cref="CountedText.Say"/> reads them on the page).
    /// </summary>
    private static Func<double, string> DaysIn(string key, Language language)
    {
        var strings = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(Strings));
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language.Culture;
        try
        {
            var found = CountedText.Forms.Select(f => strings[$"{key}.{f}"]).ToList();
            if (found.FirstOrDefault(s => s.ResourceNotFound) is { } missing)
                throw new InvalidOperationException($"'{missing.Name}' is not in the portal's {language.Code} resources");
            var forms = CountedText.Forms.Zip(found).ToDictionary(f => f.First, f => f.Second.Value, StringComparer.Ordinal);
            return v => string.Format(language.Culture, forms[CountedText.FormOf(v)], v.ToString("0.#", language.Culture));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Benchmark]
    public int NationalDashboard_SevenCharts() => _charts.Sum(chart => ChartDrawing.Svg(chart.Rows, chart.Format, Shown.RightToLeft).Length);

    [Benchmark]
    public int NationalDashboard_SevenCharts_Kept() => _charts.Sum(chart => _kept.Svg(chart.Kind, chart.Rows, chart.Format, Shown).Length);

    public void Dispose()
    {
        _kept.Dispose();
        GC.SuppressFinalize(this);
    }
}
