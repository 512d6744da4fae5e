using Bunit;
using EmploymentProcedures.Designer.Design;
using EmploymentProcedures.Designer.Tests.Forms;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Designer.Tests.Design;

/// <summary>The designer's "copy the prefilled link" under the live preview.</summary>
public sealed class PrefillLinkBoxTests : BunitContext
{
    private const string Portal = "https://demarches.emploi.gov.ma/";

    public PrefillLinkBoxTests() => JSInterop.Mode = JSRuntimeMode.Loose;

    private IRenderedComponent<PrefillLinkBox> RenderBox(Answers answers, string language = "fr") =>
        Render<PrefillLinkBox>(p => p
            .Add(c => c.Definition, TestForms.Catalog.Definitions["collective-agreement-filing"])
            .Add(c => c.Answers, answers)
            .Add(c => c.Portal, Portal)
            .Add(c => c.Language, language)
            .Add(c => c.Today, TestForms.Today));

    private static Answers Typed() => Answers.From(new Dictionary<string, object?>
    {
        ["filing_party_kind"] = "union",
        ["filing_province"] = "casablanca",
        ["topics"] = new List<object?> { "wages", "leave" },
        ["accuracy_declaration"] = "true",
        ["filer"] = new Dictionary<string, object?> { ["full_name"] = "Nadia Benkirane" },
        ["parties"] = new List<object?> { new Dictionary<string, object?> { ["party_name"] = "Syndicat national du textile" } },
    });

    [Fact]
    public void Build_FromThePreviewsAnswers_ShowsTheLinkInAReadOnlyLabelledBox()
    {
        var box = RenderBox(Typed());

        box.Find("button.prefill-link__build").Click();

        var text = box.Find("#prefill-link-text");
        Assert.True(text.HasAttribute("readonly"));
        Assert.Equal("Lien prérempli", box.Find("label[for=prefill-link-text]").TextContent);
        Assert.Equal(
            Portal + "procedures/collective-agreement-filing/apply?f.filing_party_kind=union&f.filing_province=casablanca"
                + "&f.filer.full_name=Nadia%20Benkirane&f.topics=wages&f.topics=leave&f.parties.1.party_name=Syndicat%20national%20du%20textile",
            text.GetAttribute("value"));
        Assert.Contains("6 valeur(s)", box.Find("#prefill-link-help").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LeavesOutWhatNoApplicantIsGivenByALink()
    {
        var box = RenderBox(Typed());

        box.Find("button.prefill-link__build").Click();

        Assert.DoesNotContain("accuracy_declaration", box.Find("#prefill-link-text").GetAttribute("value"), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithNoAnswer_SaysThereIsNothingToPutInALink()
    {
        var box = RenderBox(Answers.Empty, "ar");

        box.Find("button.prefill-link__build").Click();

        Assert.Empty(box.FindAll("#prefill-link-text"));
        Assert.Equal("rtl", box.Find(".prefill-link").GetAttribute("dir"));
        Assert.Contains("لا يمكن وضع أي جواب", box.Find(".prefill-link__none").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Copy_WithoutClipboardPermission_SaysTheLinkIsSelected()
    {
        var module = JSInterop.SetupModule("./_content/EmploymentProcedures.Designer/designer.js");
        module.Setup<bool>("copyText", _ => true).SetResult(false);
        var box = RenderBox(Typed());
        box.Find("button.prefill-link__build").Click();

        box.Find("button.prefill-link__copy").Click();

        Assert.Equal("Le lien est sélectionné : copiez-le avec Ctrl+C.", box.Find(".prefill-link__status").TextContent);
    }

    [Fact]
    public void Copy_WithClipboard_SaysItWasCopied()
    {
        var module = JSInterop.SetupModule("./_content/EmploymentProcedures.Designer/designer.js");
        module.Setup<bool>("copyText", _ => true).SetResult(true);
        var box = RenderBox(Typed(), "en");
        box.Find("button.prefill-link__build").Click();

        box.Find("button.prefill-link__copy").Click();

        Assert.Equal("Link copied.", box.Find(".prefill-link__status").TextContent);
    }
}
