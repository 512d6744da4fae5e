using System.Globalization;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Reviewing;

namespace EmploymentProcedures.Host.Tests.Reviewing;

/// <summary>The dashboard's drawings are kept by what they show: drawn once, drawn again for anything else.</summary>
public sealed class ChartDrawingsTests
{
    private static readonly BarChart.Row[] Months = [new("janvier 2026", [4, 1]), new("février 2026", [2, 2], 3)];

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    [Fact]
    public void Svg_SameChartRowsAndLanguage_IsDrawnOnce_EvenFromRowsBuiltAnew()
    {
        using var drawings = new ChartDrawings();

        var first = drawings.Svg("chart-months", Months, Number, Languages.French);
        var second = drawings.Svg("chart-months", [.. Months.Select(r => new BarChart.Row(r.Label, [.. r.Values], r.Marker))], Number, Languages.French);

        Assert.Equal(1, drawings.Drawn);
        Assert.Same(first, second);
        Assert.Contains("février 2026", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_AnotherLanguageValueMarkLabelOrChart_IsDrawnAnew()
    {
        using var drawings = new ChartDrawings();
        var french = drawings.Svg("chart-months", Months, Number, Languages.French);

        var arabic = drawings.Svg("chart-months", Months, Number, Languages.Arabic);
        drawings.Svg("chart-months", [Months[0], Months[1] with { Values = [2, 3] }], Number, Languages.French);
        drawings.Svg("chart-months", [Months[0], Months[1] with { Marker = 4 }], Number, Languages.French);
        drawings.Svg("chart-months", [Months[0], Months[1] with { Label = "mars 2026" }], Number, Languages.French);
        drawings.Svg("chart-procedures", Months, Number, Languages.French);

        Assert.Equal(6, drawings.Drawn);
        // Mirrored: the labels and values are anchored the other way.
        Assert.NotEqual(Anchors(french), Anchors(arabic));
    }

    private static List<string> Anchors(string svg) =>
        [.. System.Text.RegularExpressions.Regex.Matches(svg, "text-anchor=\"(\\w+)\"").Select(m => m.Groups[1].Value)];

    [Fact]
    public void Svg_LabelWithMarkup_IsTextInTheDrawingNeverAnElement()
    {
        // A procedure's title comes from its definition, which an analyst writes: the page puts the drawing in as markup.
        using var drawings = new ChartDrawings();
        const string Title = "Visa <script>alert(1)</script> & <img src=x onerror=alert(2)>";

        var svg = drawings.Svg("chart-procedures", [new BarChart.Row(Title, [3])], Number, Languages.French);

        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", svg, StringComparison.OrdinalIgnoreCase);
        var document = System.Xml.Linq.XDocument.Parse(svg);
        Assert.Contains(document.Descendants(), e => e.Name.LocalName == "text" && e.Value.Contains("<script>alert(1)</script>", StringComparison.Ordinal));
    }

    [Fact]
    public void Svg_LargerThanTheCache_IsDrawnButNotKept()
    {
        using var drawings = new ChartDrawings(maxCharacters: 1_000);

        drawings.Svg("chart-months", Months, Number, Languages.French);
        drawings.Svg("chart-months", Months, Number, Languages.French);

        Assert.Equal(2, drawings.Drawn);
    }
}
