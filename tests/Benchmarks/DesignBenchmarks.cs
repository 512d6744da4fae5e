using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Engine.Authoring;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// What the designer redraws after an edit: the change list between the largest procedure (the foreign-worker
/// contract visa, 38 KB, 74 ids) and a draft of it, and the circuit with its SVG (the night-work derogation: four
/// steps, three conditions). Target: well under the loading of the draft itself (7 ms), so neither is noticed.
/// </summary>
[MemoryDiagnoser]
public class DesignBenchmarks
{
    private ProcedureDefinition _published = null!;
    private ProcedureDefinition _draft = null!;
    private ProcedureDefinition _nightWork = null!;
    private ProcedureLibrary _library = null!;

    [GlobalSetup]
    public void Setup()
    {
        _library = ProcedureLibrary.Load(Paths.Procedures);
        var loader = new ProcedureLoader(_library);
        var file = Path.Combine(Paths.Procedures, "foreign-worker-contract-visa.yaml");
        _published = loader.LoadFile(file).DefinitionOrThrow();
        var draft = File.ReadAllText(file)
            .Replace("max_length: 2000", "max_length: 1000", StringComparison.Ordinal)
            .Replace("Avis motivé", "Avis motivé du service", StringComparison.Ordinal);
        _draft = loader.LoadText(draft, file).DefinitionOrThrow();
        _nightWork = loader.LoadFile(Path.Combine(Paths.Procedures, "night-work-derogation.yaml")).DefinitionOrThrow();
        if (Compare().Count == 0)
            throw new InvalidOperationException("the draft must differ from the published definition");
    }

    [Benchmark]
    public IReadOnlyList<DefinitionChange> Compare() => DefinitionChanges.Compare(_published, _draft);

    [Benchmark]
    public IReadOnlyList<DefinitionChange> CompareUnchanged() => DefinitionChanges.Compare(_published, _published);

    [Benchmark]
    public string CircuitSvg() => Circuit.Of(_nightWork, _library.Roles, "ar").ToSvg();
}
