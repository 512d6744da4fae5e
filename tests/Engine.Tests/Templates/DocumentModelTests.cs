using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Tests.Loading;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Tests.Templates;

/// <summary>What a letter shows of an application: answers as the applicant reads them, in the letter's language.</summary>
public sealed class DocumentModelTests
{
    private const string Definition = """
        language: 1
        id: model-case
        title: { fr: "Déclaration d'essai", ar: "تصريح تجريبي", en: "Trial declaration" }
        category: working-time
        applicant: employer
        legal_basis: ["Code du travail, art. 196", "Décret n° 2-04-570"]
        deadline: { days: 15, calendar: calendar }
        privacy:
          purpose: { fr: "Instruction de la demande d'essai.", ar: "دراسة الطلب التجريبي." }
          recipients: { fr: "La délégation provinciale de l'emploi.", ar: "المندوبية الإقليمية للتشغيل." }
          retention: 5y
        sections:
          - id: request
            title: { fr: "Demande", ar: "الطلب", en: "Request" }
            fields:
              - { id: night_work, type: boolean, label: { fr: "Travail de nuit", ar: "الشغل الليلي", en: "Night work" } }
              - { id: weekend_work, type: boolean, label: { fr: "Travail le week-end", ar: "الشغل في نهاية الأسبوع", en: "Weekend work" } }
              - { id: start_date, type: date, label: { fr: "Date de début", ar: "تاريخ البداية", en: "Start date" } }
              - { id: end_date, type: date, label: { fr: "Date de fin", ar: "تاريخ النهاية", en: "End date" } }
              - { id: bonus, type: money, label: { fr: "Prime", ar: "المنحة", en: "Bonus" } }
              - { id: hours, type: number, unit: { fr: "heures", ar: "ساعات", en: "hours" }, label: { fr: "Heures", ar: "الساعات", en: "Hours" } }
              - id: shifts
                type: multichoice
                label: { fr: "Équipes", ar: "الفرق", en: "Shifts" }
                options:
                  - { value: morning, label: { fr: "Matin", ar: "صباحية", en: "Morning" } }
                  - { value: night, label: { fr: "Nuit", ar: "ليلية", en: "Night" } }
              - { id: reason, type: choice, label: { fr: "Motif", ar: "السبب", en: "Reason" }, options: [ { value: peak, label: { fr: "Surcroît d'activité", ar: "تزايد النشاط", en: "Peak of activity" } }, { value: other, label: { fr: "Autre", ar: "آخر", en: "Other" } } ] }
              - { id: reason_other, type: text, visible: reason == "other", label: { fr: "Autre motif", ar: "سبب آخر", en: "Other reason" } }
              - { id: total_days, type: computed, value: 'days_between(start_date, end_date) + 1', unit: { fr: "jours", ar: "أيام", en: "days" }, label: { fr: "Durée", ar: "المدة", en: "Duration" } }
              - { id: notice, type: info, label: { fr: "À lire", ar: "للقراءة", en: "Read me" } }
              - id: workers
                type: group
                label: { fr: "Salariés", ar: "الأجراء", en: "Workers" }
                fields:
                  - { id: name, type: text, label: { fr: "Nom", ar: "الاسم", en: "Name" } }
          - id: site
            title: { fr: "Site", ar: "الموقع", en: "Site" }
            visible: reason == "other"
            fields:
              - { id: site_name, type: text, label: { fr: "Nom du site", ar: "اسم الموقع", en: "Site name" } }
        documents:
          - { id: schedule, label: { fr: "Planning", ar: "الجدول الزمني", en: "Schedule" }, required: true, formats: [pdf], max_mb: 5 }
          - { id: opinion, label: { fr: "Avis des délégués", ar: "رأي المندوبين", en: "Delegates' opinion" }, required: night_work == true, formats: [pdf], max_mb: 5 }
          - { id: extra, label: { fr: "Pièce libre", ar: "وثيقة إضافية", en: "Extra" }, formats: [pdf], max_mb: 5 }
        steps:
          - { id: reception, title: { fr: "Réception", ar: "الاستقبال", en: "Reception" }, role: desk-agent, actions: [approve, request_changes, reject] }
          - { id: decision, title: { fr: "Décision", ar: "القرار", en: "Decision" }, role: labour-inspector, actions: [approve, reject] }
        outputs: { receipt: receipt, approved: decision-approved, rejected: decision-rejected }
        tests:
          - { name: a, answers: { night_work: true }, expect: { status: in_review } }
          - { name: b, answers: { night_work: false }, expect: { status: in_review } }
        """;

    private static readonly Lazy<ProcedureDefinition> Loaded = new(() => TestLibrary.Loader().LoadText(Definition, "model-case.yaml").DefinitionOrThrow());

    private static readonly Answers Answered = Answers.From(new Dictionary<string, object?>
    {
        ["night_work"] = true,
        ["weekend_work"] = false,
        ["start_date"] = "2026-03-02",
        ["end_date"] = "2026-03-11",
        ["bonus"] = "1250.5",
        ["hours"] = "7.5",
        ["shifts"] = new[] { "morning", "night" },
        ["reason"] = "peak",
        ["reason_other"] = "kept from an earlier choice",
        ["workers"] = new[] { new Dictionary<string, object?> { ["name"] = "Salma" }, new Dictionary<string, object?> { ["name"] = "Youssef" } },
        ["site_name"] = "Usine de Tanger",
    });

    private static DocumentModel Build(string language, ApplicationFacts? facts = null) =>
        DocumentModel.Build(Loaded.Value, Answered, ["schedule", "extra"], language,
            facts ?? new ApplicationFacts("TST-2026-000007", new DateOnly(2026, 3, 2), "Atlas Textile SARL", "in_review"), TestLibrary.Library.Roles);

    private static Dictionary<string, string> Rows(DocumentModel model) =>
        model.Sections.SelectMany(s => s.Rows).ToDictionary(r => r.Label, r => r.Value, StringComparer.Ordinal);

    [Theory]
    [InlineData("fr", "Oui", "Non")]
    [InlineData("ar", "نعم", "لا")]
    [InlineData("en", "Yes", "No")]
    public void Build_Booleans_ReadAsYesAndNoInTheLetterLanguage(string language, string yes, string no)
    {
        var rows = Build(language).Sections[0].Rows;

        Assert.Equal(yes, rows[0].Value);
        Assert.Equal(no, rows[1].Value);
    }

    [Theory]
    [InlineData("fr", "2 mars 2026", "1.250,50\u00A0MAD", "7,5\u00A0heures")]
    [InlineData("ar", "2 مارس 2026", "1.250,50\u00A0درهم", "7,5\u00A0ساعات")]
    [InlineData("en", "2 March 2026", "1,250.50\u00A0MAD", "7.5\u00A0hours")]
    public void Build_DatesAmountsAndNumbers_FollowTheLanguageConventions(string language, string date, string money, string hours)
    {
        var values = Build(language).Sections[0].Rows.Select(r => r.Value).ToList();

        Assert.Equal(date, values[2]);
        Assert.Equal(money, values[4]);
        Assert.Equal(hours, values[5]);
    }

    [Fact]
    public void Build_Choices_AreShownByTheirOptionLabels()
    {
        var rows = Rows(Build("fr"));

        Assert.Equal("Matin, Nuit", rows["Équipes"]);
        Assert.Equal("Surcroît d'activité", rows["Motif"]);
        Assert.Equal("صباحية، ليلية", Rows(Build("ar"))["الفرق"]);
    }

    [Fact]
    public void Build_HiddenFieldsAndSections_AreLeftOutEvenWhenAnswered()
    {
        var model = Build("fr");

        Assert.DoesNotContain("Autre motif", Rows(model).Keys);
        Assert.DoesNotContain(model.Sections, s => s.Title == "Site");
        Assert.DoesNotContain("À lire", Rows(model).Keys);
    }

    [Fact]
    public void Build_ComputedFieldsAndGroupRows_AreShownLikeAnswers()
    {
        var rows = Rows(Build("fr"));

        Assert.Equal("10\u00A0jours", rows["Durée"]);
        Assert.Equal("Salma", rows["Salariés n° 1 · Nom"]);
        Assert.Equal("Youssef", rows["Salariés n° 2 · Nom"]);
    }

    [Fact]
    public void Build_Documents_ListProvidedAndMissingRequiredButNotOptionalOnesLeftOut()
    {
        var documents = Build("fr").Documents;

        Assert.Equal(
            [new DocumentLine("Planning", true), new DocumentLine("Avis des délégués", false), new DocumentLine("Pièce libre", true)],
            documents);
    }

    [Fact]
    public void Build_Procedure_GivesTitleLegalBasisAndDeadlineInTheLanguage()
    {
        var procedure = Build("ar").Procedure;

        Assert.Equal(("model-case", "تصريح تجريبي", 15, "15 أيام"), (procedure.Id, procedure.Title, procedure.DeadlineDays, procedure.Deadline));
        Assert.Equal(["Code du travail, art. 196", "Décret n° 2-04-570"], procedure.LegalBasis);
        Assert.Equal("15 jours", Build("fr").Procedure.Deadline);
    }

    [Fact]
    public void Build_Facts_BecomeDisplayTexts()
    {
        var facts = new ApplicationFacts("TST-2026-000007", new DateOnly(2026, 3, 2), "Atlas Textile SARL", "rejected")
        {
            DueOn = new DateOnly(2026, 3, 17),
            Decision = new DecisionFacts("decision", StepAction.Reject, new DateOnly(2026, 3, 9), "Pièces insuffisantes"),
        };

        var model = Build("fr", facts);

        Assert.Equal(new DocumentApplication("TST-2026-000007", "2 mars 2026", "Atlas Textile SARL", "Rejetée", "17 mars 2026"), model.Application);
        Assert.Equal(new DocumentDecision("Décision", "Rejet", "Pièces insuffisantes", "9 mars 2026", "Inspecteur du travail"), model.Decision);
        Assert.Null(model.Changes);
    }

    [Fact]
    public void Build_RequestForChanges_NamesTheReopenedFieldsAndDocumentsByTheirLabels()
    {
        var facts = new ApplicationFacts("TST-2026-000007", new DateOnly(2026, 3, 2), "Atlas Textile SARL", "changes_requested")
        {
            Reopened = ["schedule", "workers[1].name", "bonus"],
            ReviewerMessage = "Le planning n'est pas signé.",
        };

        var changes = Build("ar", facts).Changes;

        Assert.NotNull(changes);
        Assert.Equal(["الجدول الزمني", "الاسم", "المنحة"], changes.Items);
        Assert.Equal("Le planning n'est pas signé.", changes.Message);
    }

    [Fact]
    public void Build_UnknownLanguage_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => Build("de"));
    }
}
