using Bunit;
using EmploymentProcedures.Designer.Forms.Fields;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Designer.Tests.Forms;

/// <summary>The form's live behaviour: conditions, pruning, groups, computed values, pages, the error summary.</summary>
public sealed class ProcedureFormTests : FormTestContext
{
    private const string Contract = """
              - id: contract_type
                type: choice
                required: true
                label: { fr: "Type de contrat", ar: "نوع العقد" }
                options:
                  - { value: cdi, label: { fr: "CDI", ar: "عقد غير محدد المدة" } }
                  - { value: cdd, label: { fr: "CDD", ar: "عقد محدد المدة" } }
              - { id: end_date, type: date, required: true, visible: contract_type == "cdd", label: { fr: "Date de fin", ar: "تاريخ النهاية" } }
        """;

    [Fact]
    public void ConditionalField_AppearsWhenItsConditionHolds_AndDisappearsWithItsAnswerPruned()
    {
        var form = RenderForm(TestForms.Define(Contract));
        Assert.Empty(form.FindAll("#f-end_date"));

        form.Find("#f-contract_type-1").Change("cdd");
        form.Find("#f-end_date").Change("2026-12-31");
        Assert.Equal("2026-12-31", Raised!["end_date"]);

        form.Find("#f-contract_type").Change("cdi");

        Assert.Empty(form.FindAll("#f-end_date"));
        Assert.Null(Raised["end_date"]);
        Assert.Equal("cdi", Raised["contract_type"]);
    }

    [Fact]
    public void ConditionalRequirement_UpdatesAsTheAnswerChanges()
    {
        var form = RenderForm(TestForms.Define("""
                  - { id: headcount, type: number, required: true, label: { fr: "Effectif", ar: "عدد الأجراء" } }
                  - { id: delegates, type: text, required: headcount >= 10, label: { fr: "Délégués", ar: "المندوبون" } }
            """));
        Assert.Contains("(facultatif)", form.Find("label[for=f-delegates]").TextContent, StringComparison.Ordinal);

        form.Find("#f-headcount").Change("12");

        Assert.DoesNotContain("(facultatif)", form.Find("label[for=f-delegates]").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", form.Find("#f-delegates").GetAttribute("aria-required"));
    }

    [Fact]
    public void ConditionalSection_AddsAPageWhenItsConditionHolds()
    {
        var definition = TestForms.Define(
            """      - { id: headcount, type: number, required: true, label: { fr: "Effectif", ar: "عدد الأجراء" } }""",
            moreSections: """
                  - id: committee
                    title: { fr: "Comité d'hygiène", ar: "لجنة السلامة" }
                    visible: headcount >= 50
                    fields:
                      - { id: committee_chair, type: text, label: { fr: "Président", ar: "الرئيس" } }
                """);
        var form = RenderForm(definition);
        Assert.Contains("Étape 1 sur 1", form.Find(".form-progress").TextContent, StringComparison.Ordinal);

        form.Find("#f-headcount").Change("80");

        Assert.Contains("Étape 1 sur 2", form.Find(".form-progress").TextContent, StringComparison.Ordinal);
        Assert.Contains("Comité d'hygiène", form.Find(".form-progress").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_AddsAndRemovesRowsWithinItsMinAndMax()
    {
        var form = RenderForm(TestForms.Define("""
                  - id: employees
                    type: group
                    min: 1
                    max: 2
                    label: { fr: "Salariés", ar: "الأجراء" }
                    fields:
                      - { id: name, type: text, required: true, label: { fr: "Nom", ar: "الاسم" } }
            """));
        var add = () => form.Find("button#f-employees");

        add().Click();
        Assert.Single(form.FindAll(".group__row"));
        Assert.True(form.Find(".group__row button").HasAttribute("disabled"), "the only row cannot go below min: 1");
        add().Click();
        Assert.Equal(2, form.FindAll(".group__row").Count);
        Assert.True(add().HasAttribute("disabled"), "no third row beyond max: 2");
        Assert.Contains("Salariés n° 2", form.FindAll(".group__legend")[1].TextContent, StringComparison.Ordinal);

        form.Find("#f-employees-1-name").Change("Youssef");
        form.FindAll(".group__row button")[0].Click();

        var rows = Assert.IsAssignableFrom<IReadOnlyList<object?>>(Raised!["employees"]);
        Assert.Equal("Youssef", Assert.IsType<Answers>(Assert.Single(rows))["name"]);
        Assert.False(add().HasAttribute("disabled"));
    }

    [Fact]
    public void Group_RowCondition_ShowsTheFieldInThatRowOnly()
    {
        var form = RenderForm(TestForms.Define("""
                  - id: dependants
                    type: group
                    label: { fr: "Personnes à charge", ar: "الأشخاص المتكفل بهم" }
                    fields:
                      - { id: student, type: boolean, label: { fr: "Étudiant", ar: "طالب" } }
                      - { id: school, type: text, visible: student == true, label: { fr: "École", ar: "المدرسة" } }
            """));

        form.Find("button#f-dependants").Click();
        form.Find("button#f-dependants").Click();
        form.Find("#f-dependants-1-student").Change("true");

        Assert.Empty(form.FindAll("#f-dependants-0-school"));
        Assert.NotNull(form.Find("#f-dependants-1-school"));
    }

    [Fact]
    public void ComputedField_UpdatesAsItsInputsChange()
    {
        var form = RenderForm(TestForms.Define("""
                  - { id: base_salary, type: money, label: { fr: "Salaire de base", ar: "الأجر الأساسي" } }
                  - { id: bonus, type: money, label: { fr: "Prime", ar: "المنحة" } }
                  - { id: total, type: computed, value: base_salary + bonus, unit: { fr: "MAD", ar: "درهم" }, label: { fr: "Total", ar: "المجموع" } }
            """));
        Assert.Equal("—", form.Find("output#f-total").TextContent);

        form.Find("#f-base_salary").Change("9000");
        form.Find("#f-bonus").Change("1250,5");

        Assert.Equal("10.250,5 MAD", form.Find("output#f-total").TextContent);
        Assert.Equal("polite", form.Find("output#f-total").GetAttribute("aria-live"));
    }

    [Fact]
    public void Message_AppearsOnlyOnceTheFieldWasChanged()
    {
        var form = RenderForm(TestForms.Define("""
                  - { id: ice, type: ice, required: true, label: { fr: "ICE", ar: "المعرف الموحد للمقاولة" } }
                  - { id: email, type: email, required: true, label: { fr: "Courriel", ar: "البريد الإلكتروني" } }
            """));

        form.Find("#f-ice").Change("123");

        Assert.NotNull(form.Find("#f-ice-error"));
        Assert.Empty(form.FindAll("#f-email-error"));
    }

    [Fact]
    public void ErrorSummary_ListsEveryErrorWithLinksToTheFields_AndALinkMovesTheFocus()
    {
        var form = RenderForm(TestForms.Define("""
                  - { id: company, type: text, required: true, label: { fr: "Raison sociale", ar: "الاسم التجاري" } }
                  - { id: ice, type: ice, required: true, label: { fr: "ICE", ar: "المعرف الموحد للمقاولة" } }
            """));

        form.Find("form").Submit();

        var summary = form.Find(".error-summary");
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Equal(["#f-company", "#f-ice"], summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Raison sociale : Ce champ est obligatoire.", summary.TextContent, StringComparison.Ordinal);
        Assert.Null(Completed);

        summary.QuerySelectorAll("a")[1].Click();

        Assert.Equal(form.FindComponent<IceField>().Instance.Input.Id, LastFocused());
    }

    [Theory]
    [InlineData("fr", "Je certifie l'exactitude des informations : Vous devez cocher cette déclaration pour continuer.")]
    [InlineData("en", "I declare the information is accurate: You must tick this declaration to continue.")]
    public void ErrorSummary_OfADeclarationWrittenAsASentence_JoinsItToItsMessageWithoutAFullStop(string language, string item)
    {
        var form = RenderForm(TestForms.Define("""
                  - { id: accuracy, type: consent, required: true, label: { fr: "Je certifie l'exactitude des informations.", ar: "أشهد بصحة المعلومات.", en: "I declare the information is accurate." } }
                  - { id: role, type: text, required: true, label: { fr: "Fonction (gérant, directeur...)", ar: "الصفة", en: "Position (manager, director...)" } }
            """), language);

        form.Find("form").Submit();

        var items = form.FindAll(".error-summary a").Select(a => a.TextContent).ToList();
        Assert.Equal(item, items[0]);
        Assert.StartsWith(language == "fr" ? "Fonction (gérant, directeur...) : " : "Position (manager, director...): ", items[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorSummary_Disappears_OnceTheErrorsAreFixed_AndTheFormCompletes()
    {
        var form = RenderForm(TestForms.Define("""      - { id: company, type: text, required: true, label: { fr: "Raison sociale", ar: "الاسم التجاري" } }"""));
        form.Find("form").Submit();
        Assert.NotNull(form.Find(".error-summary"));

        form.Find("#f-company").Change("Atlas Textile");
        Assert.Empty(form.FindAll(".error-summary"));
        form.Find("form").Submit();

        Assert.NotNull(Completed);
        Assert.Equal("Atlas Textile", Completed.Answers["company"]);
    }

    [Fact]
    public void Next_WithErrorsOnThePage_StaysAndSummarisesThem_ThenMovesOnWhenFixed()
    {
        var definition = TestForms.Define(
            """      - { id: company, type: text, required: true, label: { fr: "Raison sociale", ar: "الاسم التجاري" } }""",
            moreSections: """
                  - id: contact
                    title: { fr: "Contact", ar: "الاتصال" }
                    fields:
                      - { id: phone, type: phone, required: true, label: { fr: "Téléphone", ar: "الهاتف" } }
                """);
        var form = RenderForm(definition);

        form.Find("form").Submit();
        Assert.Contains("Étape 1 sur 2", form.Find(".form-progress").TextContent, StringComparison.Ordinal);
        Assert.Single(form.FindAll(".error-summary a"));

        form.Find("#f-company").Change("Atlas Textile");
        form.Find("form").Submit();

        Assert.Contains("Étape 2 sur 2", form.Find(".form-progress").TextContent, StringComparison.Ordinal);
        Assert.Equal("step", form.FindAll(".form-progress__step")[1].GetAttribute("aria-current"));
        Assert.Empty(form.FindAll(".error-summary"));
        Assert.Empty(form.FindAll("#f-phone-error"));
    }

    [Fact]
    public void ErrorSummary_OnTheLastPage_LinksToAFieldOfAnEarlierPage_AndGoesThere()
    {
        var definition = TestForms.Define(
            """      - { id: company, type: text, required: true, label: { fr: "Raison sociale", ar: "الاسم التجاري" } }""",
            documents: """  - { id: statutes, label: { fr: "Statuts", ar: "النظام الأساسي" }, required: true, formats: [pdf], max_mb: 5 }""");
        var form = RenderForm(definition, answers: Answers.From([new("company", "Atlas")]));
        form.Find("form").Submit();
        form.Render(p => p.Add(f => f.Answers, Answers.Empty));
        Assert.Contains("Étape 2 sur 2", form.Find(".form-progress").TextContent, StringComparison.Ordinal);

        form.Find("form").Submit();
        var links = form.FindAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#f-company", "#f-statutes"], links);
        form.FindAll(".error-summary a")[0].Click();

        Assert.Contains("Étape 1 sur 2", form.Find(".form-progress").TextContent, StringComparison.Ordinal);
        Assert.Equal(form.FindComponent<TextField>().Instance.Input.Id, LastFocused());
    }

    [Fact]
    public void Language_Arabic_SetsRightToLeftAndTranslatesTheFormsOwnWords()
    {
        var form = RenderForm(TestForms.Define(Contract), "ar");

        Assert.Equal("rtl", form.Find(".procedure-form").GetAttribute("dir"));
        Assert.Equal("ar", form.Find(".procedure-form").GetAttribute("lang"));
        Assert.Contains("المرحلة 1 من 1", form.Find(".form-progress").TextContent, StringComparison.Ordinal);
        Assert.Equal("الطلب", form.Find("h2").TextContent);
    }

    [Fact]
    public void Answers_ReloadedByTheHost_ReplaceTheFormsOwn()
    {
        var form = RenderForm(TestForms.Define(Contract));
        form.Find("#f-contract_type-1").Change("cdd");

        form.Render(p => p.Add(f => f.Answers, Answers.From([new("contract_type", "cdi")])));

        Assert.Equal("cdi", form.Instance.Submission.Answers["contract_type"]);
        Assert.True(form.Find("#f-contract_type").HasAttribute("checked"));
    }

    [Fact]
    public void SectionNotice_GivenByTheHost_StandsRightUnderTheSectionsHeading()
    {
        var form = RenderForm(TestForms.Define(Contract));

        form.Render(p => p.Add(f => f.SectionNotice, section => builder => builder.AddMarkupContent(0, $"<p class=\"host-notice\">{section.Id}</p>")));

        Assert.Equal("main", form.Find(".host-notice").TextContent);
        Assert.Equal("H2", form.Find(".host-notice").PreviousElementSibling?.TagName);
    }

    private string? LastFocused() =>
        JSInterop.Invocations.Where(i => i.Identifier == "Blazor._internal.domWrapper.focus").Select(i => ((Microsoft.AspNetCore.Components.ElementReference)i.Arguments[0]!).Id).LastOrDefault();
}
