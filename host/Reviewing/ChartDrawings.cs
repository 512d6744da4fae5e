using System.Globalization;
using System.Text;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.Caching.Memory;

namespace EmploymentProcedures.Host.Reviewing;

/// <summary>
/// The dashboard's chart drawings, kept for a while: the reviewers of one territory look at the same figures, and a page
/// may render more than once, so a chart is drawn by ScottPlot once for all of them.
/// A drawing is keyed only by what it shows (the chart's kind, the language, every row's label, values and mark), never
/// by who asked, so nobody is served a drawing of figures other than theirs. The cache is bounded by the drawings' size.
/// </summary>
internal sealed class ChartDrawings : IDisposable
{
    /// <summary>About 8 MB of text: the national dashboard's six charts take about 1 MB per language.</summary>
    public const long DefaultCharacters = 4_000_000;

    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(10);
    private readonly MemoryCache _cache;
    private long _drawn;

    public ChartDrawings(long maxCharacters = DefaultCharacters) =>
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = maxCharacters });

    /// <summary>How many drawings were made rather than found.</summary>
    public long Drawn => Interlocked.Read(ref _drawn);

    /// <summary>
    /// The SVG of <paramref name="rows"/> (<see cref="ChartDrawing.Svg"/>), drawn unless the same chart was drawn with the
    /// same rows in the same language. <paramref name="kind"/> names the chart (its id on the dashboard) and so stands for
    /// its <paramref name="format"/>, which the language completes.
    /// </summary>
    public string Svg(string kind, IReadOnlyList<BarChart.Row> rows, Func<double, string> format, Language language)
    {
        var key = Key(kind, language, rows);
        if (_cache.TryGetValue(key, out string? kept) && kept is not null)
            return kept;
        var svg = ChartDrawing.Svg(rows, format, language.RightToLeft);
        Interlocked.Increment(ref _drawn);
        _cache.Set(key, svg, new MemoryCacheEntryOptions { Size = svg.Length + key.Length, SlidingExpiration = Kept });
        return svg;
    }

    /// <summary>Every drawn thing, each text prefixed by its length so no two different charts share a key.</summary>
    private static string Key(string kind, Language language, IReadOnlyList<BarChart.Row> rows)
    {
        var key = new StringBuilder().Append(kind.Length).Append(':').Append(kind).Append(language.Code).Append('|');
        foreach (var row in rows)
        {
            key.Append(row.Label.Length).Append(':').Append(row.Label);
            foreach (var value in row.Values)
                key.Append(value.ToString("R", CultureInfo.InvariantCulture)).Append(';');
            key.Append(row.Marker?.ToString("R", CultureInfo.InvariantCulture)).Append('|');
        }
        return key.ToString();
    }

    public void Dispose() => _cache.Dispose();
}
