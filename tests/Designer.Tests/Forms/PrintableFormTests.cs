using Bunit;
using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Designer.Tests.Forms;

/// <summary>The read-only form on one page (an application's whole file): every visible section under its title, nothing to press.</summary>
public sealed class PrintableFormTests : FormTestContext
{
    private static readonly Engine.Definitions.ProcedureDefinition Definition = TestForms.Define(
        """      - { id: headcount, type: number, required: true, label: { fr: "Effectif", ar: "عدد الأجراء" } }""",
        documents: """  - { id: plan, label: { fr: "Plan", ar: "التصميم" }, formats: [pdf], max_mb: 2 }""",
        moreSections: """
              - id: committee
                title: { fr: "Comité d'hygiène", ar: "لجنة السلامة" }
                visible: headcount >= 50
                fields:
                  - { id: committee_chair, type: text, label: { fr: "Président", ar: "الرئيس" } }
              - id: small
                title: { fr: "Petite entreprise", ar: "مقاولة صغيرة" }
                visible: headcount < 10
                fields:
                  - { id: owner_name, type: text, label: { fr: "Gérant", ar: "المسير" } }
            """);

    private IRenderedComponent<ProcedureForm> Print(string language = "fr") => Render<ProcedureForm>(p => p
        .Add(f => f.Definition, Definition)
        .Add(f => f.Today, TestForms.Today)
        .Add(f => f.Language, language)
        .Add(f => f.Answers, Answers.From(new Dictionary<string, object?> { ["headcount"] = 80, ["committee_chair"] = "Salma Idrissi" }))
        .Add(f => f.ReadOnly, true)
        .Add(f => f.Printable, true));

    [Fact]
    public void Printable_ShowsEveryVisibleSectionUnderItsTitle_WithTheAnswersAndNothingToPress()
    {
        var form = Print();

        Assert.Equal(["Demande", "Comité d'hygiène"], form.FindAll("section.form-print-page h3").Select(h => h.TextContent));
        Assert.Equal("80", form.Find("#f-headcount").GetAttribute("value"));
        Assert.Equal("Salma Idrissi", form.Find("#f-committee_chair").GetAttribute("value"));
        Assert.Empty(form.FindAll("form, button, .form-progress, .form-nav"));
        Assert.Empty(form.FindAll("input:not([disabled])"));
        Assert.DoesNotContain("Gérant", form.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Plan", form.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Printable_InArabic_IsRightToLeftWithArabicTitles()
    {
        var form = Print("ar");

        Assert.Equal("rtl", form.Find(".procedure-form").GetAttribute("dir"));
        Assert.Equal(["الطلب", "لجنة السلامة"], form.FindAll("section.form-print-page h3").Select(h => h.TextContent));
    }
}
