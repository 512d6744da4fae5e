using System.Globalization;
using System.Text.RegularExpressions;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using ScottPlot;

namespace EmploymentProcedures.Host.Reviewing;

/// <summary>
/// Draws a <see cref="BarChart"/>'s rows with ScottPlot as SVG: horizontal bars, each row's label above its bars, the
/// value after each bar, the marks (legal deadlines) as lines, a value axis below; mirrored for Arabic. ScottPlot's
/// SVG carries presentation attributes only (no <c>style</c>, no script), which the content security policy allows,
/// and escapes every text it writes.
/// </summary>
internal static partial class ChartDrawing
{
    public const int Width = 640;
    private const int LabelHeight = 20;
    private const int BarHeight = 16;
    private const int RowGap = 8;
    private const int ValueRoom = 90;
    private const int AxisHeight = 24;
    private const int Edge = 4;
    private const int Headroom = 6;
    private const int MaxLabel = 90;

    /// <summary>The series' colours, the same as the legend's (<c>.chart .series-N</c> in <c>app.css</c>).</summary>
    private static readonly Color[] Series = [Color.FromHex("#00563f"), Color.FromHex("#1d4f91"), Color.FromHex("#7a4d00")];
    private static readonly Color Ink = Color.FromHex("#1b1b1b");
    private static readonly Color Muted = Color.FromHex("#4a4a4a");
    private static readonly Color Marker = Color.FromHex("#a4161a");

    /// <summary>The chart as an <c>svg</c> element that scales to its container, hidden from screen readers.</summary>
    public static string Svg(IReadOnlyList<BarChart.Row> rows, Func<double, string> format, bool rightToLeft)
    {
        ChartFonts.EnsureRegistered();
        var font = ChartFonts.For(rightToLeft);
        var series = Math.Max(1, rows.Max(r => r.Values.Count));
        var rowHeight = LabelHeight + series * BarHeight + RowGap;
        var height = rows.Count * rowHeight;

        var plot = new Plot();
        plot.Font.Set(font);
        // The data's units are pixels downwards from the first row's top (with room above it for the tallest letters).
        var bars = new List<Bar>();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var top = r * rowHeight;
            Text(plot, Shorten(row.Label), 0, top + LabelHeight - 5, font, 13, Ink, rightToLeft ? Alignment.LowerRight : Alignment.LowerLeft, 0);
            for (var s = 0; s < row.Values.Count; s++)
            {
                var value = Math.Max(0, row.Values[s]);
                var middle = top + LabelHeight + s * BarHeight + (BarHeight - 2) / 2.0;
                bars.Add(new Bar { Position = middle, Value = value, Size = BarHeight - 2, FillColor = Series[s % Series.Length], LineWidth = 0 });
                Text(plot, format(row.Values[s]), value, middle, font, 12, Muted, rightToLeft ? Alignment.MiddleRight : Alignment.MiddleLeft, rightToLeft ? -4 : 4);
            }
            if (row.Marker is { } marker)
            {
                var line = plot.Add.Line(marker, top + LabelHeight - 2, marker, top + LabelHeight + row.Values.Count * BarHeight);
                line.LineWidth = 3;
                line.LineColor = Marker;
            }
        }
        plot.Add.Bars(bars).Horizontal = true;

        // The longest value or mark takes the width less the room for its label; Arabic runs from the right.
        var max = Math.Max(1, rows.SelectMany(r => r.Values.Append(r.Marker ?? 0)).Max());
        var end = max * (Width - 2 * Edge) / (Width - 2 * Edge - ValueRoom);
        if (rightToLeft)
            plot.Axes.SetLimitsX(end, 0);
        else
            plot.Axes.SetLimitsX(0, end);
        plot.Axes.SetLimitsY(height, -Headroom);
        plot.Axes.Frameless();
        plot.Axes.Bottom.IsVisible = true;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = format, IntegerTicksOnly = true, TargetTickCount = 5 };
        plot.Axes.Bottom.TickLabelStyle.FontName = font;
        plot.Axes.Bottom.TickLabelStyle.ForeColor = Muted;
        plot.Layout.Fixed(new PixelPadding(Edge, Edge, AxisHeight, Edge));

        var figureHeight = Edge + Headroom + height + AxisHeight;
        return Scalable(OneAnchorPerText(plot.GetSvgXml(Width, figureHeight)), figureHeight);
    }

    /// <summary>
    /// SkiaSharp's SVG writes a text as its characters in reading order with one x per glyph in drawing order (left to
    /// right, as HarfBuzz shaped them); a browser puts the first character at the first x, so Arabic came out backwards
    /// (and scrambled under <c>dir="rtl"</c>). Each text gets one position instead, the point ScottPlot aligned it on
    /// (its <c>translate</c>), anchored as it was placed: all left of the point (right-aligned), all right of it, or
    /// across it (centred). The browser lays the text out itself, with the same font file.
    /// </summary>
    private static string OneAnchorPerText(string svg) => GlyphPositions().Replace(svg, match =>
    {
        var xs = match.Groups["x"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToList();
        var y = match.Groups["y"].Value.Split(',')[0].Trim();
        var anchor = xs.Count == 0 || xs[0] >= -0.5 ? "start" : xs[^1] < 0 ? "end" : "middle";
        return $"x=\"0\" y=\"{y}\" text-anchor=\"{anchor}\"";
    });

    [GeneratedRegex("""(?<=<text [^>]*)x="(?<x>[^"]*)" y="(?<y>[^"]*)"(?=>)""")]
    private static partial Regex GlyphPositions();

    private static void Text(Plot plot, string content, double x, double y, string font, float size, Color color, Alignment alignment, float offsetX)
    {
        var text = plot.Add.Text(content, x, y);
        text.LabelFontName = font;
        text.LabelFontSize = size;
        text.LabelFontColor = color;
        text.LabelAlignment = alignment;
        text.OffsetX = offsetX;
    }

    /// <summary>
    /// ScottPlot's root element has a fixed size: it gets a view box instead, so the page can shrink it.
    /// <c>direction="ltr"</c> keeps the anchors' meaning on an Arabic page (under <c>dir="rtl"</c> "start" is the right end).
    /// </summary>
    private static string Scalable(string svg, int height)
    {
        var start = svg.IndexOf("<svg ", StringComparison.Ordinal);
        var size = string.Create(CultureInfo.InvariantCulture, $"width=\"{Width}\" height=\"{height}\"");
        var at = svg.IndexOf(size, start, StringComparison.Ordinal);
        return string.Concat(
            svg.AsSpan(start, at - start),
            string.Create(CultureInfo.InvariantCulture, $"viewBox=\"0 0 {Width} {height}\" width=\"100%\" direction=\"ltr\" class=\"chart-drawing\" aria-hidden=\"true\" focusable=\"false\""),
            svg.AsSpan(at + size.Length));
    }

    private static string Shorten(string label) => label.Length <= MaxLabel ? label : label[..(MaxLabel - 1)] + "…";
}
