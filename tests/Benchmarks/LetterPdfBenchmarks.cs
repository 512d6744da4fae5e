using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Pdf;
using EmploymentProcedures.Engine.Templates;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// A letter made a PDF from its issued HTML, as the portal does on each download of its PDF (and for each letter of a
/// whole file): the visa's approval decision (one page) and its receipt (40 answers, three pages in French), with the
/// verification block. Measured to decide between making it on demand and keeping it.
/// </summary>
[MemoryDiagnoser]
public class LetterPdfBenchmarks
{
    private string _html = null!;

    [Params("decision-approved", "receipt")]
    public string Template { get; set; } = "receipt";

    [Params("fr", "ar")]
    public string Language { get; set; } = "fr";

    [GlobalSetup]
    public void Setup()
    {
        var library = ProcedureLibrary.Load(Paths.Procedures);
        var definition = new ProcedureLoader(library).LoadFile(Path.Combine(Paths.Procedures, "foreign-worker-contract-visa.yaml")).DefinitionOrThrow();
        var scenario = definition.Tests.Single(t => t.Name == "cdi-with-anapec-certificate-visaed");
        var facts = new ApplicationFacts("TAE-2026-000042", new DateOnly(2026, 3, 2), "Atlas Ingénierie SARL", "approved")
        {
            DueOn = new DateOnly(2026, 3, 16),
            Decision = new DecisionFacts(definition.Steps[^1].Id, Engine.Definitions.StepAction.Approve, new DateOnly(2026, 3, 7), null, null),
        };
        var model = DocumentModel.Build(definition, scenario.Answers, scenario.Documents, Language, facts, library.Roles, scenario.Today);
        if (new DocumentRenderer(library.DocumentTemplates).Render(Template, model) is not RenderResult.Rendered rendered)
            throw new InvalidOperationException($"the {Template} must render");
        _html = VerificationBlock.AddTo(rendered.Html, VerificationCode.Draw(), new Uri("https://portail.emploi.gov.ma/"), Language);
        if (Render() is not LetterPdfResult.Rendered)
            throw new InvalidOperationException($"the {Template} must make a PDF");
    }

    [Benchmark]
    public LetterPdfResult Render() => LetterPdf.Render(_html, "TAE-2026-000042", new DateTime(2026, 3, 7, 9, 30, 0, DateTimeKind.Utc));
}
