using System.Net;
using System.Text;

namespace EmploymentProcedures.Host.Tests.Statistics;

/// <summary>The public statistics over HTTP, for anyone: <c>/statistics.csv</c> as open data, the pages and their links.</summary>
[Collection(StatisticsPortalTests.Name)]
public sealed class StatisticsDownloadTests(StatisticsPortal portal)
{
    private const string Header =
        "procedure_id,title_fr,title_ar,title_en,category_id,period_start,period_end,submitted,decided,withdrawn,can_be_rejected,share_approved," +
        "median_processing_days,processing_days_unit,legal_deadline_days,share_decided_within_deadline,publication_threshold,computed_at";

    /// <summary>The fields of one CSV line as RFC 4180 quotes them.</summary>
    private static List<string> Fields(string line)
    {
        var (fields, field, quoted) = (new List<string>(), new StringBuilder(), false);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                (field, i) = (field.Append('"'), i + 1);
            else if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                (fields, field) = (fields.Append(field.ToString()).ToList(), new StringBuilder());
            else
                field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    private static IEnumerable<string> Values(Dictionary<string, string> line, params string[] columns) => columns.Select(c => line[c]);

    [Fact]
    public async Task Csv_Anonymous_IsUtf8WithABomOneLinePerProcedureAndTheSameWithholding()
    {
        using var client = portal.Live.Anonymous();

        using var response = await client.GetAsync("/statistics.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches("^attachment; filename=statistics-\\d{4}-\\d{2}-\\d{4}-\\d{2}\\.csv", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal(Header, lines[0]);
        Assert.Equal("", lines[^1]);
        Assert.Equal(55, lines.Length - 2);
        var columns = Header.Split(',');
        Dictionary<string, string> Line(string procedure) =>
            columns.Zip(Fields(lines.Single(l => l.StartsWith(procedure + ",", StringComparison.Ordinal)))).ToDictionary(p => p.First, p => p.Second);

        var regulations = Line(StatisticsPortal.Regulations);
        Assert.Equal(
            ["12", "10", "1", "true", "0", "0", "calendar", "60", "1", "10"],
            Values(regulations, "submitted", "decided", "withdrawn", "can_be_rejected", "share_approved", "median_processing_days", "processing_days_unit", "legal_deadline_days", "share_decided_within_deadline", "publication_threshold"));
        Assert.Equal(portal.Definition(StatisticsPortal.Regulations).Title.Get("ar"), regulations["title_ar"]);
        Assert.Matches("^\\d{4}-\\d{2}-01$", regulations["period_start"]);
        var strike = Line(StatisticsPortal.StrikeNotice);
        // Too few decisions: the figures are empty cells, as on the pages; nothing can refuse a strike notice.
        Assert.Equal(["0", "false", "", "", "business", "3", ""],
            Values(strike, "decided", "can_be_rejected", "share_approved", "median_processing_days", "processing_days_unit", "legal_deadline_days", "share_decided_within_deadline"));
    }

    [Theory]
    [InlineData("fr", "ltr", "<h1>Statistiques</h1>", "En chiffres")]
    [InlineData("ar", "rtl", "<h1>الإحصائيات</h1>", "بالأرقام")]
    [InlineData("en", "ltr", "<h1>Statistics</h1>", "In figures")]
    public async Task Pages_InEachLanguage_AreOpenToAnyoneInTheirDirection(string code, string direction, string heading, string section)
    {
        using var client = portal.Live.In(code);

        var statistics = WebUtility.HtmlDecode(await client.GetStringAsync("/statistics"));
        var procedure = WebUtility.HtmlDecode(await client.GetStringAsync($"/procedures/{StatisticsPortal.Regulations}"));

        Assert.Contains($"<html lang=\"{code}\" dir=\"{direction}\">", statistics, StringComparison.Ordinal);
        Assert.Contains(heading, statistics, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{code}\" dir=\"{direction}\">", procedure, StringComparison.Ordinal);
        Assert.Contains($"<h2 id=\"figures\">{section}</h2>", procedure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FooterAndCatalog_LinkToTheStatistics()
    {
        using var client = portal.Live.In("fr");

        var catalog = WebUtility.HtmlDecode(await client.GetStringAsync("/"));

        var footer = catalog[catalog.IndexOf("<footer", StringComparison.Ordinal)..];
        Assert.Contains("<a href=\"statistics\">Statistiques</a>", footer, StringComparison.Ordinal);
        var main = catalog[catalog.IndexOf("<main", StringComparison.Ordinal)..catalog.IndexOf("<footer", StringComparison.Ordinal)];
        Assert.Contains("<a href=\"statistics\">", main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Threshold_BelowOne_StopsThePortalAtItsStartWithTheSettingNamed()
    {
        var data = Directory.CreateTempSubdirectory("ep-statistics-threshold-").FullName;
        try
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => TempPortal.BuildOnAsync(data, "--Portal:StatisticsThreshold=0"));

            Assert.Contains("Portal:StatisticsThreshold is 0", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
