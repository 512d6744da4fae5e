using Bunit;
using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation;
using Microsoft.AspNetCore.Components.Forms;

namespace EmploymentProcedures.Designer.Tests.Forms;

/// <summary>The documents page: limits shown, client-side refusals, the host's callback, progress, replace and remove.</summary>
public sealed class DocumentFieldTests : FormTestContext
{
    private static readonly Lazy<ProcedureDefinition> Definition = new(() => TestForms.Define(
        """      - { id: headcount, type: number, label: { fr: "Effectif", ar: "عدد الأجراء" } }""",
        documents: """
              - { id: statutes, label: { fr: "Statuts", ar: "النظام الأساسي" }, required: true, formats: [pdf, jpg], max_mb: 1 }
              - { id: minutes, label: { fr: "Procès-verbal", ar: "المحضر" }, required: headcount >= 10, formats: [pdf], max_mb: 2, max_files: 3 }
            """));

    private readonly List<(DocumentUpload Upload, int BytesRead)> _uploads = [];

    [Fact]
    public void DocumentsPage_ShowsFormatsSizeAndWhetherRequired()
    {
        var form = OnDocumentsPage("ar");

        Assert.Contains("الصيغ المقبولة: PDF, JPG. الحجم الأقصى: 1 ميغابايت.", form.Find("#f-statutes-help").TextContent, StringComparison.Ordinal);
        Assert.Equal(".pdf,.jpg,.jpeg", form.Find("input#f-statutes").GetAttribute("accept"));
        Assert.Equal("true", form.Find("input#f-statutes").GetAttribute("aria-required"));
        Assert.Contains("(اختياري)", form.Find("label[for=f-minutes]").TextContent, StringComparison.Ordinal);
        Assert.True(form.Find("input#f-minutes").HasAttribute("multiple"));
    }

    [Fact]
    public void Upload_WrongExtension_IsRefusedBeforeAnyByteIsSent()
    {
        var form = OnDocumentsPage();

        form.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromText("MZ...", "setup.exe"));

        Assert.Empty(_uploads);
        Assert.Contains("Le fichier setup.exe n'est pas accepté : formats acceptés PDF, JPG.", form.Find("#f-statutes-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", form.Find("input#f-statutes").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Upload_TooLarge_IsRefusedBeforeAnyByteIsSent()
    {
        var form = OnDocumentsPage();

        form.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromBinary(new byte[(int)(1.5 * 1024 * 1024)], "statuts.pdf"));

        Assert.Empty(_uploads);
        Assert.Contains("Le fichier statuts.pdf fait 1,5 Mo : la taille maximale est 1 Mo.", form.Find("#f-statutes-error").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Upload_Accepted_IsStreamedToTheHostAndListed_ThenReplaced()
    {
        var form = OnDocumentsPage();

        form.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromText("%PDF-1.7 first", "statuts.pdf", contentType: "application/pdf"));
        form.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromText("%PDF-1.7 second version", "statuts-2026.JPEG", contentType: "image/jpeg"));

        Assert.Equal(2, _uploads.Count);
        Assert.Equal(("statutes", "statuts.pdf", "application/pdf", 14L), (_uploads[0].Upload.DocumentId, _uploads[0].Upload.FileName, _uploads[0].Upload.ContentType, _uploads[0].Upload.Size));
        Assert.Equal(14, _uploads[0].BytesRead);
        var attached = Assert.Single(RaisedDocuments!);
        Assert.Equal("statuts-2026.JPEG", attached.FileName);
        Assert.Contains("statuts-2026.JPEG", form.Find(".document__files").TextContent, StringComparison.Ordinal);
        Assert.Contains("Remplacer le fichier", form.Find(".document__action").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", 3 * 1024 * 1024 / 2, "(1,5 Mo)")]
    [InlineData("ar", 3 * 1024 * 1024 / 2, "(1,5 ميغابايت)")]
    [InlineData("en", 3 * 1024 * 1024 / 2, "(1.5 MB)")]
    [InlineData("fr", 60, "(1 Ko)")]
    [InlineData("ar", 250_000, "(245 كيلوبايت)")]
    [InlineData("en", 1024 * 1024 - 1, "(1,024 KB)")]
    public void AttachedFile_ShowsItsSizeInTheFormsLanguage_InKilobytesUnderAMegabyte(string language, long bytes, string size)
    {
        var form = OnDocumentsPage(language, documents: [new AttachedDocument("statutes", "statuts.pdf", bytes, "pdf")]);

        Assert.Equal(size, form.Find(".document__size").TextContent);
    }

    [Fact]
    public void Upload_RefusedByTheHost_ShowsItsMessageInTheFormsLanguage()
    {
        var form = OnDocumentsPage("ar", _ => Task.FromResult(UploadOutcome.Refused(LocalizedText.Of("Le contenu n'est pas un PDF.", "المحتوى ليس ملف PDF."))));

        form.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromText("MZ renamed executable", "statuts.pdf"));

        Assert.Contains("المحتوى ليس ملف PDF.", form.Find("#f-statutes-error").TextContent, StringComparison.Ordinal);
        Assert.Null(RaisedDocuments);
    }

    [Fact]
    public void Remove_TakesTheFileOffAndTheRequiredMessageShows()
    {
        var form = OnDocumentsPage(documents: [new AttachedDocument("statutes", "statuts.pdf", 14, "pdf")]);

        form.Find(".document__file button").Click();

        Assert.Empty(RaisedDocuments!);
        Assert.Empty(form.FindAll(".document__files"));
        Assert.Contains(ValidationMessages.Format("document.required").Get("fr"), form.Find("#f-statutes-error").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_NotReopened_CannotBeChanged()
    {
        var form = Render<ProcedureForm>(p => p
            .Add(f => f.Definition, Definition.Value)
            .Add(f => f.Today, TestForms.Today)
            .Add(f => f.Page, FormPage.DocumentsKey)
            .Add(f => f.Editable, new HashSet<string> { "minutes" }));

        Assert.True(form.Find("input#f-statutes").HasAttribute("disabled"));
        Assert.False(form.Find("input#f-minutes").HasAttribute("disabled"));
    }

    private IRenderedComponent<ProcedureForm> OnDocumentsPage(string language = "fr", Func<DocumentUpload, Task<UploadOutcome>>? upload = null, IReadOnlyList<AttachedDocument>? documents = null)
    {
        var form = RenderForm(Definition.Value, language, upload: upload ?? Store, documents: documents);
        form.Find("form").Submit();
        Assert.NotNull(form.Find("input#f-statutes"));
        return form;
    }

    /// <summary>Stands for the host's store: reads the whole stream as a store would, and accepts the file.</summary>
    private async Task<UploadOutcome> Store(DocumentUpload upload)
    {
        var read = 0;
        var buffer = new byte[4096];
        for (int count; (count = await upload.Content.ReadAsync(buffer)) > 0;)
            read += count;
        _uploads.Add((upload, read));
        var format = Path.GetExtension(upload.FileName).TrimStart('.').ToLowerInvariant();
        return UploadOutcome.Accepted(new AttachedDocument(upload.DocumentId, upload.FileName, read, format == "jpeg" ? "jpg" : format));
    }
}
