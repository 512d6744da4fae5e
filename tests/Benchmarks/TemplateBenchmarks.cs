using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Templates;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// The receipt of a real procedure (the foreign-worker contract visa, 40 answers in 5 sections and
/// 6 documents), rendered from its cached template in the sandbox. Target T4: under 200 µs.
/// </summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private ProcedureDefinition _definition = null!;
    private ScenarioDefinition _scenario = null!;
    private ApplicationFacts _facts = null!;
    private ProcedureLibrary _library = null!;
    private DocumentRenderer _renderer = null!;
    private DocumentModel _model = null!;
    private string _templates = null!;

    [Params("fr", "ar")]
    public string Language { get; set; } = "fr";

    [GlobalSetup]
    public void Setup()
    {
        _library = ProcedureLibrary.Load(Paths.Procedures);
        _templates = Path.Combine(Paths.Procedures, "templates");
        _definition = new ProcedureLoader(_library).LoadFile(Path.Combine(Paths.Procedures, "foreign-worker-contract-visa.yaml")).DefinitionOrThrow();
        _scenario = _definition.Tests.Single(t => t.Name == "cdi-with-anapec-certificate-visaed");
        _facts = new ApplicationFacts("TAE-2026-000042", new DateOnly(2026, 3, 2), "Atlas Ingénierie SARL", "submitted") { DueOn = new DateOnly(2026, 3, 16) };
        _renderer = new DocumentRenderer(_library.DocumentTemplates);
        _model = Build();
        if (RenderReceipt() is not RenderResult.Rendered)
            throw new InvalidOperationException("the receipt must render: " + RenderReceipt());
    }

    /// <summary>Rendering only: the model is built once.</summary>
    [Benchmark(Baseline = true)]
    public RenderResult RenderReceipt() => _renderer.Render("receipt", _model);

    /// <summary>What the workflow does at submission: answers to display texts, then the letter.</summary>
    [Benchmark]
    public RenderResult BuildModelAndRenderReceipt() => _renderer.Render("receipt", Build());

    /// <summary>Start-up: read, parse and check the 15 letters and the stylesheet.</summary>
    [Benchmark]
    public int LoadTemplates() => TemplateLibrary.Load(_templates).Names.Count;

    private DocumentModel Build() =>
        DocumentModel.Build(_definition, _scenario.Answers, _scenario.Documents, Language, _facts, _library.Roles, _scenario.Today);
}
