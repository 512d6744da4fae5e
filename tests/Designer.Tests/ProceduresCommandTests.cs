using EmploymentProcedures.Cli;

namespace EmploymentProcedures.Designer.Tests;

public sealed class ProceduresCommandTests : IDisposable
{
    private readonly string _directory;

    public ProceduresCommandTests()
    {
        // A private procedures folder: the repository's shared files plus whatever each test writes.
        _directory = Path.Combine(Path.GetTempPath(), "procedures-cli-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(RepositoryRoot(), "procedures");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !IsDefinition(source, f)))
        {
            var target = Path.Combine(_directory, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void New_ThenLint_WritesADefinitionThatLintsClean()
    {
        var (created, _, createError) = Run("new", "night-work-derogation", "--directory", _directory);
        var (linted, output, _) = Run("lint", Path.Combine(_directory, "night-work-derogation.yaml"));

        Assert.Equal(ProceduresCommand.Success, created);
        Assert.Empty(createError);
        Assert.Equal(ProceduresCommand.Success, linted);
        Assert.Contains("1 file(s): 0 error(s), 0 warning(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_DefinitionWithAnUnknownRole_PrintsLocatedErrorAndExitsOne()
    {
        Run("new", "sample", "--directory", _directory);
        var file = Path.Combine(_directory, "sample.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("role: desk-agent", "role: desk-agnet", StringComparison.Ordinal));

        var (exit, output, _) = Run("lint", file);

        Assert.Equal(ProceduresCommand.Findings, exit);
        Assert.Matches(@"sample\.yaml\(\d+,\d+\): error EP0204: step 'reception' uses unknown role 'desk-agnet' \(did you mean 'desk-agent'\?\)", output);
    }

    [Fact]
    public void Lint_MissingPath_ExitsTwoWithoutStackTrace()
    {
        var (exit, output, error) = Run("lint", Path.Combine(_directory, "nowhere.yaml"));

        Assert.Equal(ProceduresCommand.UsageOrIo, exit);
        Assert.Contains("no such file or folder", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownCommand_ExitsTwo()
    {
        var (exit, _, error) = Run("lnt");

        Assert.Equal(ProceduresCommand.UsageOrIo, exit);
        Assert.Contains("procedures --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void New_InvalidId_ExitsTwoAndWritesNothing()
    {
        var (exit, _, error) = Run("new", "Night_Work", "--directory", _directory);

        Assert.Equal(ProceduresCommand.UsageOrIo, exit);
        Assert.Contains("not a valid id", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "Night_Work.yaml")));
    }

    [Fact]
    public void Validate_AnswersWithBadIceAndMissingField_PrintsEachPathAndExitsOne()
    {
        Run("new", "sample", "--directory", _directory);
        var answers = Path.Combine(_directory, "answers.yaml");
        File.WriteAllText(answers, """
            answers:
              employer: { ice: "001561191000065" }
              declaration: true
            documents: [supporting_document]
            """);

        var (exit, output, _) = Run("validate", Path.Combine(_directory, "sample.yaml"), answers);

        Assert.Equal(ProceduresCommand.Findings, exit);
        Assert.Contains("employer.ice: ice.checksum:", output, StringComparison.Ordinal);
        Assert.Contains("subject: required:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CompleteJsonAnswers_PrintsValidAndExitsZero()
    {
        Run("new", "sample", "--directory", _directory);
        var answers = Path.Combine(_directory, "answers.json");
        File.WriteAllText(answers, """
            { "answers": {
                "employer": { "company_name": "Atlas Textile SARL", "legal_form": "sarl", "ice": "001561191000066",
                  "rc": { "number": "12345", "court": "casablanca" }, "tax_id": "1234567", "cnss": "1234567",
                  "activity": "Confection", "address": { "street": "12 rue Ibn Batouta", "commune": "Casablanca", "province": "casablanca" },
                  "phone": "0522123456", "email": "contact@atlas.ma", "representative_name": "Amina Alaoui",
                  "representative_cin": "BE123456", "representative_quality": "Gérante" },
                "subject": "Demande", "declaration": true },
              "documents": ["supporting_document"] }
            """);

        var (exit, output, _) = Run("validate", Path.Combine(_directory, "sample.yaml"), answers);

        Assert.Equal(ProceduresCommand.Success, exit);
        Assert.Contains("valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_NewDefinition_RunsItsScenariosAndExitsZero()
    {
        Run("new", "sample", "--directory", _directory);

        var (exit, output, _) = Run("test", Path.Combine(_directory, "sample.yaml"));

        Assert.Equal(ProceduresCommand.Success, exit);
        Assert.Matches(@"(?m)^pass .*sample\.yaml\(\d+,\d+\): \S+: approved$", output);
        Assert.EndsWith("2 passed, 0 failed" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_ScenarioExpectingTheWrongOutcome_PrintsWhyAndExitsOne()
    {
        Run("new", "sample", "--directory", _directory);
        var file = Path.Combine(_directory, "sample.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("expect: { status: approved }", "expect: { status: rejected }", StringComparison.Ordinal));

        var (exit, output, _) = Run("test", file);

        Assert.Equal(ProceduresCommand.Findings, exit);
        Assert.Contains("expected status rejected, got approved", output, StringComparison.Ordinal);
        Assert.Contains("1 passed, 1 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_DefinitionWithErrors_FailsWithItsDiagnostics()
    {
        Run("new", "sample", "--directory", _directory);
        var file = Path.Combine(_directory, "sample.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("role: desk-agent", "role: desk-agnet", StringComparison.Ordinal));

        var (exit, output, _) = Run("test", file);

        Assert.Equal(ProceduresCommand.Findings, exit);
        Assert.Contains("error EP0204", output, StringComparison.Ordinal);
        Assert.Contains("0 passed, 1 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TodayNotADate_ExitsTwo()
    {
        Run("new", "sample", "--directory", _directory);
        var answers = Path.Combine(_directory, "answers.yaml");
        File.WriteAllText(answers, "answers: {}\n");

        var (exit, _, error) = Run("validate", Path.Combine(_directory, "sample.yaml"), answers, "--today", "29/11/2026");

        Assert.Equal(ProceduresCommand.UsageOrIo, exit);
        Assert.Contains("--today must be a date written YYYY-MM-DD", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_DefinitionWithItself_PrintsNoChangeAndExitsZero()
    {
        Run("new", "sample", "--directory", _directory);
        var file = Path.Combine(_directory, "sample.yaml");

        var (exit, output, _) = Run("diff", file, file);

        Assert.Equal(ProceduresCommand.Success, exit);
        Assert.Equal("no change" + Environment.NewLine, output);
    }

    [Fact]
    public void Diff_DraftNarrowingAFieldAndRetitlingAPage_PrintsBothInAreaOrderAndExitsOne()
    {
        var (published, draft) = PublishedAndDraft(
            ("max_length: 2000", "max_length: 500"),
            ("title: { fr: \"Demande\", ar:", "title: { fr: \"La demande\", ar:"));

        var (exit, output, _) = Run("diff", published, draft);

        Assert.Equal(ProceduresCommand.Findings, exit);
        Assert.Equal(
            [
                "  section changed sections.request",
                "    title.fr: Demande → La demande",
                "! field changed request.subject",
                "    max_length: 2000 → 500",
                "    breaks: Des réponses déjà enregistrées pourraient sortir de la nouvelle limite (max_length) et être refusées au dépôt.",
                "2 change(s), 1 breaking applications already submitted (they stay on their version)",
                "drafts: Les brouillons passent à cette version à leur prochaine ouverture et seront déposés selon elle ; ils n'y perdent aucune réponse ni aucun fichier.",
            ],
            output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Diff_InArabic_PrintsTheReasonsInArabic()
    {
        var (published, draft) = PublishedAndDraft(("formats: [pdf]", "formats: [docx]"));

        var (exit, output, _) = Run("diff", published, draft, "--lang", "ar");

        Assert.Equal(ProceduresCommand.Findings, exit);
        Assert.Contains("    breaks: ستُرفض عند الإيداع الملفات المرفقة سابقا بصيغة pdf.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_DraftWithErrors_PrintsThemAndExitsTwo()
    {
        var (published, draft) = PublishedAndDraft(("role: desk-agent", "role: desk-agnet"));

        var (exit, output, error) = Run("diff", published, draft);

        Assert.Equal(ProceduresCommand.UsageOrIo, exit);
        Assert.Empty(output);
        Assert.Contains("error EP0204", error, StringComparison.Ordinal);
        Assert.Contains("fix them before comparing", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--lang", "de")]
    [InlineData("nowhere.yaml", null)]
    public void Diff_UnknownLanguageOrMissingFile_ExitsTwo(string argument, string? value)
    {
        Run("new", "sample", "--directory", _directory);
        var file = Path.Combine(_directory, "sample.yaml");
        string[] args = value is null ? ["diff", Path.Combine(_directory, argument), file] : ["diff", file, file, argument, value];

        var (exit, output, error) = Run(args);

        Assert.Equal(ProceduresCommand.UsageOrIo, exit);
        Assert.Empty(output);
        Assert.Matches("unknown language 'de'|no such file", error);
    }

    /// <summary>A published copy under another name (as 'git show' would write it) and the draft, edited.</summary>
    private (string Published, string Draft) PublishedAndDraft(params (string From, string To)[] edits)
    {
        Run("new", "sample", "--directory", _directory);
        var draft = Path.Combine(_directory, "sample.yaml");
        var published = Path.Combine(_directory, "sample.published.yaml");
        File.Copy(draft, published);
        var text = File.ReadAllText(draft);
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        File.WriteAllText(draft, text);
        return (published, draft);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ProceduresCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static bool IsDefinition(string source, string file) =>
        Path.GetDirectoryName(file) == source && file.EndsWith(".yaml", StringComparison.Ordinal)
        && Path.GetFileName(file) is not ("roles.yaml" or "categories.yaml" or "calendar.yaml");

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
