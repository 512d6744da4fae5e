using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.MyApplications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmploymentProcedures.Host.Tests.MyApplications;

/// <summary>The whole file of an application as one ZIP over HTTP: who gets it, what it holds, how it is sent.</summary>
[Collection(LivePortalTests.Name)]
public sealed class DossierDownloadTests(LivePortal portal)
{
    private static readonly Actor Administrator = new("admin-test", "Admin", "administrator", RoleKind.Staff, []);

    private async Task<(Application Application, string OwnerEmail)> SubmittedAsync()
    {
        var (email, owner) = await portal.AccountAsync("employer");
        return (await portal.Filing.SubmittedAsync(owner), email);
    }

    private static async Task<ZipArchive> ZipOf(HttpResponseMessage response) =>
        new(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);

    /// <summary>The archive the person of <paramref name="email"/> downloads for application <paramref name="id"/>.</summary>
    private async Task<ZipArchive> DossierOfAsync(string email, Guid id)
    {
        using var client = await portal.SignedInAsync(email);
        using var response = await client.GetAsync(ApplicationDossier.Url(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ZipOf(response);
    }

    private static string Text(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task Dossier_ClientGoneMidDownload_LogsNoErrorAndThePortalGoesOn()
    {
        var (email, owner) = await portal.AccountAsync("employer");
        var draft = await portal.Filing.DraftAsync(owner);
        var first = draft.Documents[0];
        // A large file, so that the archive is still being written when the client goes.
        var large = new byte[9 * 1024 * 1024];
        new Random(42).NextBytes(large);
        var header = Filing.Pdf(first.DocumentId);
        header.CopyTo(large, 0);
        "\n%%EOF\n"u8.ToArray().CopyTo(large, large.Length - 7);
        Assert.True((await portal.Applications.AttachDocumentAsync(draft.Id, owner, first.DocumentId, first.FileName, new MemoryStream(large))).Succeeded);
        var submitted = (await portal.Applications.SubmitAsync(draft.Id, owner)).Application!;
        var errors = new ErrorRecorder();
        portal.Portal.App.Services.GetRequiredService<ILoggerFactory>().AddProvider(errors);
        try
        {
            using (var client = await portal.SignedInAsync(email))
            {
                using var response = await client.GetAsync(ApplicationDossier.Url(submitted.Id), HttpCompletionOption.ResponseHeadersRead);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                await using var body = await response.Content.ReadAsStreamAsync();
                await body.ReadExactlyAsync(new byte[64 * 1024]);
            }
            await Task.Delay(2000);

            Assert.Empty(errors.Entries);
            using var again = await portal.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(ApplicationDossier.Url(submitted.Id))).StatusCode);
        }
        finally
        {
            errors.Stop();
        }
    }

    [Fact]
    public async Task Dossier_ByTheOwner_IsAZipAttachmentNamedAfterTheReferenceNeverCachedOrSniffedWithoutTheAudit()
    {
        var (application, email) = await SubmittedAsync();
        using var client = await portal.SignedInAsync(email);

        using var response = await client.GetAsync(ApplicationDossier.Url(application.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(application.Reference + ".zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, response.Headers.CacheControl?.ToString());
        using var zip = await ZipOf(response);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal("dossier.html", names[0]);
        Assert.Equal("manifest.json", names[^1]);
        Assert.Equal(application.Documents.Count, names.Count(n => n.StartsWith("documents/", StringComparison.Ordinal)));
        Assert.Contains(names, n => n.StartsWith("letters/", StringComparison.Ordinal) && n.Contains("receipt", StringComparison.Ordinal));
        Assert.DoesNotContain("audit.csv", names);
        foreach (var document in application.Documents)
        {
            var entry = Assert.Single(zip.Entries, e => e.FullName.StartsWith("documents/", StringComparison.Ordinal) && e.FullName.EndsWith(" - " + document.FileName, StringComparison.Ordinal));
            using var content = entry.Open();
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            Assert.Equal(Filing.Pdf(document.DocumentId), copy.ToArray());
        }
        Assert.DoesNotContain((await portal.Applications.HistoryAsync(application.Id, Administrator)).Value!, e => e.Kind == StorageEvents.DossierDownloaded);
    }

    [Fact]
    public async Task Dossier_EachLetter_HasItsPdfNextToItsHtmlListedInTheManifestWithSizeAndHash()
    {
        var (application, email) = await SubmittedAsync();

        using var zip = await DossierOfAsync(email, application.Id);

        var html = Assert.Single(zip.Entries, e => e.FullName.StartsWith("letters/", StringComparison.Ordinal) && e.FullName.EndsWith(".html", StringComparison.Ordinal));
        var pdf = Assert.Single(zip.Entries, e => e.FullName == $"letters/{application.Reference}-receipt.pdf");
        using var copy = new MemoryStream();
        await using (var content = pdf.Open())
            await content.CopyToAsync(copy);
        var bytes = copy.ToArray();
        using (var document = UglyToad.PdfPig.PdfDocument.Open(bytes))
            Assert.Contains(application.Reference!, string.Concat(document.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(Text(zip, "manifest.json"));
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == pdf.FullName);
        Assert.Equal(bytes.Length, listed.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), listed.GetProperty("sha256").GetString());
        Assert.Contains(manifest.RootElement.GetProperty("files").EnumerateArray(), f => f.GetProperty("name").GetString() == html.FullName);
        Assert.False(manifest.RootElement.TryGetProperty("not_rendered", out _));
    }

    [Fact]
    public async Task Dossier_Summary_PrintsTheProcedureReferenceApplicantAnswersDocumentsAndTimeline()
    {
        var (application, email) = await SubmittedAsync();

        using var zip = await DossierOfAsync(email, application.Id);

        var html = Text(zip, "dossier.html");
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains(portal.Filing.Definition.Title.Get("fr"), WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains(application.Reference!, html, StringComparison.Ordinal);
        Assert.Contains(application.ApplicantName, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Base légale", html, StringComparison.Ordinal);
        Assert.Contains("class=\"form-print-page\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("documents/", StringComparison.Ordinal) || e.FullName.StartsWith("letters/", StringComparison.Ordinal)))
            Assert.Contains($"href=\"{string.Join('/', entry.FullName.Split('/').Select(Uri.EscapeDataString))}\"", html, StringComparison.Ordinal);
        Assert.Contains("event-submitted", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dossier_Summary_GivesEachLetterItsVerificationCodeAndTheAddressWhereAThirdPartyChecksIt()
    {
        var (application, email) = await SubmittedAsync();
        var rejected = await portal.Filing.RejectedAsync(application, "Pièces illisibles.");
        var codes = (await portal.Applications.IssuedAsync(rejected.Id, Administrator)).Value!
            .Select(l => VerificationCode.TryParse(l.VerificationCode, out var code) ? code.ToString() : "none").ToList();

        using var zip = await DossierOfAsync(email, application.Id);

        var html = WebUtility.HtmlDecode(Text(zip, "dossier.html"));
        Assert.Equal(2, codes.Count);
        var letters = html[html.IndexOf("id=\"letters-title\"", StringComparison.Ordinal)..html.IndexOf("id=\"timeline-title\"", StringComparison.Ordinal)];
        foreach (var code in codes)
            Assert.Contains($"<bdi dir=\"ltr\" class=\"code\">{code}</bdi>", letters, StringComparison.Ordinal);
        Assert.Contains($"en saisissant ce code sur {portal.Applications.VerificationPage.AbsoluteUri}", letters, StringComparison.Ordinal);
        Assert.StartsWith("http", portal.Applications.VerificationPage.AbsoluteUri, StringComparison.Ordinal);
        Assert.EndsWith("/verify", portal.Applications.VerificationPage.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dossier_ReviewersTimeline_HoldsTheirCommentsThatTheApplicantsDoesNot()
    {
        const string Note = "Pièces vérifiées, transmis à l'inspection.";
        var (ownerEmail, owner) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(owner);
        var (agentEmail, agent) = await portal.AccountAsync("desk-agent", application.Province!);
        var approved = await portal.Applications.DecideAsync(application.Id, agent, new WorkflowCommand.Decide(application.Step!, StepAction.Approve, Note));
        Assert.True(approved.Succeeded, approved.ToString());

        using var reviewers = await DossierOfAsync(agentEmail, application.Id);
        using var applicants = await DossierOfAsync(ownerEmail, application.Id);

        var reviewersSummary = WebUtility.HtmlDecode(Text(reviewers, "dossier.html"));
        Assert.Contains("Commentaire de l'intervenant", reviewersSummary, StringComparison.Ordinal);
        Assert.Contains(Note, reviewersSummary, StringComparison.Ordinal);
        Assert.DoesNotContain(Note, WebUtility.HtmlDecode(Text(applicants, "dossier.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dossier_NameFileAndMessageCarryingMarkup_ComeOutAsTextInThePages()
    {
        const string Markup = "<img src=x onerror=alert(1)>";
        var (email, owner) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(owner with { Name = Markup }, Markup + ".pdf");
        Assert.True((await portal.Applications.PostMessageAsync(application.Id, owner, Markup, [])).Succeeded);

        using var zip = await DossierOfAsync(email, application.Id);

        foreach (var page in new[] { "dossier.html", "messages.html" })
        {
            var html = Text(zip, page);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        }
        Assert.All(zip.Entries, e => Assert.DoesNotContain('<', e.FullName));
    }

    [Fact]
    public async Task Dossier_ByAReviewerOfTheProvince_HoldsTheVerifiedAuditAndIsRecordedWithWhoAndWhen()
    {
        var (application, _) = await SubmittedAsync();
        var (email, reviewer) = await portal.AccountAsync("desk-agent", application.Province!);
        using var client = await portal.SignedInAsync(email);
        var before = DateTime.UtcNow.AddSeconds(-1);

        using var response = await client.GetAsync(ApplicationDossier.Url(application.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = await ZipOf(response);
        var audit = Text(zip, "audit.csv");
        Assert.Contains(",dossier_downloaded,", audit, StringComparison.Ordinal);
        Assert.All(audit.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1), l => Assert.EndsWith(",true", l, StringComparison.Ordinal));
        using var manifest = JsonDocument.Parse(Text(zip, "manifest.json"));
        Assert.Equal(reviewer.UserId, manifest.RootElement.GetProperty("requested_by").GetProperty("id").GetString());
        Assert.True(manifest.RootElement.GetProperty("audit").GetProperty("verified").GetBoolean());
        foreach (var file in manifest.RootElement.GetProperty("files").EnumerateArray())
        {
            using var content = zip.GetEntry(file.GetProperty("name").GetString()!)!.Open();
            Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(await SHA256.HashDataAsync(content)));
        }
        var recorded = Assert.Single((await portal.Applications.HistoryAsync(application.Id, Administrator)).Value!, e => e.Kind == StorageEvents.DossierDownloaded);
        Assert.Equal((reviewer.UserId, "desk-agent"), (recorded.ActorId, recorded.ActorRole));
        Assert.InRange(recorded.At, before, DateTime.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Dossier_InArabic_IsASummaryRightToLeftInArabic()
    {
        var (application, email) = await SubmittedAsync();
        using var client = await portal.SignedInAsync(email);
        var token = LivePortal.Hidden(await client.GetStringAsync("/"), "__RequestVerificationToken");
        using (await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["language"] = "ar",
            ["returnUrl"] = "/",
        })))
        {
        }

        using var response = await client.GetAsync(ApplicationDossier.Url(application.Id));

        using var zip = await ZipOf(response);
        var html = Text(zip, "dossier.html");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains(portal.Filing.Definition.Title.Get("ar"), WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("السند القانوني", html, StringComparison.Ordinal);
        Assert.Contains("بإدخال هذا الرمز في الصفحة", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var label = portal.Filing.Definition.Documents.First(d => d.Id == application.Documents[0].DocumentId).Label!.Get("ar");
        Assert.Contains(zip.Entries, e => e.FullName.StartsWith("documents/" + label, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dossier_ByAnotherApplicant_Is404WithNothingOfTheFileAndAudited()
    {
        var (application, _) = await SubmittedAsync();
        var (stranger, strangerActor) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(stranger);

        using var response = await client.GetAsync(ApplicationDossier.Url(application.Id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(application.Reference!, body, StringComparison.Ordinal);
        Assert.False(body.StartsWith("PK", StringComparison.Ordinal));
        var history = (await portal.Applications.HistoryAsync(application.Id, Administrator)).Value!;
        Assert.Contains(history, e => e.Kind == WorkflowEvents.Refused && e.ActorId == strangerActor.UserId && e.Action == "download_dossier");
    }

    [Theory]
    [InlineData("desk-agent", true)]
    [InlineData("employment-directorate", false)]
    public async Task Dossier_ByAReviewerOfAnotherProvinceOrRole_Is404LikeAnUnknownApplication(string role, bool elsewhere)
    {
        var (application, _) = await SubmittedAsync();
        var province = elsewhere ? (application.Province == "rabat" ? "casablanca" : "rabat") : application.Province!;
        var (email, _) = await portal.AccountAsync(role, province);
        using var client = await portal.SignedInAsync(email);

        using var refused = await client.GetAsync(ApplicationDossier.Url(application.Id));
        using var unknown = await client.GetAsync(ApplicationDossier.Url(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(refused.Content.Headers.ContentType?.MediaType, unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Dossier_WithMessages_HoldsTheThreadAndItsFiles()
    {
        var (email, owner) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(owner);
        Assert.True((await portal.Applications.PostMessageAsync(application.Id, owner, "Le contrat signé est joint.",
            [new MessageFile("contrat signé.pdf", new MemoryStream(Filing.Pdf("contrat")))])).Succeeded);

        using var zip = await DossierOfAsync(email, application.Id);

        var thread = Text(zip, "messages.html");
        Assert.Contains("Le contrat signé est joint.", thread, StringComparison.Ordinal);
        Assert.Contains("href=\"messages/01%20-%20contrat%20sign%C3%A9.pdf\"", thread, StringComparison.Ordinal);
        Assert.NotNull(zip.GetEntry("messages/01 - contrat signé.pdf"));
        Assert.Contains("href=\"messages.html\"", Text(zip, "dossier.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dossier_OfAnErasedApplication_SaysWhenItsDataWasErasedWithNoAnswersDocumentsOrLetters()
    {
        var (submitted, email) = await SubmittedAsync();
        var rejected = await portal.Filing.RejectedAsync(submitted, "Règlement de M. Benali non signé");
        Assert.True(await portal.Applications.EraseAsync(rejected.Id, Applications.RetentionEnded));

        using var zip = await DossierOfAsync(email, rejected.Id);

        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(["dossier.html", "manifest.json"], names);
        var html = WebUtility.HtmlDecode(Text(zip, "dossier.html"));
        Assert.Contains("Données effacées le ", html, StringComparison.Ordinal);
        Assert.Contains("(durée de conservation écoulée)", html, StringComparison.Ordinal);
        Assert.Contains(rejected.Reference!, html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"form-print-page\"", html, StringComparison.Ordinal);
        // The applicant's name is gone from the facts (the footer names whoever downloads, here the owner).
        Assert.Contains("<dd dir=\"auto\">Données effacées</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Benali", html, StringComparison.Ordinal);
        Assert.Contains("event-decided", html, StringComparison.Ordinal);
    }
}
