using EmploymentProcedures.Cli;

namespace EmploymentProcedures.Designer.Tests;

/// <summary><c>procedures render</c>: an analyst previews a letter for a definition and answers.</summary>
public sealed class RenderCommandTests : IDisposable
{
    private readonly string _directory;
    private readonly string _definition;
    private readonly string _answers;

    public RenderCommandTests()
    {
        _directory = Path.Combine(Path.GetTempPath(), "procedures-render-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(RepositoryRoot(), "procedures");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => Path.GetDirectoryName(f) != source || Path.GetFileName(f) is "roles.yaml" or "categories.yaml"))
        {
            var target = Path.Combine(_directory, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Run("new", "sample", "--directory", _directory);
        _definition = Path.Combine(_directory, "sample.yaml");
        _answers = Path.Combine(_directory, "answers.yaml");
        File.WriteAllText(_answers, """
            answers:
              employer: { company_name: "Atlas Textile SARL", legal_form: sarl }
              subject: "Demande <urgente>"
              declaration: true
            documents: [supporting_document]
            """);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Render_ReceiptInArabic_PrintsARightToLeftDocumentWithTheAnswers()
    {
        var (exit, output, error) = Run("render", _definition, _answers, "--template", "receipt", "--lang", "ar", "--reference", "TST-2026-000042", "--applicant", "Atlas Textile SARL");

        Assert.Equal(ProceduresCommand.Success, exit);
        Assert.Empty(error);
        Assert.StartsWith("<!DOCTYPE html>", output, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", output, StringComparison.Ordinal);
        Assert.Contains("TST-2026-000042", output, StringComparison.Ordinal);
        Assert.Contains("Atlas Textile SARL", output, StringComparison.Ordinal);
        Assert.Contains("شركة ذات مسؤولية محدودة", output, StringComparison.Ordinal);
        Assert.Contains("Demande &lt;urgente&gt;", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RejectionWithOut_WritesTheFileWithTheReason()
    {
        var file = Path.Combine(_directory, "rejet.html");

        var (exit, output, _) = Run("render", _definition, _answers, "--template", "decision-rejected", "--out", file, "--comment", "Pièce justificative illisible.", "--date", "2026-03-02");

        Assert.Equal(ProceduresCommand.Success, exit);
        Assert.StartsWith($"wrote {file}", output, StringComparison.Ordinal);
        var html = File.ReadAllText(file);
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains("Pièce justificative illisible.", html, StringComparison.Ordinal);
        Assert.Contains("2 mars 2026", html, StringComparison.Ordinal);
        Assert.Contains("Délégué provincial de l&#39;emploi", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "Aperçu : ce code est un exemple.")]
    [InlineData("ar", "معاينة: هذا الرمز مجرد مثال.")]
    [InlineData("en", "Preview: this code is a sample.")]
    public void Render_Letter_EndsWithTheVerificationBlockCarryingASampleCodeItSaysIsOne(string language, string note)
    {
        var (exit, output, _) = Run("render", _definition, _answers, "--template", "receipt", "--lang", language);

        Assert.Equal(ProceduresCommand.Success, exit);
        var block = output.IndexOf("<aside class=\"verification\"", StringComparison.Ordinal);
        Assert.True(block > 0, "no verification block");
        Assert.True(block < output.LastIndexOf("</body>", StringComparison.Ordinal), "the block is not inside the page");
        Assert.Contains($"lang=\"{language}\" dir=\"{(language == "ar" ? "rtl" : "ltr")}\"", output[block..], StringComparison.Ordinal);
        Assert.Contains(">0000-0000-0000-0000-0000</bdi>", output, StringComparison.Ordinal);
        Assert.Contains(note, System.Net.WebUtility.HtmlDecode(output), StringComparison.Ordinal);
        Assert.Contains("<svg", output[block..], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RequestForChanges_NamesTheReopenedDocument()
    {
        var (exit, output, _) = Run("render", _definition, _answers, "--template", "changes-requested", "--lang", "en");

        Assert.Equal(ProceduresCommand.Success, exit);
        Assert.Contains("<li>Supporting document</li>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownTemplate_ExitsTwoWithASuggestion()
    {
        var (exit, output, error) = Run("render", _definition, _answers, "--template", "reciept");

        Assert.Equal(ProceduresCommand.UsageOrIo, exit);
        Assert.Empty(output);
        Assert.Contains("unknown template 'reciept' (did you mean 'receipt'?)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownLanguage_ExitsTwo()
    {
        var (exit, _, error) = Run("render", _definition, _answers, "--template", "receipt", "--lang", "de");

        Assert.Equal(ProceduresCommand.UsageOrIo, exit);
        Assert.Contains("unknown language 'de'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TemplateWithAnError_PrintsItsLocationAndExitsOne()
    {
        var template = Path.Combine(_directory, "templates", "receipt.fr.html");
        File.WriteAllText(template, "<p>{{ application.numero }}</p>\n");

        var (exit, output, error) = Run("render", _definition, _answers, "--template", "receipt");

        Assert.Equal(ProceduresCommand.Findings, exit);
        Assert.Empty(output);
        Assert.Matches(@"receipt\.fr\.html\(1,19\): error EP0502: 'application' has no 'numero'", error);
    }

    [Fact]
    public void Lint_TemplateWithAnError_IsReportedOnceForTheFolder()
    {
        File.WriteAllText(Path.Combine(_directory, "templates", "receipt.fr.html"), "<p>{{ application.numero }}</p>\n");
        Run("new", "second", "--directory", _directory);

        var (exit, output, _) = Run("lint", _directory);

        Assert.Equal(ProceduresCommand.Findings, exit);
        Assert.Single(output.Split('\n'), line => line.Contains("EP0502", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_TemplatesFolder_ReportsItsLettersProblems()
    {
        File.WriteAllText(Path.Combine(_directory, "templates", "notice.fr.html"), "<p>{{ application.reference }}</p>\n");

        var (exit, output, _) = Run("lint", Path.Combine(_directory, "templates"));

        Assert.Equal(ProceduresCommand.Findings, exit);
        Assert.Contains("notice.fr.html(1,1): error EP0503: template 'notice' has no Arabic version; add notice.ar.html", output, StringComparison.Ordinal);
        Assert.DoesNotContain("EP0010", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissingTemplateOption_ExitsTwo()
    {
        var (exit, _, error) = Run("render", _definition, _answers);

        Assert.Equal(ProceduresCommand.UsageOrIo, exit);
        Assert.Contains("--template", error, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ProceduresCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string RepositoryRoot()
    {
        for (var directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "EmploymentProcedures.sln")))
                return directory;
        }
        throw new InvalidOperationException("EmploymentProcedures.sln not found");
    }
}
