using AngleSharp.Dom;
using Bunit;
using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Designer.Forms.Fields;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Designer.Tests.Forms.Fields;

/// <summary>Every field type's component, through the real form: labels in French and Arabic, valid and invalid answers, read-only and requested-changes locking, right to left.</summary>
public sealed class FieldComponentTests : FormTestContext
{
    public static TheoryData<string> Cases() => [.. FieldCase.All.Keys];

    [Fact]
    public void Components_EveryFieldType_HasOne()
    {
        Assert.All(Enum.GetValues<FieldType>(), type => Assert.NotNull(FieldComponents.For(type)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Field_InFrenchAndArabic_ShowsItsLabelBoundToItsInput(string name)
    {
        var definition = TestForms.Define(FieldCase.All[name].Yaml);

        var french = RenderForm(definition, "fr");
        var arabic = RenderForm(definition, "ar");

        Assert.Contains("Libellé du champ", LabelOf(french).TextContent, StringComparison.Ordinal);
        Assert.Contains("عنوان الحقل", LabelOf(arabic).TextContent, StringComparison.Ordinal);
        Assert.Equal("ltr", french.Find(".procedure-form").GetAttribute("dir"));
        Assert.Equal("rtl", arabic.Find(".procedure-form").GetAttribute("dir"));
        Assert.Equal("rtl", arabic.Find(".field").GetAttribute("dir"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Field_ValidAnswer_IsRaisedAndShowsNoMessage(string name)
    {
        var @case = FieldCase.All[name];
        var definition = TestForms.Define(@case.Yaml);
        var form = RenderForm(definition);

        @case.Valid!(form);

        Assert.NotNull(Raised?["x"]);
        Assert.Empty(TestForms.Validate(definition, form.Instance.Submission).Errors);
        Assert.Empty(form.FindAll(".field__error"));
        Assert.DoesNotContain(form.FindAll("[aria-invalid]"), e => e.GetAttribute("aria-invalid") == "true");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Field_InvalidAnswer_ShowsTheValidatorsMessageInFrenchAndArabicWithAriaInvalid(string name)
    {
        var @case = FieldCase.All[name];
        var definition = TestForms.Define(@case.Yaml);

        foreach (var language in new[] { "fr", "ar" })
        {
            var form = RenderForm(definition, language);
            @case.Invalid(form);

            var error = Assert.Single(TestForms.Validate(definition, form.Instance.Submission).For(@case.ErrorPath));
            var id = FieldIds.For(@case.ErrorPath);
            Assert.Contains(error.Message.Get(language), form.Find($"#{id}-error").TextContent, StringComparison.Ordinal);
            // A group's errors (too few rows) describe its fieldset; its id is on the add button, where the summary leads.
            if (form.Find($"#{id}").TagName != "BUTTON")
                Assert.Equal("true", form.Find($"#{id}").GetAttribute("aria-invalid"));
            Assert.Contains(id + "-error", DescribedBy(form, id), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Field_ReadOnly_DisablesEveryInput(string name)
    {
        var form = RenderForm(TestForms.Define(FieldCase.All[name].Yaml), readOnly: true);

        var inputs = form.FindAll(".field input, .field select, .field textarea, .field button");
        Assert.NotEmpty(inputs);
        Assert.All(inputs, input => Assert.True(input.HasAttribute("disabled"), input.OuterHtml));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Field_NotAmongTheFieldsReopened_IsDisabled_AndOpenWhenReopened(string name)
    {
        var definition = TestForms.Define(FieldCase.All[name].Yaml);

        var locked = RenderForm(definition, editable: new HashSet<string> { "other" });
        var reopened = RenderForm(definition, editable: new HashSet<string> { "x" });

        Assert.All(locked.FindAll(".field input, .field select, .field textarea"), input => Assert.True(input.HasAttribute("disabled"), input.OuterHtml));
        Assert.All(reopened.FindAll(".field input, .field select, .field textarea"), input => Assert.False(input.HasAttribute("disabled"), input.OuterHtml));
    }

    [Fact]
    public void Choice_Options_AreShownInTheFormsLanguage()
    {
        var definition = TestForms.Define(FieldCase.All["choice-radios"].Yaml);

        var french = RenderForm(definition, "fr");
        var arabic = RenderForm(definition, "ar");

        Assert.Equal(["Durée indéterminée", "Durée déterminée"], french.FindAll(".radios__label").Select(l => l.TextContent));
        Assert.Equal(["مدة غير محددة", "مدة محددة"], arabic.FindAll(".radios__label").Select(l => l.TextContent));
        Assert.Equal("f-x", french.Find(".radios__label").GetAttribute("for"));
        Assert.NotNull(french.Find("fieldset legend"));
    }

    [Fact]
    public void Choice_ManyOptions_IsAListWithTheOptionsLabelsInArabic()
    {
        var form = RenderForm(TestForms.Define(FieldCase.All["choice-select"].Yaml), "ar");

        var options = form.FindAll("select#f-x option").Select(o => o.TextContent).ToList();

        Assert.True(options.Count > ChoiceField.RadioLimit);
        Assert.Contains(TestForms.Catalog.Library.Lists["legal-forms"].Options[0].Label.Get("ar"), options);
    }

    [Theory]
    [InlineData("choice-select", "sarl")]
    [InlineData("province", "rabat")]
    [InlineData("choice-select", null)]
    public void Select_WithOrWithoutAnAnswer_MarksExactlyOneOptionSelectedOnce(string name, string? answer)
    {
        var answers = answer is null ? Answers.Empty : Answers.Empty.With("x", answer);
        var form = RenderForm(TestForms.Define(FieldCase.All[name].Yaml), answers: answers);

        var select = form.Find("select#f-x");
        var selected = select.QuerySelectorAll("option").Where(o => o.HasAttribute("selected")).ToList();

        // The raw markup, as a browser receives it: the parsed DOM would hide an attribute written twice.
        Assert.DoesNotContain("selected selected", form.Markup, StringComparison.Ordinal);
        Assert.Equal(answer ?? "", Assert.Single(selected).GetAttribute("value"));
    }

    [Fact]
    public void Province_Options_AreGroupedByRegion()
    {
        var form = RenderForm(TestForms.Define(FieldCase.All["province"].Yaml));

        var groups = form.FindAll("select#f-x optgroup");

        Assert.Equal(TestForms.Catalog.Library.Lists["regions"].Options.Count, groups.Count);
        Assert.Equal(75, form.FindAll("select#f-x optgroup option").Count);
    }

    [Fact]
    public void Identifier_InArabic_KeepsItsInputLeftToRight()
    {
        var form = RenderForm(TestForms.Define(FieldCase.All["ice"].Yaml), "ar");

        Assert.Equal("ltr", form.Find("#f-x").GetAttribute("dir"));
        Assert.Equal("numeric", form.Find("#f-x").GetAttribute("inputmode"));
    }

    [Fact]
    public void Info_ShowsItsTextAndAsksNothing()
    {
        var form = RenderForm(TestForms.Define("""      - { id: notice, type: info, label: { fr: "À savoir", ar: "للعلم" }, help: { fr: "Le dossier est instruit en 10 jours.", ar: "تتم دراسة الملف في 10 أيام." } }"""), "ar");

        Assert.Contains("تتم دراسة الملف في 10 أيام.", form.Find("#f-notice").TextContent, StringComparison.Ordinal);
        Assert.Empty(form.FindAll(".field input"));
    }

    [Fact]
    public void Field_Optional_SaysSoAndRequired_IsMarkedForAssistiveTechnology()
    {
        var form = RenderForm(TestForms.Define("""
                  - { id: name, type: text, required: true, label: { fr: "Nom", ar: "الاسم" } }
                  - { id: nickname, type: text, label: { fr: "Surnom", ar: "اللقب" } }
            """));

        Assert.Equal("true", form.Find("#f-name").GetAttribute("aria-required"));
        Assert.DoesNotContain("(facultatif)", form.Find("label[for=f-name]").TextContent, StringComparison.Ordinal);
        // A space between the label and the mark, which stays on the label's line.
        Assert.Equal("Surnom\u00A0(facultatif)", form.Find("label[for=f-nickname]").TextContent.Trim());
    }

    /// <summary>A field of several inputs is named by its fieldset's legend, a field of one input by its label.</summary>
    private static IElement LabelOf(IRenderedComponent<ProcedureForm> form) =>
        form.Find(".field") is { TagName: "FIELDSET" } fieldset ? fieldset.QuerySelector("legend")! : form.Find("label[for=f-x]");

    private static string DescribedBy(IRenderedComponent<ProcedureForm> form, string id)
    {
        var input = form.Find($"#{id}");
        // Radios and checkboxes are described through their fieldset.
        var described = input.GetAttribute("aria-describedby") ?? input.Closest("fieldset")?.GetAttribute("aria-describedby");
        return described ?? "";
    }
}
