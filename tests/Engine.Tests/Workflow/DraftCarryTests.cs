using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Tests.Authoring;
using EmploymentProcedures.Engine.Tests.Loading;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Workflow;

/// <summary>What a draft keeps when it moves to a newer version of its definition, on small definitions loaded by the real loader.</summary>
public sealed class DraftCarryTests
{
    /// <summary>The change list's test definition, with a multichoice field and a second member in the group's rows.</summary>
    private static readonly string Version1 = Edit(DefinitionChangesTests.Published,
        ("      - { id: start_date,", string.Join("\n",
            "      - id: days",
            "        type: multichoice",
            "        label: { fr: \"Jours\", ar: \"الأيام\" }",
            "        options:",
            "          - { value: mon, label: { fr: \"Lundi\", ar: \"الاثنين\" } }",
            "          - { value: sat, label: { fr: \"Samedi\", ar: \"السبت\" } }",
            "          - { value: sun, label: { fr: \"Dimanche\", ar: \"الأحد\" } }",
            "      - { id: start_date,")),
        ("          - { id: name, type: text, required: true, label: { fr: \"Nom\", ar: \"الاسم\" } }", string.Join("\n",
            "          - { id: name, type: text, required: true, label: { fr: \"Nom\", ar: \"الاسم\" } }",
            "          - { id: age, type: number, label: { fr: \"Âge\", ar: \"السن\" } }")));

    private static readonly EvaluationContext Today = new(new DateOnly(2026, 11, 28));

    private static readonly Answers Draft = Answers.From(new Dictionary<string, object?>
    {
        ["employer"] = new Dictionary<string, object?> { ["company_name"] = "Atlas Textile SARL", ["ice"] = "001234567000089" },
        ["contract_type"] = "cdd",
        ["days"] = new List<object?> { "mon", "sun" },
        ["salary"] = "4200",
        ["note"] = "Saisonnier",
        ["children"] = new List<object?>
        {
            new Dictionary<string, object?> { ["name"] = "Sara", ["age"] = "7" },
            new Dictionary<string, object?> { ["name"] = "Adam", ["age"] = "4" },
        },
    });

    private static readonly IReadOnlyList<AttachedDocument> Files =
    [
        new("contract_copy", "contrat.jpg", 2048, "jpg"),
        new("cv", "cv.pdf", 1024, "pdf"),
    ];

    [Fact]
    public void Carry_OnlyTextsChanged_KeepsEveryAnswerAndFileAsTheyWere()
    {
        var carried = Carry(("Demande d'essai", "Demande d'essai révisée"));

        Assert.Same(Draft, carried.Answers);
        Assert.Same(Files, carried.Documents);
        Assert.Empty(carried.DroppedAnswers);
        Assert.Empty(carried.DroppedDocuments);
        Assert.Empty(carried.RequiredFields);
        Assert.Empty(carried.RequiredDocuments);
    }

    [Fact]
    public void Carry_FieldRemoved_DropsItsAnswerByPathAndKeepsTheOthers()
    {
        var carried = Carry(("""      - { id: note, type: text, max_length: 200, label: { fr: "Note", ar: "ملاحظة" } }""" + "\n", ""));

        Assert.Equal(["note"], carried.DroppedAnswers);
        Assert.Null(carried.Answers["note"]);
        Assert.Equal("4200", carried.Answers["salary"]);
        Assert.Equal("Atlas Textile SARL", carried.Answers.Get("employer.company_name"));
    }

    [Fact]
    public void Carry_FieldTypeChanged_DropsTheAnswer()
    {
        var carried = Carry(("{ id: salary, type: money,", "{ id: salary, type: number,"));

        Assert.Equal(["salary"], carried.DroppedAnswers);
        Assert.Null(carried.Answers["salary"]);
    }

    [Fact]
    public void Carry_NarrowerLimit_KeepsTheAnswerForTheSubmissionToCheck()
    {
        var carried = Carry(("min: 0, max: 100000", "min: 5000, max: 100000"));

        Assert.Empty(carried.DroppedAnswers);
        Assert.Equal("4200", carried.Answers["salary"]);
    }

    [Fact]
    public void Carry_ChoiceNoLongerOffered_DropsTheChoiceAndNamesTheField()
    {
        var carried = Carry(("""- { value: cdd, label: { fr: "CDD", ar: "عقد محدد المدة" } }""", "# withdrawn"));

        Assert.Contains("contract_type", carried.DroppedAnswers);
        Assert.Null(carried.Answers["contract_type"]);
    }

    [Fact]
    public void Carry_MultichoiceLosesOneOption_KeepsTheOthersChosen()
    {
        var carried = Carry(("""- { value: sun, label: { fr: "Dimanche", ar: "الأحد" } }""", "# withdrawn"));

        Assert.Equal(["days"], carried.DroppedAnswers);
        Assert.Equal(["mon"], Assert.IsType<IReadOnlyList<object?>>(carried.Answers["days"], exactMatch: false));
    }

    [Fact]
    public void Carry_GroupMemberRemoved_DropsItInEveryRowAndNamesItOnce()
    {
        var carried = Carry(("""          - { id: age, type: number, label: { fr: "Âge", ar: "السن" } }""" + "\n", ""));

        Assert.Equal(["children.age"], carried.DroppedAnswers);
        var rows = Assert.IsType<IReadOnlyList<object?>>(carried.Answers["children"], exactMatch: false);
        Assert.Equal(["Sara", "Adam"], rows.Cast<Answers>().Select(r => r["name"]));
        Assert.All(rows.Cast<Answers>(), r => Assert.Null(r["age"]));
    }

    [Fact]
    public void Carry_IncludedSectionRemoved_DropsEachOfItsAnswersByPath()
    {
        var carried = Carry(("  - id: employer\n    include: employer-identity\n", ""));

        Assert.Equal(["employer.company_name", "employer.ice"], carried.DroppedAnswers);
        Assert.Null(carried.Answers["employer"]);
    }

    [Fact]
    public void Carry_DocumentNoLongerAsked_RemovesItsFiles()
    {
        var carried = Carry(("""  - { id: cv, label: { fr: "Curriculum vitae", ar: "السيرة الذاتية" }, formats: [pdf], max_mb: 2 }""" + "\n", ""));

        Assert.Equal(["cv"], carried.DroppedDocuments);
        Assert.Equal(["contract_copy"], carried.Documents.Select(d => d.DocumentId));
    }

    [Fact]
    public void Carry_FormatNoLongerAccepted_RemovesTheFileInIt()
    {
        var carried = Carry(("formats: [pdf, jpg], max_mb: 5", "formats: [pdf], max_mb: 5"));

        Assert.Equal(["contract_copy"], carried.DroppedDocuments);
        Assert.Equal(["cv"], carried.Documents.Select(d => d.DocumentId));
        Assert.Empty(carried.RequiredDocuments);
    }

    [Fact]
    public void Carry_NewRequiredFieldAndDocument_NamesThemAsNowRequired()
    {
        const string Note = """      - { id: note, type: text, max_length: 200,""";
        const string Cv = """  - { id: cv, label: { fr: "Curriculum vitae", ar: "السيرة الذاتية" }, formats: [pdf], max_mb: 2 }""";
        var carried = Carry(
            (Note, """      - { id: permit, type: text, required: true, label: { fr: "N° de permis", ar: "رقم الرخصة" } }""" + "\n" + Note),
            (Cv, Cv + "\n" + """  - { id: insurance, label: { fr: "Attestation d'assurance", ar: "شهادة التأمين" }, required: true, formats: [pdf], max_mb: 2 }"""));

        Assert.Equal(["permit"], carried.RequiredFields);
        Assert.Equal(["insurance"], carried.RequiredDocuments);
        Assert.Empty(carried.DroppedAnswers);
    }

    [Fact]
    public void Carry_FieldNowRequiredButAlreadyAnswered_IsNotNamed()
    {
        var carried = Carry(("""{ id: note, type: text, max_length: 200,""", """{ id: note, type: text, required: true, max_length: 200,"""));

        Assert.Empty(carried.RequiredFields);
        Assert.Equal("Saisonnier", carried.Answers["note"]);
    }

    [Fact]
    public void Carry_DocumentNowRequiredAndAlreadyAttached_IsNotNamed()
    {
        var carried = Carry(("""formats: [pdf], max_mb: 2 }""", """required: true, formats: [pdf], max_mb: 2 }"""));

        Assert.Empty(carried.RequiredDocuments);
    }

    [Fact]
    public void Then_TwoMovesBeforeTheApplicantSawThem_TellsOneMoveFromTheFirstVersionWithEverything()
    {
        var first = new DraftMove(1, 2, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), ["note"], [], ["permit"], []);
        var second = new DraftMove(2, 3, new DateTime(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc), ["salary", "note"], ["cv"], [], ["insurance"]);

        var both = first.Then(second);

        Assert.Equal((1, 3, second.PublishedAt), (both.FromVersion, both.ToVersion, both.PublishedAt));
        Assert.Equal(["note", "salary"], both.DroppedAnswers);
        Assert.Equal(["cv"], both.DroppedDocuments);
        Assert.Equal(["permit"], both.RequiredFields);
        Assert.Equal(["insurance"], both.RequiredDocuments);
    }

    private static CarriedDraft Carry(params (string From, string To)[] edits) =>
        DraftCarry.Carry(Load(Version1), Load(Edit(Version1, edits)), Draft, Files, Today);

    private static string Edit(string yaml, params (string From, string To)[] edits)
    {
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(from, to, StringComparison.Ordinal);
        }
        return yaml;
    }

    private static ProcedureDefinition Load(string yaml)
    {
        var result = TestLibrary.Loader().LoadText(yaml, "change-test.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Where(d => d.IsError)) + "\n" + yaml);
        return result.Definition!;
    }
}
