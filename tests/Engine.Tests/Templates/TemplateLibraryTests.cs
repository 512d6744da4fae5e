using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Tests.Loading;

namespace EmploymentProcedures.Engine.Tests.Templates;

/// <summary>Reading the templates folder: file names, languages, sizes, encodings, and how findings reach lint.</summary>
public sealed class TemplateLibraryTests : IDisposable
{
    private const string Letter = "<p>{{ application.reference }}</p>";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("templates-");

    public void Dispose() => _directory.Delete(recursive: true);

    private TemplateLibrary Load(params (string File, string Text)[] files)
    {
        foreach (var (file, text) in files)
            File.WriteAllText(Path.Combine(_directory.FullName, file), text);
        return TemplateLibrary.Load(_directory.FullName, "templates");
    }

    [Fact]
    public void Load_TemplateInEveryLanguage_HasNoFindingsAndIsNamedUpToItsFirstDot()
    {
        var library = Load(("notice.fr.html", Letter), ("notice.ar.html", Letter), ("notice.en.html", Letter), (TemplateLibrary.StylesheetFile, "p { margin: 0 }"));

        Assert.Empty(library.Diagnostics);
        Assert.Equal(["notice"], library.Names);
        Assert.Equal(["fr", "ar", "en"], library.LanguagesOf("notice"));
    }

    [Fact]
    public void Load_TemplateWithAnElementThePdfCannotDraw_WarnsAtItsLineAndStillServesTheTemplate()
    {
        var video = "<h1>{{ application.reference }}</h1>\n<p>Voir :</p>\n  <video src=\"x.mp4\"></video>";
        var library = Load(("notice.fr.html", video), ("notice.ar.html", Letter), (TemplateLibrary.StylesheetFile, "p { margin: 0 }"));

        var warning = Assert.Single(library.DiagnosticsOf("notice"));
        Assert.StartsWith("templates/notice.fr.html(3,3): warning EP0508: <video> cannot be drawn in the letter's PDF", warning.ToString(), StringComparison.Ordinal);
        Assert.Contains("bdi", warning.Message, StringComparison.Ordinal);
        Assert.Equal(["fr", "ar"], library.LanguagesOf("notice"));
    }

    [Fact]
    public void Load_RepositoryTemplatesAndLetterheads_UseOnlyWhatThePdfDraws()
    {
        var library = TemplateLibrary.Load(Path.Combine(RepositoryPaths.Procedures, "templates"), "templates");

        Assert.DoesNotContain(library.Diagnostics, d => d.Code == "EP0508");
    }

    [Fact]
    public void Load_TemplateWithoutArabic_ReportsTheMissingFile()
    {
        var library = Load(("notice.fr.html", Letter));

        Assert.Equal(
            "templates/notice.fr.html(1,1): error EP0503: template 'notice' has no Arabic version; add notice.ar.html (every letter needs French and Arabic)",
            Assert.Single(library.DiagnosticsOf("notice")).ToString());
    }

    [Theory]
    [InlineData("notice.html")]
    [InlineData("notice.de.html")]
    [InlineData("notice.fr.htm")]
    [InlineData("notice.fr.html.bak")]
    public void Load_FileNotNamedNameLanguageHtml_IsReported(string file)
    {
        var library = Load(("notice.fr.html", Letter), ("notice.ar.html", Letter), (file, Letter));

        var found = Assert.Single(library.Diagnostics);
        Assert.Equal("EP0505", found.Code);
        Assert.Equal($"templates/{file}", found.Span.File);
    }

    [Fact]
    public void Load_HiddenFile_IsIgnored()
    {
        var library = Load(("notice.fr.html", Letter), ("notice.ar.html", Letter), (".gitkeep", ""), (".notice.fr.html.swp", "x"));

        Assert.Empty(library.Diagnostics);
        Assert.Equal(["notice"], library.Names);
    }

    [Fact]
    public void Load_TemplateOverTheSizeLimit_IsReportedAndNotParsed()
    {
        var library = Load(("notice.fr.html", new string('x', 70_000)), ("notice.ar.html", Letter));

        Assert.Equal(
            "templates/notice.fr.html(1,1): error EP0506: the template is 70,000 bytes; a template may not exceed 65,536 bytes (keep letters short and move repeated markup into the shared stylesheet)",
            Assert.Single(library.Diagnostics).ToString());
        Assert.Equal(["ar"], library.LanguagesOf("notice"));
    }

    [Fact]
    public void Load_TemplateNotInUtf8_IsReportedAtItsLine()
    {
        File.WriteAllBytes(Path.Combine(_directory.FullName, "notice.fr.html"), [.. "<p>\n<p>R"u8, 0xE9, .. "f</p>"u8]);

        var library = Load(("notice.ar.html", Letter));

        Assert.Contains("templates/notice.fr.html(2,1): error EP0002: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8", library.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Load_ProblemInTheStylesheet_ConcernsEveryTemplate()
    {
        var library = Load(("notice.fr.html", Letter), ("notice.ar.html", Letter), (TemplateLibrary.StylesheetFile, new string('x', 70_000)));

        Assert.Equal("EP0506", Assert.Single(library.DiagnosticsOf("notice")).Code);
        Assert.Equal("templates/document.css", library.Diagnostics[0].Span.File);
        Assert.DoesNotContain(TemplateLibrary.StylesheetFile.Split('.')[0], library.Names);
    }

    [Fact]
    public void Render_LetterWithTheLetterhead_HasTheOneOfItsLanguage_AndEnglishFallsBackToFrench()
    {
        var renderer = new DocumentRenderer(Load(
            ("notice.fr.html", "{{ letterhead }}<p>{{ application.reference }}</p>"), ("notice.ar.html", "{{ letterhead }}"), ("notice.en.html", "{{ letterhead }}"),
            ("letterhead.fr.html", "<header>Royaume du Maroc</header>"), ("letterhead.ar.html", "<header>المملكة المغربية</header>")));

        Assert.Equal($"<header>Royaume du Maroc</header><p>{Sandbox.Model.Application.Reference}</p>", Letters.Html(renderer.Render("notice", Sandbox.Model)));
        Assert.Equal("<header>المملكة المغربية</header>", Letters.Html(renderer.Render("notice", Sandbox.Model with { Language = "ar" })));
        Assert.Equal("<header>Royaume du Maroc</header>", Letters.Html(renderer.Render("notice", Sandbox.Model with { Language = "en" })));
    }

    [Fact]
    public void Load_Letterhead_IsNoTemplateAProcedureCanIssue()
    {
        var library = Load(("notice.fr.html", Letter), ("notice.ar.html", Letter), ("letterhead.fr.html", "<header></header>"), ("letterhead.ar.html", "<header></header>"));

        Assert.Empty(library.Diagnostics);
        Assert.Equal(["notice"], library.Names);
    }

    [Fact]
    public void Load_LetterheadWithATemplateTag_IsReportedAtTheTag_ForEveryTemplate()
    {
        var library = Load(("notice.fr.html", Letter), ("notice.ar.html", Letter),
            ("letterhead.fr.html", "<header>\n  <p>{{ application.reference }}</p>\n</header>"), ("letterhead.ar.html", "<header></header>"));

        Assert.Equal(
            "templates/letterhead.fr.html(2,6): error EP0507: 'letterhead.fr.html' is written into every letter as it is: it holds no {{ ... }} tags (a value of the application belongs in the letter's own template)",
            Assert.Single(library.DiagnosticsOf("notice")).ToString());
    }

    [Fact]
    public void Load_LetterheadWithoutArabic_IsReportedForEveryTemplate()
    {
        var library = Load(("notice.fr.html", Letter), ("notice.ar.html", Letter), ("letterhead.fr.html", "<header></header>"));

        Assert.Equal(
            "templates/letterhead.fr.html(1,1): error EP0503: template 'letterhead' has no Arabic version; add letterhead.ar.html (every letter needs French and Arabic)",
            Assert.Single(library.DiagnosticsOf("notice")).ToString());
        Assert.Equal(["notice"], library.Names);
    }

    [Fact]
    public void Render_TemplateWithErrors_IsRefusedWithItsFirstError()
    {
        var renderer = new DocumentRenderer(Load(("notice.fr.html", "{{ application.refrence }}"), ("notice.ar.html", Letter)));

        var message = Letters.Failure(renderer.Render("notice", Sandbox.Model));

        Assert.Equal("template 'notice' (fr) has errors and is not rendered; run 'procedures lint': templates/notice.fr.html(1,16): error EP0502: 'application' has no 'refrence' (did you mean 'reference'?); it has: applicant, due_on, reference, status, submitted_on", message);
    }

    [Fact]
    public void Render_LanguageTheTemplateLacks_FailsNamingTheFile()
    {
        var renderer = new DocumentRenderer(Load(("notice.fr.html", Letter), ("notice.ar.html", Letter)));

        var message = Letters.Failure(renderer.Render("notice", Sandbox.Model with { Language = "en" }));

        Assert.Equal("template 'notice' has no English version (notice.en.html)", message);
    }

    [Fact]
    public void Lint_ProcedureUsingABrokenTemplate_ReportsTheTemplatesFindings()
    {
        var templates = Load(("receipt.fr.html", "<p>{{ application.numero }}</p>"), ("receipt.ar.html", Letter), ("unused.fr.html", "{{ nope }}"), ("unused.ar.html", Letter),
            ("decision-approved.fr.html", Letter), ("decision-approved.ar.html", Letter), ("decision-rejected.fr.html", Letter), ("decision-rejected.ar.html", Letter),
            ("changes-requested.fr.html", Letter), ("changes-requested.ar.html", Letter));
        var library = TestLibrary.Library.WithTemplates(templates);

        var result = new ProcedureLoader(library).LoadFile(Path.Combine(RepositoryPaths.Procedures, "foreign-worker-contract-visa.yaml"));

        Assert.True(result.HasErrors);
        Assert.Equal(["templates/receipt.fr.html(1,19): error EP0502: 'application' has no 'numero'; it has: applicant, due_on, reference, status, submitted_on"], result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(2, library.Diagnostics.Count(d => d.Code == "EP0502"));
    }

    [Fact]
    public void Repository_EveryTemplate_ExistsInFrenchArabicAndEnglish()
    {
        var templates = Letters.Catalog.Library.DocumentTemplates;

        Assert.Equal(["acknowledgement", "changes-requested", "decision-approved", "decision-rejected", "receipt"], templates.Names.Order(StringComparer.Ordinal));
        Assert.All(templates.Names, name => Assert.Equal(["fr", "ar", "en"], templates.LanguagesOf(name)));
        Assert.Empty(templates.Diagnostics);
    }

    [Theory]
    [InlineData("receipt", "fr", "Royaume du Maroc")]
    [InlineData("decision-approved", "ar", "المملكة المغربية")]
    [InlineData("acknowledgement", "en", "Kingdom of Morocco")]
    public void Repository_EveryLetter_OpensWithTheMinistrysLetterheadInItsLanguage(string template, string language, string kingdom)
    {
        var model = Letters.Model(Letters.Visa, "refused-after-examination", language);

        var html = Letters.Html(Letters.Renderer.Render(template, model));

        var header = html.IndexOf("<header class=\"ministry\">", StringComparison.Ordinal);
        Assert.True(header > html.IndexOf("<body>", StringComparison.Ordinal) && header < html.IndexOf("<main>", StringComparison.Ordinal), html);
        Assert.Equal(html.IndexOf(kingdom, StringComparison.Ordinal), html.IndexOf("<p>", header, StringComparison.Ordinal) + "<p>".Length);
    }

    [Fact]
    public void Repository_Stylesheet_PrintsOnA4AndFollowsTheTextDirection()
    {
        var css = File.ReadAllText(Path.Combine(Support.Repository.Procedures, "templates", TemplateLibrary.StylesheetFile));

        Assert.Contains("@media print", css, StringComparison.Ordinal);
        Assert.Contains("size: A4", css, StringComparison.Ordinal);
        Assert.DoesNotContain("margin-left", css, StringComparison.Ordinal);
        Assert.DoesNotContain("text-align: left", css, StringComparison.Ordinal);
    }

    [Fact]
    public void DiagnosticsOf_OtherTemplate_HasNoneOfThisTemplatesFindings()
    {
        var library = Load(("notice.fr.html", "{{ nope }}"), ("notice.ar.html", Letter));

        Assert.NotEmpty(library.DiagnosticsOf("notice"));
        Assert.Empty(library.DiagnosticsOf("other"));
    }
}
