using System.Globalization;
using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Reviewing;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// Drawing the national dashboard's six charts with ScottPlot (<see cref="ChartDrawing"/>), at their largest: the months
/// of a year (2 series), the 55 procedures (2 series), their times with legal deadlines and their shares in time (1 series
/// each), the 15 busiest provinces and steps (3 series). It adds to the figures' query (DashboardBenchmarks); the page's
/// target is 500 ms. <see cref="NationalDashboard_SixCharts_Kept"/> is what the page pays once they were drawn
/// (<see cref="ChartDrawings"/>: the circuit's render after the prerender, and the next visits with the same figures).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class ChartBenchmarks : IDisposable
{
    private static readonly string[] Kinds = ["chart-months", "chart-procedures", "chart-times", "chart-in-time", "chart-backlog-province", "chart-backlog-step"];
    private readonly ChartDrawings _kept = new();
    private List<BarChart.Row>[] _charts = [];
    private Func<double, string> _format = v => v.ToString(CultureInfo.InvariantCulture);

    [Params("fr", "ar")]
    public string Language { get; set; } = "fr";

    private Language Shown => Language == "ar" ? Languages.Arabic : Languages.French;

    [GlobalSetup]
    public void Setup()
    {
        var arabic = Language == "ar";
        var culture = Shown.Culture;
        _format = v => v.ToString("N0", culture);
        string Label(int i) => arabic ? $"التصريح بحادثة شغل أو مرض مهني رقم {i}" : $"Déclaration d'un accident du travail ou d'une maladie professionnelle n° {i}";
        List<BarChart.Row> Rows(int count, int series, bool marker = false) =>
            [.. Enumerable.Range(0, count).Select(i => new BarChart.Row(Label(i), [.. Enumerable.Range(0, series).Select(s => (double)(37 * i % 500 + 10 * s))], marker ? 20 : null))];
        _charts = [Rows(12, 2), Rows(55, 2), Rows(55, 1, marker: true), Rows(55, 1), Rows(15, 3), Rows(15, 3)];
        NationalDashboard_SixCharts_Kept();
    }

    [Benchmark]
    public int NationalDashboard_SixCharts() => _charts.Sum(rows => ChartDrawing.Svg(rows, _format, Shown.RightToLeft).Length);

    [Benchmark]
    public int NationalDashboard_SixCharts_Kept() => Kinds.Zip(_charts).Sum(chart => _kept.Svg(chart.First, chart.Second, _format, Shown).Length);

    public void Dispose()
    {
        _kept.Dispose();
        GC.SuppressFinalize(this);
    }
}
