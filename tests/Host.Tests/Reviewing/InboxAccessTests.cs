using System.IO.Compression;
using System.Net;
using System.Text;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Reviewing;

/// <summary>Who reaches the inbox and its exports over HTTP, and what an export holds.</summary>
[Collection(LivePortalTests.Name)]
public sealed class InboxAccessTests(LivePortal portal)
{
    [Theory]
    [InlineData("inbox")]
    [InlineData("inbox/export.csv")]
    [InlineData("inbox/export.xlsx")]
    public async Task Anonymous_IsSentToSignIn(string path)
    {
        using var client = portal.Anonymous();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inbox")]
    [InlineData("inbox/export.csv")]
    [InlineData("inbox/export.xlsx")]
    public async Task Applicant_GetsNotFound(string path)
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task InboxPage_RenderedOnTheServer_ListsTheSearchedFile()
    {
        var files = await InboxFiles.FileAsync(portal, inReview: 1);
        var (email, _) = await portal.AccountAsync("desk-agent", files.Province);
        using var client = await portal.SignedInAsync(email);

        var html = await client.GetStringAsync($"inbox?q={files.Word}&status=in_review");

        Assert.Contains(files.InReview[0].Reference!, html, StringComparison.Ordinal);
        Assert.DoesNotContain(files.ChangesRequested.Reference!, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvExport_HoldsExactlyTheFilteredLines()
    {
        var files = await InboxFiles.FileAsync(portal);
        var (email, _) = await portal.AccountAsync("desk-agent", files.Province);
        using var client = await portal.SignedInAsync(email);

        using var all = await client.GetAsync($"inbox/export.csv?q={files.Word}");
        var filtered = await CsvAsync(client, $"inbox/export.csv?q={files.Word}&status=in_review");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("text/csv", all.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", all.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".csv", all.Content.Headers.ContentDisposition.FileName!.Trim('"'), StringComparison.Ordinal);
        var lines = Lines(await all.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("Référence,Procédure,Étape,Statut,Demandeur", lines[0], StringComparison.Ordinal);
        Assert.Equal(files.All.Select(a => a.Reference!).Order(), lines.Skip(1).Select(l => l.Split(',')[0]).Order());
        Assert.Equal(files.InReview.Select(a => a.Reference!).Order(), filtered.Skip(1).Select(l => l.Split(',')[0]).Order());
    }

    [Fact]
    public async Task CsvExport_OfAReviewerOfAnotherProvince_HoldsTheHeaderOnly()
    {
        var files = await InboxFiles.FileAsync(portal, inReview: 1);
        var (email, _) = await portal.AccountAsync("desk-agent", files.OtherProvince);
        using var client = await portal.SignedInAsync(email);

        var lines = await CsvAsync(client, $"inbox/export.csv?q={files.Word}");

        Assert.Single(lines);
    }

    [Fact]
    public async Task XlsxExport_IsAWorkbookWithALinePerFile()
    {
        var files = await InboxFiles.FileAsync(portal);
        var (email, _) = await portal.AccountAsync("desk-agent", files.Province);
        using var client = await portal.SignedInAsync(email);

        using var response = await client.GetAsync($"inbox/export.xlsx?q={files.Word}&status=changes_requested");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        using var workbook = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains(files.ChangesRequested.Reference!, xml, StringComparison.Ordinal);
        Assert.DoesNotContain(files.InReview[0].Reference!, xml, StringComparison.Ordinal);
    }

    private static async Task<string[]> CsvAsync(HttpClient client, string path) => Lines(await client.GetByteArrayAsync(path));

    private static string[] Lines(byte[] csv) =>
        Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
}
