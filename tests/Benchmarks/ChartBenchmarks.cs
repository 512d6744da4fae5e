using System.Globalization;
using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using EmploymentProcedures.Host.Reviewing;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// Drawing the national dashboard's six charts with ScottPlot (<see cref="ChartDrawing"/>), at their largest: the months
/// of a year (2 series), the 55 procedures (2 series), their times with legal deadlines and their shares in time (1 series
/// each), the 15 busiest provinces and steps (3 series). It adds to the figures' query (DashboardBenchmarks); the page's
/// target is 500 ms.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class ChartBenchmarks
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-MA");
    private static readonly CultureInfo Arabic = CultureInfo.GetCultureInfo("ar-MA");

    [Params("fr", "ar")]
    public string Language { get; set; } = "fr";

    [Benchmark]
    public int NationalDashboard_SixCharts()
    {
        var arabic = Language == "ar";
        var culture = arabic ? Arabic : French;
        string Format(double v) => v.ToString("N0", culture);
        string Label(int i) => arabic ? $"التصريح بحادثة شغل أو مرض مهني رقم {i}" : $"Déclaration d'un accident du travail ou d'une maladie professionnelle n° {i}";
        List<BarChart.Row> Rows(int count, int series, bool marker = false) =>
            [.. Enumerable.Range(0, count).Select(i => new BarChart.Row(Label(i), [.. Enumerable.Range(0, series).Select(s => (double)(37 * i % 500 + 10 * s))], marker ? 20 : null))];
        return ChartDrawing.Svg(Rows(12, 2), Format, arabic).Length
            + ChartDrawing.Svg(Rows(55, 2), Format, arabic).Length
            + ChartDrawing.Svg(Rows(55, 1, marker: true), Format, arabic).Length
            + ChartDrawing.Svg(Rows(55, 1), Format, arabic).Length
            + ChartDrawing.Svg(Rows(15, 3), Format, arabic).Length
            + ChartDrawing.Svg(Rows(15, 3), Format, arabic).Length;
    }
}
