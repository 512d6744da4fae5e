using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EmploymentProcedures.Engine.Archiving;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Tests.Storage;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Archiving;

/// <summary>An application's whole file as one ZIP: what goes in, under which names, its manifest and who gets the audit.</summary>
public sealed class DossierArchiveTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Karim = TestStore.DeskAgent("karim", "casablanca");

    /// <summary>Pages that name every file the layout put next to them, as the host's pages link to them.</summary>
    private static readonly DossierPages Pages = new(
        (layout, stream, token) => stream.WriteAsync(Encoding.UTF8.GetBytes("<p>" + string.Join("|", layout.Documents.Select(d => d.Name)) + "</p>"), token).AsTask(),
        (layout, stream, token) => stream.WriteAsync(Encoding.UTF8.GetBytes("<p>" + string.Join("|", layout.MessageFiles.Select(d => d.Name)) + "</p>"), token).AsTask());

    private static async Task<ZipArchive> ArchiveAsync(TestStore store, Guid id, Actor actor)
    {
        var dossier = await store.Applications.DossierAsync(id, actor);
        Assert.True(dossier.Succeeded, dossier.Refusal?.ToString());
        // A stream that cannot seek, as a response body is: the archive is written forward only.
        var buffer = new MemoryStream();
        await DossierArchive.WriteAsync(DossierLayout.Of(dossier.Value!), Pages, new ForwardOnly(buffer));
        buffer.Position = 0;
        return new ZipArchive(buffer, ZipArchiveMode.Read);
    }

    [Fact]
    public async Task Archive_OfASubmittedApplication_HoldsTheSummaryDocumentsLettersAndAManifestThatMatchesEveryEntry()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        using var zip = await ArchiveAsync(store, app.Id, Karim);

        Assert.Equal(
            ["dossier.html", "documents/Passeport - passport.pdf", $"letters/{app.Reference}-receipt.fr.html", "audit.csv", "manifest.json"],
            zip.Entries.Select(e => e.FullName));
        Assert.Equal(TestStore.Pdf(), ZipEntries.Read(zip.GetEntry("documents/Passeport - passport.pdf")!));
        using var manifest = JsonDocument.Parse(ZipEntries.Read(zip.GetEntry("manifest.json")!));
        var root = manifest.RootElement;
        Assert.Equal((app.Id.ToString("D"), app.Reference), (root.GetProperty("application").GetString(), root.GetProperty("reference").GetString()));
        var definition = root.GetProperty("definition");
        Assert.Equal(("store-visa", 1), (definition.GetProperty("id").GetString(), definition.GetProperty("version").GetInt32()));
        Assert.Equal((await store.Definitions.GetAsync("store-visa", 1))!.ContentHash, definition.GetProperty("sha256").GetString());
        Assert.Equal(("karim", "desk-agent"), (root.GetProperty("requested_by").GetProperty("id").GetString(), root.GetProperty("requested_by").GetProperty("role").GetString()));
        Assert.Equal("2026-03-02", root.GetProperty("generated_at").GetString()![..10]);
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(zip.Entries.Select(e => e.FullName).Where(n => n != "manifest.json"), files.Select(f => f.GetProperty("name").GetString()));
        foreach (var file in files)
        {
            var bytes = ZipEntries.Read(zip.GetEntry(file.GetProperty("name").GetString()!)!);
            Assert.Equal(bytes.Length, file.GetProperty("size").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.GetProperty("sha256").GetString());
        }
        Assert.Empty(root.GetProperty("missing").EnumerateArray());
    }

    [Fact]
    public async Task Dossier_Letters_CarryTheVerificationCodePrintedOnEachForTheSummaryToList()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        var dossier = (await store.Applications.DossierAsync(app.Id, Amina)).Value!;

        var receipt = Assert.Single(dossier.Letters);
        var issued = Assert.Single((await store.Applications.IssuedAsync(app.Id, Amina)).Value!);
        Assert.NotNull(issued.VerificationCode);
        Assert.Equal(issued.VerificationCode, receipt.Letter.VerificationCode);
        Assert.True(VerificationCode.TryParse(receipt.Letter.VerificationCode, out var code));
        Assert.Contains($">{code}</bdi>", Encoding.UTF8.GetString(receipt.Content.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_PdfAndSummary_PdfIsStoredAsItIsAndTheSummaryDeflated()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        using var zip = await ArchiveAsync(store, app.Id, Amina);

        var pdf = zip.GetEntry("documents/Passeport - passport.pdf")!;
        Assert.Equal(pdf.Length, pdf.CompressedLength);
        var letter = zip.Entries.Single(e => e.FullName.StartsWith("letters/", StringComparison.Ordinal));
        Assert.True(letter.CompressedLength < letter.Length, $"{letter.CompressedLength} of {letter.Length}");
    }

    [Fact]
    public async Task Archive_TwoFilesWhoseNamesDifferOnlyByCase_StayTwoDistinctEntries()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        Assert.True((await store.Applications.AttachDocumentAsync(draft.Id, Amina, "annexes", "Scan.pdf", new MemoryStream(TestStore.Pdf("one")))).Succeeded);
        Assert.True((await store.Applications.AttachDocumentAsync(draft.Id, Amina, "annexes", "scan.pdf", new MemoryStream(TestStore.Pdf("two")))).Succeeded);
        Assert.True((await store.Applications.SubmitAsync(draft.Id, Amina)).Succeeded);

        using var zip = await ArchiveAsync(store, draft.Id, Amina);

        Assert.Equal(TestStore.Pdf("one"), ZipEntries.Read(zip.GetEntry("documents/Annexes - Scan.pdf")!));
        Assert.Equal(TestStore.Pdf("two"), ZipEntries.Read(zip.GetEntry("documents/Annexes - scan (2).pdf")!));
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "pdf", "documents/etc passwd.pdf")]
    [InlineData("..\\..\\windows\\system.ini", "pdf", "documents/windows system.ini.pdf")]
    [InlineData("C:\\temp\\a:b*c?\"d\"<e>|f.PDF", "pdf", "documents/C temp a b c d e f.PDF")]
    [InlineData("photo\u202Egpj.exe", "jpg", "documents/photogpj.exe.jpg")]
    [InlineData("scan.jpeg", "jpg", "documents/scan.jpeg")]
    [InlineData("...", "png", "documents/document.png")]
    [InlineData("CON", "pdf", "documents/_CON.pdf")]
    [InlineData("nul.txt", "pdf", "documents/_nul.txt.pdf")]
    [InlineData("Com1 .pdf", "pdf", "documents/_Com1.pdf")]
    [InlineData("lpt9", "html", "documents/_lpt9.html")]
    [InlineData("console.pdf", "pdf", "documents/console.pdf")]
    public void Names_OfAFileNamedWithPathOrHiddenCharacters_AreOneSafeEntryWithTheStoresExtension(string name, string format, string expected)
    {
        var names = new DossierNames();

        var taken = names.Take("documents/", name, format);

        Assert.Equal(expected, taken);
        Assert.DoesNotContain("..", taken, StringComparison.Ordinal);
        Assert.DoesNotContain('\\', taken);
        Assert.Single(taken, '/');
    }

    [Fact]
    public void Names_ALongNameTakenTwice_IsCutAndKeepsItsExtensionAndItsNumber()
    {
        var names = new DossierNames();
        var longName = new string('ع', 300) + ".pdf";

        var first = names.Take("documents/", longName, "pdf");
        var second = names.Take("documents/", longName, "pdf");

        Assert.True(first.Length - "documents/".Length <= DossierNames.MaxLength, first);
        Assert.EndsWith(".pdf", first, StringComparison.Ordinal);
        Assert.EndsWith(" (2).pdf", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_ForTheApplicant_HasNoAuditAndRecordsNoDownload()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        using var zip = await ArchiveAsync(store, app.Id, Amina);

        Assert.Null(zip.GetEntry("audit.csv"));
        using var manifest = JsonDocument.Parse(ZipEntries.Read(zip.GetEntry("manifest.json")!));
        Assert.False(manifest.RootElement.TryGetProperty("audit", out _));
        Assert.DoesNotContain(await store.AuditAsync(), a => a.Kind == StorageEvents.DossierDownloaded);
    }

    [Fact]
    public async Task Archive_ForAReviewer_RecordsTheDownloadAndHoldsTheAuditWithEveryEntryVerified()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        using var zip = await ArchiveAsync(store, app.Id, Karim);

        var downloaded = Assert.Single(await store.AuditAsync(), a => a.Kind == StorageEvents.DossierDownloaded);
        Assert.Equal(("karim", app.Id), (downloaded.ActorId, downloaded.ApplicationId));
        var lines = Encoding.UTF8.GetString(ZipEntries.Read(zip.GetEntry("audit.csv")!)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("sequence,at_utc,actor_id", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains(",submitted,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",karim,", StringComparison.Ordinal) && l.Contains(",dossier_downloaded,", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",true", l, StringComparison.Ordinal));
        using var manifest = JsonDocument.Parse(ZipEntries.Read(zip.GetEntry("manifest.json")!));
        Assert.True(manifest.RootElement.GetProperty("audit").GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task Archive_AfterAnAuditEntryWasRewritten_SaysWhichEntryDidNotVerify()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        await store.SqlAsync($"UPDATE Audit SET ActorName = 'Quelqu''un d''autre' WHERE Kind = 'submitted'");

        using var zip = await ArchiveAsync(store, app.Id, Karim);

        var lines = Encoding.UTF8.GetString(ZipEntries.Read(zip.GetEntry("audit.csv")!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.EndsWith(",false", Assert.Single(lines, l => l.Contains(",submitted,", StringComparison.Ordinal)), StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(ZipEntries.Read(zip.GetEntry("manifest.json")!));
        Assert.False(manifest.RootElement.GetProperty("audit").GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task Archive_WithMessages_HoldsTheThreadPageAndEachMessageFile()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        Assert.True((await store.Applications.PostMessageAsync(app.Id, Amina, "Voici le contrat.", [new MessageFile("contrat.pdf", new MemoryStream(TestStore.Pdf("contrat")))])).Succeeded);
        Assert.True((await store.Applications.PostMessageAsync(app.Id, Karim, "Merci, et la photo ?", [new MessageFile("photo.png", new MemoryStream(TestStore.Png()))])).Succeeded);

        using var zip = await ArchiveAsync(store, app.Id, Amina);

        Assert.Equal(TestStore.Pdf("contrat"), ZipEntries.Read(zip.GetEntry("messages/01 - contrat.pdf")!));
        Assert.Equal(TestStore.Png(), ZipEntries.Read(zip.GetEntry("messages/02 - photo.png")!));
        Assert.Equal("<p>messages/01 - contrat.pdf|messages/02 - photo.png</p>", Encoding.UTF8.GetString(ZipEntries.Read(zip.GetEntry("messages.html")!)));
    }

    [Fact]
    public async Task Archive_WhenTheStoreLostAFile_ListsItAsMissingAndWritesTheRest()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(store.Folder, "documents"), "*", SearchOption.AllDirectories))
            File.Delete(file);

        using var zip = await ArchiveAsync(store, app.Id, Amina);

        Assert.Null(zip.GetEntry("documents/Passeport - passport.pdf"));
        Assert.NotNull(zip.GetEntry("dossier.html"));
        using var manifest = JsonDocument.Parse(ZipEntries.Read(zip.GetEntry("manifest.json")!));
        Assert.Equal("documents/Passeport - passport.pdf", Assert.Single(manifest.RootElement.GetProperty("missing").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Dossier_ForAnotherApplicantOrAReviewerOfAnotherProvince_IsRefusedLikeAnUnknownApplicationAndAudited()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        var stranger = await store.Applications.DossierAsync(app.Id, TestStore.Applicant("omar"));
        var elsewhere = await store.Applications.DossierAsync(app.Id, TestStore.DeskAgent("leila", "rabat"));
        var unknown = await store.Applications.DossierAsync(Guid.NewGuid(), Amina);

        Assert.Equal(unknown.Refusal!.Code, stranger.Refusal!.Code);
        Assert.Equal(unknown.Refusal.Code, elsewhere.Refusal!.Code);
        Assert.Contains(await store.AuditAsync(), a => a is { Kind: WorkflowEvents.Refused, ActorId: "leila" } && a.ApplicationId == app.Id);
        Assert.DoesNotContain(await store.AuditAsync(), a => a.Kind == StorageEvents.DossierDownloaded);
    }

    [Fact]
    public async Task Dossier_OfADraft_IsTheApplicantsOnlyNotTheReviewers()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);

        Assert.True((await store.Applications.DossierAsync(draft.Id, Amina)).Succeeded);
        Assert.False((await store.Applications.DossierAsync(draft.Id, Karim)).Succeeded);
    }
}
