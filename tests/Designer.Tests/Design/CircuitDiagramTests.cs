using Bunit;
using EmploymentProcedures.Designer.Design;
using EmploymentProcedures.Designer.Tests.Forms;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Designer.Tests.Design;

public sealed class CircuitDiagramTests : BunitContext
{
    private static ProcedureDefinition NightWork => TestForms.Catalog.Definitions["night-work-derogation"];

    private IRenderedComponent<CircuitDiagram> RenderCircuit(ProcedureDefinition definition, string language = "fr") =>
        Render<CircuitDiagram>(p => p
            .Add(c => c.Definition, definition)
            .Add(c => c.Roles, TestForms.Catalog.Library.Roles)
            .Add(c => c.Language, language));

    [Fact]
    public void CircuitDiagram_InFrench_ShowsTheSvgAndTheSameCircuitAsAnOrderedList()
    {
        var circuit = RenderCircuit(NightWork);

        var svg = circuit.Find("figure.circuit svg[role=img]");
        Assert.Equal(10, svg.QuerySelectorAll("g[data-node]").Length);
        Assert.Equal("Circuit de traitement : " + NightWork.Title.Get("fr"), circuit.Find("figcaption").TextContent);
        var items = circuit.FindAll("ol.circuit__list > li");
        Assert.Equal(
            ["Dépôt du dossier", "Réception du dossier", "Avis du médecin inspecteur du travail (mineurs)", "Prise en compte par l'inspection du travail (dérogation prévue par la loi)",
             "Autorisation exceptionnelle spéciale de l'inspecteur du travail", "Acceptée ou prise en compte, selon la dernière étape", "Demande rejetée"],
            items.Select(li => li.QuerySelector(".circuit__label")!.TextContent));
        Assert.Equal(
            ["Seulement si : « Nombre de mineurs » : > 0 (non : étape sautée)", "Rôle : Médecin inspecteur du travail", "Délai : 3 jours ouvrables", "Actions : accepter, rejeter, demander des compléments"],
            items[2].QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Equal("Le circuit, étape par étape", circuit.Find("ol.circuit__list").GetAttribute("aria-label"));
    }

    [Fact]
    public void CircuitDiagram_InArabic_IsRightToLeftAndMirrored()
    {
        var circuit = RenderCircuit(NightWork, "ar");

        var figure = circuit.Find("figure.circuit");
        Assert.Equal(("rtl", "ar"), (figure.GetAttribute("dir"), figure.GetAttribute("lang")));
        Assert.Equal("rtl", circuit.Find("svg").GetAttribute("direction"));
        Assert.Equal("إيداع الملف", circuit.Find("ol.circuit__list > li .circuit__label").TextContent);
        Assert.Contains("الدور: عون الشباك", circuit.FindAll("ol.circuit__list li li").Select(li => li.TextContent));
    }

    [Fact]
    public void CircuitDiagram_ParallelStepAndSilenceMeaningYes_AreSaidInTheList()
    {
        var yaml = File.ReadAllText(Path.Combine(TestForms.Root, "tests", "Engine.Tests", "Workflow", "circuit-test.yaml"));
        var definition = new ProcedureLoader(TestForms.Catalog.Library).LoadText(yaml, "circuit-test.yaml").Definition!;

        var circuit = RenderCircuit(definition, "en");

        var text = circuit.FindAll("ol.circuit__list li li").Select(li => li.TextContent).ToList();
        Assert.Contains("In parallel: Regional director, Governor's office, Labour directorate (central services); 2 approvals out of 3 are enough", text);
        var last = circuit.FindAll("ol.circuit__list > li")[^1];
        Assert.Equal("Approved by default: silence means yes", last.QuerySelector(".circuit__label")!.TextContent);
        Assert.Equal("legal deadline passed without a decision", last.QuerySelector("li")!.TextContent);
    }

    [Fact]
    public void CircuitDiagram_PreviewLanguageChanged_RedrawsTheSvgAndTheListInIt()
    {
        var circuit = RenderCircuit(NightWork);

        circuit.Render(p => p.Add(c => c.Language, "ar"));

        Assert.Equal(("rtl", "ar"), (circuit.Find("figure.circuit").GetAttribute("dir"), circuit.Find("figure.circuit").GetAttribute("lang")));
        Assert.Equal("rtl", circuit.Find("svg").GetAttribute("direction"));
        Assert.Equal("إيداع الملف", circuit.Find("ol.circuit__list > li .circuit__label").TextContent);
        Assert.DoesNotContain("Dépôt du dossier", circuit.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void CircuitDiagram_DefinitionChanged_ShowsTheNewCircuitAndItsEnds()
    {
        var circuit = RenderCircuit(NightWork);
        // Only the decision is left: the declaration's ending ("taken into account") goes with the step that gave it.
        var oneStep = NightWork with { Steps = [NightWork.Steps[^1]] };

        circuit.Render(p => p.Add(c => c.Definition, oneStep));

        Assert.Equal(
            ["Dépôt du dossier", NightWork.Steps[^1].Title!.Get("fr"), "Demande acceptée", "Demande rejetée"],
            circuit.FindAll("ol.circuit__list > li").Select(li => li.QuerySelector(".circuit__label")!.TextContent));
    }
}
