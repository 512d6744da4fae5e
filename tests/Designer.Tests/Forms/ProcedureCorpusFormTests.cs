using Bunit;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Designer.Tests.Forms;

/// <summary>Every procedure of <c>procedures/</c> renders as a form, every page, in French and Arabic, empty and with its first scenario's answers.</summary>
public sealed class ProcedureCorpusFormTests : FormTestContext
{
    public static TheoryData<string> Procedures() => [.. TestForms.Catalog.Definitions.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Catalog_HasEveryProcedureLoaded()
    {
        Assert.Empty(TestForms.Catalog.Results.Where(r => r.HasErrors).Select(r => string.Join("\n", r.Diagnostics)));
        Assert.True(TestForms.Catalog.Definitions.Count >= 55, $"{TestForms.Catalog.Definitions.Count} procedures");
    }

    [Theory]
    [MemberData(nameof(Procedures))]
    public void Procedure_EveryPage_RendersInFrenchAndArabic(string id)
    {
        var definition = TestForms.Catalog.Definitions[id];
        var scenario = definition.Tests.Count > 0 ? definition.Tests[0].Answers : Answers.Empty;

        foreach (var (language, answers) in new[] { ("fr", Answers.Empty), ("ar", scenario) })
        {
            var form = RenderForm(definition, language, answers);
            var pages = form.Instance.Pages;
            Assert.NotEmpty(pages);
            foreach (var page in pages)
            {
                form.Render(p => p.Add(f => f.Page, page.Key));
                // A page whose fields all wait on answers may be empty; its title is always there.
                Assert.False(string.IsNullOrWhiteSpace(form.Find("h2.form-page__title").TextContent));
                Assert.Equal(language == "ar" ? "rtl" : "ltr", form.Find(".procedure-form").GetAttribute("dir"));
                // Every id the page renders is unique, so each label and error link lands on one input.
                var ids = form.FindAll("[id]").Select(e => e.Id).ToList();
                Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            }
        }
    }
}
