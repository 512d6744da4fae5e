using Bunit;
using EmploymentProcedures.Designer.Design;
using EmploymentProcedures.Designer.Tests.Forms;
using EmploymentProcedures.Engine.Authoring;

namespace EmploymentProcedures.Designer.Tests.Design;

public sealed class ChangeListTests : BunitContext
{
    private const string Published = """
              - { id: start_date, type: date, required: true, label: { fr: "Date de début", ar: "تاريخ البداية" } }
              - { id: note, type: text, max_length: 200, label: { fr: "Note", ar: "ملاحظة" } }
        """;

    private const string Draft = """
              - { id: start_date, type: date, required: true, label: { fr: "Date de prise d'effet", ar: "تاريخ البداية" } }
              - { id: phone, type: phone, label: { fr: "Téléphone", ar: "الهاتف" } }
        """;

    private const string Documents = """
          - { id: contract, label: { fr: "Contrat", ar: "العقد" }, required: true, formats: [pdf, jpg], max_mb: 5 }
        """;

    private static IReadOnlyList<DefinitionChange> Changes() =>
        DefinitionChanges.Compare(TestForms.Define(Published, Documents), TestForms.Define(Draft, Documents.Replace("[pdf, jpg]", "[pdf, jpg, png]", StringComparison.Ordinal)));

    private IRenderedComponent<ChangeList> RenderList(IReadOnlyList<DefinitionChange> changes, string language = "fr") =>
        Render<ChangeList>(p => p.Add(c => c.Changes, changes).Add(c => c.Language, language));

    [Fact]
    public void ChangeList_GroupsByAreaWithTheBreakingChangesFirst()
    {
        var list = RenderList(Changes());

        Assert.Equal(["Champs (3)", "Documents (1)"], list.FindAll("h3").Select(h => h.TextContent));
        Assert.Equal(
            ["Supprimé main.note", "Modifié main.start_date", "Ajouté main.phone", "Modifié documents.contract"],
            list.FindAll(".change__what").Select(p => p.TextContent));
        Assert.Equal("4 changement(s), dont 1 qui casserai(en)t les dossiers déjà déposés s'ils y passaient : ils restent sur leur version.", list.Find(".change-list__summary").TextContent);
        // Drafts are not pinned: they move, and lose what the new version no longer asks for.
        Assert.StartsWith("Les brouillons passent à cette version à leur prochaine ouverture et seront déposés selon elle : ceux qui avaient répondu à main.note perdent", list.Find(".change-list__drafts").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeList_BreakingChange_IsFlaggedWithTextAnIconAndItsReason()
    {
        var list = RenderList(Changes());

        var breaking = Assert.Single(list.FindAll("li.change--breaking"));
        var flag = breaking.QuerySelector(".change__flag")!;
        Assert.Equal("Casserait les dossiers déposés", flag.TextContent.Trim());
        Assert.Equal("true", flag.QuerySelector("svg")!.GetAttribute("aria-hidden"));
        Assert.Equal("Les réponses déjà données à « main.note » seraient perdues.", breaking.QuerySelector(".change__reasons li")!.TextContent);
        Assert.Empty(list.FindAll("li.change:not(.change--breaking) .change__flag"));
    }

    [Fact]
    public void ChangeList_Property_ShowsOldToNewWithWordsForScreenReaders()
    {
        var list = RenderList(Changes());

        var label = list.FindAll("li.change")[1];
        Assert.Contains("change--cosmetic", label.ClassList);
        Assert.Equal("Textes seulement", label.QuerySelector(".change__tag")!.TextContent);
        Assert.Equal("label.fr", label.QuerySelector("dt")!.TextContent);
        label.QuerySelector("dd")!.MarkupMatches("""
            <dd>
              <span class="change__old"><span class="change__hidden">avant : </span><bdi>Date de début</bdi></span>
              <span class="change__arrow" aria-hidden="true">→</span>
              <span class="change__new"><span class="change__hidden">après : </span><bdi>Date de prise d'effet</bdi></span>
            </dd>
            """);
        var added = list.FindAll("li.change")[2];
        Assert.Equal("avant : absent", added.QuerySelector(".change__old")!.TextContent.Trim());
    }

    [Fact]
    public void ChangeList_InArabic_IsRightToLeftWithArabicWordsAndReasons()
    {
        var list = RenderList(Changes(), "ar");

        var section = list.Find("section.change-list");
        Assert.Equal(("rtl", "ar"), (section.GetAttribute("dir"), section.GetAttribute("lang")));
        Assert.Equal("الخانات (3)", list.Find("h3").TextContent);
        Assert.Equal("يُخلّ بالملفات المودعة", list.Find(".change__flag").TextContent.Trim());
        Assert.Equal("ستضيع الأجوبة المُدخَلة سابقا في «main.note».", list.Find(".change__reasons li").TextContent);
        Assert.Equal("←", list.Find(".change__arrow").TextContent);
        Assert.Equal("ltr", list.Find(".change__what code").GetAttribute("dir"));
    }

    [Fact]
    public void ChangeList_NoChange_SaysSo()
    {
        var list = RenderList([]);

        Assert.Equal("Aucun changement par rapport à la version publiée.", list.Find(".change-list__none").TextContent);
        Assert.Empty(list.FindAll("h3"));
    }
}
