using System.Text;
using System.Xml.Linq;
using EmploymentProcedures.Engine.Authoring;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Tests.Loading;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Authoring;

/// <summary>
/// The circuit diagram of real procedures: a sequential one with conditions (night-work derogation), a declaration
/// (establishment opening), and the workflow tests' circuit for a parallel step with a quorum, which none of the 55
/// procedures has. Golden SVGs are rewritten with <c>UPDATE_GOLDEN=1</c> (then look at them before committing).
/// </summary>
public sealed class CircuitTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ProcedureDefinition NightWork => TestLibrary.Catalog.Definitions["night-work-derogation"];

    private static ProcedureDefinition Declaration => TestLibrary.Catalog.Definitions["establishment-opening-declaration"];

    private static ProcedureDefinition Parallel => Workflow.Circuit.Definition;

    private static Circuit Of(ProcedureDefinition definition, string language = "fr") =>
        Circuit.Of(definition, TestLibrary.Library.Roles, language);

    [Fact]
    public void Of_StepsWithConditions_PutAConditionBeforeEachAndAWayPastIt()
    {
        var circuit = Of(NightWork);

        Assert.Equal(
            ["start", "steps.reception", "when.medical_opinion", "steps.medical_opinion", "when.notice", "steps.notice", "when.decision", "steps.decision", "end.approved-or-acknowledged", "end.rejected"],
            circuit.Nodes.Select(n => n.Id));
        Assert.Equal(
            [
                ("start", "steps.reception", CircuitEdgeKind.Next),
                ("steps.reception", "when.medical_opinion", CircuitEdgeKind.Next),
                ("steps.reception", "end.rejected", CircuitEdgeKind.Reject),
                ("steps.reception", "steps.reception", CircuitEdgeKind.ChangesRequested),
                ("when.medical_opinion", "steps.medical_opinion", CircuitEdgeKind.Holds),
                ("when.medical_opinion", "when.notice", CircuitEdgeKind.Skipped),
                ("steps.medical_opinion", "when.notice", CircuitEdgeKind.Next),
                ("steps.medical_opinion", "end.rejected", CircuitEdgeKind.Reject),
                ("steps.medical_opinion", "steps.medical_opinion", CircuitEdgeKind.ChangesRequested),
                ("when.notice", "steps.notice", CircuitEdgeKind.Holds),
                ("when.notice", "when.decision", CircuitEdgeKind.Skipped),
                ("steps.notice", "when.decision", CircuitEdgeKind.Next),
                ("steps.notice", "end.rejected", CircuitEdgeKind.Reject),
                ("steps.notice", "steps.notice", CircuitEdgeKind.ChangesRequested),
                ("when.decision", "steps.decision", CircuitEdgeKind.Holds),
                ("when.decision", "end.approved-or-acknowledged", CircuitEdgeKind.Skipped),
                ("steps.decision", "end.approved-or-acknowledged", CircuitEdgeKind.Next),
                ("steps.decision", "end.rejected", CircuitEdgeKind.Reject),
                ("steps.decision", "steps.decision", CircuitEdgeKind.ChangesRequested),
                ("steps.decision", "steps.notice", CircuitEdgeKind.Return),
            ],
            circuit.Edges.Select(e => (e.From, e.To, e.Kind)));
    }

    [Fact]
    public void Of_StepNodes_CarryTheirRoleConditionDeadlineAndActionsInWords()
    {
        var circuit = Of(NightWork);

        var medical = circuit.Node("steps.medical_opinion");
        Assert.Equal("Avis du médecin inspecteur du travail (mineurs)", medical.Label);
        Assert.Equal("Rôle : Médecin inspecteur du travail", medical.RoleText);
        Assert.Equal("Délai : 3 jours ouvrables", medical.DeadlineText);
        Assert.Equal("Actions : accepter, rejeter, demander des compléments", medical.ActionsText);
        Assert.Equal("minors_count > 0", medical.Expression);
        Assert.Equal("Seulement si : « Nombre de mineurs » : > 0", circuit.Node("when.medical_opinion").Label);
        Assert.Equal("Seulement si : « Autorisation exceptionnelle requise » : non", circuit.Node("when.notice").Label);
        Assert.Equal("Délai légal : 10 jours ouvrables", circuit.Node("start").DeadlineText);
        Assert.Equal([ApplicationStatus.Approved, ApplicationStatus.Acknowledged], circuit.Node("end.approved-or-acknowledged").Outcomes);
    }

    [Fact]
    public void Of_ConditionThatCannotBeSaid_ShowsTheExpression()
    {
        var accident = Of(TestLibrary.Catalog.Definitions["workplace-accident-notification"]);

        Assert.Equal(
            "Seulement si : not (severity in [\"serious\", \"fatal\"]) and add_years(victim.birth_date, 18) <= accident_date",
            accident.Node("when.registration").Label);
    }

    [Fact]
    public void Of_ParallelStep_SaysItsRolesAndQuorum_AndTheDeadlinesOutcome()
    {
        var circuit = Of(Parallel);

        var opinions = circuit.Node("steps.opinions");
        Assert.Equal(["regional-director", "governor-office", "labour-directorate"], opinions.Roles);
        Assert.Equal(2, opinions.Quorum);
        Assert.Equal("En parallèle : Directeur régional, Cabinet du gouverneur, Direction du travail (services centraux) ; 2 avis favorables sur 3 suffisent", opinions.RoleText);
        Assert.Contains(circuit.From("steps.opinions"), e => e is { To: "steps.decision", Kind: CircuitEdgeKind.Next, Label: "2 avis favorables" });
        Assert.Contains(circuit.From("steps.opinions"), e => e is { To: "end.rejected", Kind: CircuitEdgeKind.Reject, Label: "au-delà de 1 refus" });

        var deadline = circuit.Node("end.deadline");
        Assert.Equal([ApplicationStatus.Approved], deadline.Outcomes);
        Assert.Equal("Acceptée d'office : le silence vaut accord", deadline.Label);
        Assert.Contains(circuit.From("start"), e => e is { To: "end.deadline", Kind: CircuitEdgeKind.Deadline });
    }

    [Fact]
    public void Of_Declaration_EndsAcknowledgedWithNoRejection()
    {
        var circuit = Of(Declaration);

        Assert.Equal(["start", "steps.reception", "steps.inspection", "end.acknowledged"], circuit.Nodes.Select(n => n.Id));
        Assert.Equal("Déclaration prise en compte", circuit.Node("end.acknowledged").Label);
        Assert.Contains(circuit.Edges, e => e is { From: "steps.inspection", To: "end.acknowledged", Kind: CircuitEdgeKind.Next, Label: "prendre acte" });
        Assert.DoesNotContain(circuit.Edges, e => e.Kind is CircuitEdgeKind.Reject or CircuitEdgeKind.Deadline);
    }

    [Fact]
    public void Of_InArabic_SaysEverythingInArabic()
    {
        var circuit = Of(Parallel, "ar");

        Assert.True(circuit.RightToLeft);
        Assert.Equal("الدور: عون الشباك", circuit.Node("steps.reception").RoleText);
        Assert.Equal("رفض الطلب", circuit.Node("end.rejected").Label);
        Assert.StartsWith("مسار المعالجة: ", circuit.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("night-work-derogation", "fr")]
    [InlineData("night-work-derogation", "ar")]
    [InlineData("circuit-test", "fr")]
    public void Svg_Procedure_MatchesTheGoldenFile(string procedure, string language)
    {
        var actual = Of(procedure == "circuit-test" ? Parallel : TestLibrary.Catalog.Definitions[procedure], language).ToSvg();
        var file = Path.Combine(RepositoryPaths.Root, "tests", "Engine.Tests", "Authoring", "Golden", $"{procedure}.{language}.svg");

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, actual, new UTF8Encoding(false));
        }
        Assert.True(File.Exists(file), $"{file} is missing; run the tests with UPDATE_GOLDEN=1 to write it");
        Assert.True(File.ReadAllText(file) == actual, $"the diagram differs from {Path.GetFileName(file)}; if the change is meant, run with UPDATE_GOLDEN=1 and look at the file\n{actual}");
    }

    [Fact]
    public void Svg_IsAnAccessibleImageWithATitleAndADescription()
    {
        var circuit = Of(Parallel);
        var svg = XDocument.Parse(circuit.ToSvg()).Root!;

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("fr", (string?)svg.Attribute("lang"));
        var labelledBy = ((string?)svg.Attribute("aria-labelledby"))!.Split(' ');
        Assert.Equal(circuit.Title, svg.Descendants(Svg + "title").Single(t => (string?)t.Attribute("id") == labelledBy[0]).Value);
        Assert.Equal(circuit.Summary, svg.Descendants(Svg + "desc").Single(t => (string?)t.Attribute("id") == labelledBy[1]).Value);
        Assert.Contains("Agent du guichet", circuit.Summary, StringComparison.Ordinal);
        // The CSP forbids inline styles: presentation attributes only.
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Name.LocalName == "style" || e.Attribute("style") is not null);
    }

    [Fact]
    public void Svg_InArabic_MirrorsTheDrawingAndWritesRightToLeft()
    {
        var french = XDocument.Parse(Of(NightWork).ToSvg()).Root!;
        var arabic = XDocument.Parse(Of(NightWork, "ar").ToSvg()).Root!;
        var width = (int)french.Attribute("width")!;

        Assert.Equal("rtl", (string?)arabic.Attribute("direction"));
        Assert.Null(french.Attribute("direction"));
        var (fr, ar) = (Box(french, "steps.reception"), Box(arabic, "steps.reception"));
        Assert.Equal(fr.X, width - ar.X - ar.Width);
        var (rejectFr, rejectAr) = (Box(french, "end.rejected"), Box(arabic, "end.rejected"));
        Assert.True(rejectFr.X > fr.X && rejectAr.X < ar.X, "the rejected end sits on the end side: right in French, left in Arabic");
    }

    [Fact]
    public void Svg_TextsFromTheDefinition_AreEscaped()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Engine.Tests", "Workflow", "circuit-test.yaml"))
            .Replace("- { id: reception, role: desk-agent,", "- { id: reception, title: { fr: \"<script>x</script> & \\\"tri\\\"\", ar: \"الاستقبال\" }, role: desk-agent,", StringComparison.Ordinal);
        var definition = Workflow.Circuit.Load(yaml, "circuit-test.yaml");

        var text = Of(definition).ToSvg();

        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt; &amp; &quot;tri&quot;", text, StringComparison.Ordinal);
        Assert.Contains(XDocument.Parse(text).Descendants(Svg + "text"), t => t.Value == "<script>x</script> & \"tri\"");
    }

    [Fact]
    public void Svg_EveryProcedureInEveryLanguage_DrawsEachNodeAndEachEdgeItShows()
    {
        foreach (var definition in TestLibrary.Catalog.Definitions.Values)
        {
            foreach (var language in LocalizedText.Languages)
            {
                var circuit = Of(definition, language);
                var svg = XDocument.Parse(circuit.ToSvg()).Root!;
                var drawn = svg.Descendants(Svg + "g").Select(g => (string?)g.Attribute("data-node")).OfType<string>().ToList();
                Assert.Equal(circuit.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal), drawn.Order(StringComparer.Ordinal));
                var arrows = svg.Descendants(Svg + "g").Count(g => g.Attribute("data-from") is not null);
                Assert.Equal(circuit.Edges.Count(e => e.Kind is not (CircuitEdgeKind.ChangesRequested or CircuitEdgeKind.Return)), arrows);
                Assert.All(definition.Steps, step => Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.Length > 0 && (step.Title?.Get(language) ?? step.Id).StartsWith(t.Value, StringComparison.Ordinal)));
            }
        }
    }

    private static (int X, int Width) Box(XElement svg, string node)
    {
        var rect = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-node") == node).Element(Svg + "rect")!;
        return ((int)rect.Attribute("x")!, (int)rect.Attribute("width")!);
    }
}
