using Bunit;
using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Designer.Tests.Forms;

/// <summary>The form's mark on each field a prefilled link filled: said under the label and read with the input.</summary>
public sealed class PrefilledMarksTests : FormTestContext
{
    private IRenderedComponent<ProcedureForm> RenderPrefilled(string language, params (string Key, string Value)[] link)
    {
        var definition = TestForms.Catalog.Definitions["collective-agreement-filing"];
        var read = PrefillLink.Read(definition, [.. link.Select(v => new KeyValuePair<string, string>(v.Key, v.Value))], TestForms.Context);
        return Render<ProcedureForm>(p => p
            .Add(f => f.Definition, definition)
            .Add(f => f.Today, TestForms.Today)
            .Add(f => f.Language, language)
            .Add(f => f.Answers, read.Answers)
            .Add(f => f.Prefilled, read.Fields.ToHashSet(StringComparer.Ordinal)));
    }

    [Fact]
    public void PrefilledField_IsMarkedAndTheMarkDescribesItsInput()
    {
        var form = RenderPrefilled("fr", ("filing_party_name", "Fédération du textile"));

        var input = form.Find("#f-filing_party_name");
        Assert.Equal("Fédération du textile", input.GetAttribute("value"));
        var mark = form.Find("#f-filing_party_name-prefilled");
        Assert.Equal("Prérempli par le lien : vérifiez cette réponse.", mark.TextContent);
        Assert.Contains("f-filing_party_name-prefilled", input.GetAttribute("aria-describedby")!.Split(' '));
    }

    [Fact]
    public void FieldTheLinkDidNotFill_HasNoMark()
    {
        var form = RenderPrefilled("fr", ("filing_party_name", "Fédération du textile"));

        Assert.Empty(form.FindAll("#f-filing_province-prefilled"));
        Assert.DoesNotContain("prefilled", form.Find("#f-filing_province").GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);
        Assert.Single(form.FindAll(".field__prefilled"));
    }

    [Fact]
    public void PrefilledChoice_IsMarkedInArabicAndTheMarkDescribesIt()
    {
        var form = RenderPrefilled("ar", ("filing_party_kind", "union"));

        var mark = form.Find("#f-filing_party_kind-prefilled");
        Assert.Equal("مُعبّأ مسبقا عبر الرابط: تحققوا من هذا الجواب.", mark.TextContent);
        Assert.Equal("rtl", mark.Closest(".field")!.GetAttribute("dir"));
        Assert.Contains(form.FindAll("[aria-describedby]"), e => e.GetAttribute("aria-describedby")!.Split(' ').Contains("f-filing_party_kind-prefilled"));
    }

    [Fact]
    public void FormWithoutAPrefilledLink_HasNoMarks()
    {
        var definition = TestForms.Catalog.Definitions["collective-agreement-filing"];

        var form = RenderForm(definition, answers: Answers.From(new Dictionary<string, object?> { ["filing_party_name"] = "Fédération du textile" }));

        Assert.Empty(form.FindAll(".field__prefilled"));
    }
}
