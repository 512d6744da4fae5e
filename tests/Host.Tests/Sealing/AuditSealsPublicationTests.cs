using System.Net;
using System.Text;
using System.Text.Json;
using EmploymentProcedures.Engine.Storage;

namespace EmploymentProcedures.Host.Tests.Sealing;

/// <summary>The audit seals as anyone finds them: <c>/audit-seals</c> in three languages, and every seal as JSON and CSV to keep.</summary>
public sealed class AuditSealsPublicationTests(SealedPortal portal) : IClassFixture<SealedPortal>
{
    [Theory]
    [InlineData("fr", "ltr", "<h1>Sceaux du journal d'audit</h1>", "Les 90 derniers sceaux, du plus récent au plus ancien", "Entrées du jour")]
    [InlineData("ar", "rtl", "<h1>الأختام اليومية لسجل التتبع</h1>", "آخر 90 ختما، من الأحدث إلى الأقدم", "قيود اليوم")]
    [InlineData("en", "ltr", "<h1>Audit log seals</h1>", "The last 90 seals, newest first", "Entries that day")]
    public async Task Page_InEachLanguage_IsOpenToAnyoneInItsDirectionWithTheSealsNewestFirst(string code, string direction, string heading, string caption, string column)
    {
        using var client = portal.In(code);

        using var response = await client.GetAsync("/audit-seals");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{code}\" dir=\"{direction}\">", page, StringComparison.Ordinal);
        Assert.Contains(heading, page, StringComparison.Ordinal);
        Assert.Contains(caption, page, StringComparison.Ordinal);
        Assert.Contains(column, page, StringComparison.Ordinal);
        Assert.Contains("href=\"audit-seals.json\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"audit-seals.csv\"", page, StringComparison.Ordinal);
        // The fingerprints left to right in every language; the newest day first.
        var seals = portal.Seals;
        Assert.Contains($"<code class=\"hash\" dir=\"ltr\">{seals[0].HeadHash}</code>", page, StringComparison.Ordinal);
        var days = seals.Select(s => page.IndexOf($"<time datetime=\"{s.Day:yyyy-MM-dd}\">", StringComparison.Ordinal)).ToList();
        Assert.All(days, position => Assert.True(position > 0));
        Assert.Equal(days.OrderDescending(), days);
    }

    [Theory]
    [InlineData("fr", "Sceaux du journal d'audit")]
    [InlineData("ar", "الأختام اليومية لسجل التتبع")]
    [InlineData("en", "Audit log seals")]
    public async Task Footer_OfAnyPage_LinksToTheSeals(string code, string link)
    {
        using var client = portal.In(code);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/statistics"));

        Assert.Contains($"<li><a href=\"audit-seals\">{link}</a></li>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_Anonymous_EverySealOldestFirstAsAFileThatVerifies()
    {
        using var client = portal.In("fr");

        using var response = await client.GetAsync("/audit-seals.json");
        await using var body = await response.Content.ReadAsStreamAsync();
        var seals = AuditSealFiles.ReadJson(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith($"attachment; filename=audit-seals-{portal.Seals[^1].Day:yyyy-MM-dd}.json;", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.Equal(portal.Seals, seals);
        Assert.All(seals, s => Assert.Equal(AuditSeals.HashOf(s), s.Hash));
        Assert.Equal(AuditSeals.Genesis, seals[0].PreviousHash);
    }

    [Fact]
    public async Task Json_ItsRule_IsWrittenInTheFileForWhoeverChecksWithoutThePortal()
    {
        using var client = portal.In("en");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/audit-seals.json"));

        Assert.Equal(AuditSealFiles.Format, json.RootElement.GetProperty("format").GetString());
        Assert.Equal(AuditSealFiles.HashRule, json.RootElement.GetProperty("hashRule").GetString());
        var first = json.RootElement.GetProperty("seals")[0];
        Assert.Equal(
            ["day", "headSequence", "headHash", "entries", "sealedAt", "previousHash", "hash"],
            first.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Csv_Anonymous_HeaderThenOneLinePerSealOldestFirst()
    {
        using var client = portal.In("ar");

        using var response = await client.GetAsync("/audit-seals.csv");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith($"attachment; filename=audit-seals-{portal.Seals[^1].Day:yyyy-MM-dd}.csv;", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var lines = text.Split("\r\n");
        Assert.Equal(AuditSealFiles.CsvHeader, lines[0]);
        Assert.Equal("", lines[^1]);
        Assert.Equal(
            portal.Seals.Select(s => $"{s.Day:yyyy-MM-dd},{s.HeadSequence},{s.HeadHash},{s.Entries},{s.SealedAt:yyyy-MM-dd'T'HH:mm:ss.fff'Z'},{s.PreviousHash},{s.Hash}"),
            lines[1..^1]);
    }
}
