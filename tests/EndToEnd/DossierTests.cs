using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>An application's whole file downloaded as one ZIP in Chromium: by a reviewer from the case page, by the applicant from their page.</summary>
[Collection(PortalTests.Name)]
public sealed class DossierTests(PortalFixture portal)
{
    private Filing Filing => portal.FilingOf();

    private async Task<(string Email, Actor Actor)> ApplicantAsync()
    {
        var email = await portal.CreateAccountAsync("employer", ReviewerDesk.Password);
        var account = (await portal.FindAccountAsync(email))!;
        return (email, Actor.Applicant(account.Id, account.DisplayName, account.Role));
    }

    /// <summary>Clicks the page's "whole file" button and opens what the browser saved.</summary>
    private static async Task<(string FileName, ZipArchive Zip)> DownloadAsync(IPage page)
    {
        var button = page.Locator(".dossier-download a");
        await Assertions.Expect(button).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        return (download.SuggestedFilename, new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read));
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var content = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Reviewer_DownloadsTheWholeFileFromTheCasePage_AndItsManifestVouchesForEveryEntry()
    {
        var (_, applicant) = await ApplicantAsync();
        var application = await Filing.SubmittedAsync(applicant);
        var desk = await ReviewerDesk.SignInAsync(portal, "desk-agent", application.Province!);
        await desk.OpenAsync(application.Id);

        var (fileName, zip) = await DownloadAsync(desk.Page);

        using (zip)
        {
            Assert.Equal(application.Reference + ".zip", fileName);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Equal("dossier.html", names[0]);
            Assert.Contains("audit.csv", names);
            Assert.Equal("manifest.json", names[^1]);
            Assert.Equal(application.Documents.Count, names.Count(n => n.StartsWith("documents/", StringComparison.Ordinal)));
            Assert.Contains(names, n => n.StartsWith("letters/", StringComparison.Ordinal));
            using var manifest = JsonDocument.Parse(Read(zip, "manifest.json"));
            var root = manifest.RootElement;
            Assert.Equal((application.Id.ToString("D"), application.Reference), (root.GetProperty("application").GetString(), root.GetProperty("reference").GetString()));
            Assert.Equal(Filing.Procedure, root.GetProperty("definition").GetProperty("id").GetString());
            Assert.Equal(desk.Name, root.GetProperty("requested_by").GetProperty("name").GetString());
            Assert.True(root.GetProperty("audit").GetProperty("verified").GetBoolean());
            var listed = root.GetProperty("files").EnumerateArray().ToList();
            Assert.Equal(names.Where(n => n != "manifest.json"), listed.Select(f => f.GetProperty("name").GetString()));
            foreach (var file in listed)
            {
                var bytes = Read(zip, file.GetProperty("name").GetString()!);
                Assert.Equal(bytes.Length, file.GetProperty("size").GetInt64());
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.GetProperty("sha256").GetString());
            }
        }
    }

    [Fact]
    public async Task Applicant_DownloadsTheirWholeFileFromTheirApplicationPage_WithoutTheAudit()
    {
        var (email, applicant) = await ApplicantAsync();
        var application = await Filing.SubmittedAsync(applicant);
        var page = await portal.NewPageAsync();
        await Pages.SignInAsync(page, email, ReviewerDesk.Password);
        await page.GotoAsync($"/applications/{application.Id}");

        var (fileName, zip) = await DownloadAsync(page);

        using (zip)
        {
            Assert.Equal(application.Reference + ".zip", fileName);
            Assert.Null(zip.GetEntry("audit.csv"));
            foreach (var document in application.Documents)
                Assert.Contains(zip.Entries, e => e.FullName.StartsWith("documents/", StringComparison.Ordinal)
                    && Read(zip, e.FullName).AsSpan().SequenceEqual(Filing.Pdf(document.DocumentId)));
            var summary = System.Text.Encoding.UTF8.GetString(Read(zip, "dossier.html"));
            Assert.Contains(application.Reference!, summary, StringComparison.Ordinal);
            using var manifest = JsonDocument.Parse(Read(zip, "manifest.json"));
            Assert.Equal(applicant.UserId, manifest.RootElement.GetProperty("requested_by").GetProperty("id").GetString());
        }
    }
}
