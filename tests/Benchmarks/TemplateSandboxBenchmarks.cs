using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Engine.Templates;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// How long the sandbox takes to stop each Scriban advisory payload (target T12: under 1 s and 50 MB
/// each). The payloads are valid templates, so they go through the public renderer.
/// </summary>
[MemoryDiagnoser]
public class TemplateSandboxBenchmarks
{
    private static readonly Dictionary<string, string> Payloads = new(StringComparer.Ordinal)
    {
        ["c875-range"] = "{{ 1..1000000 | array.size }}",
        ["c875-multiply"] = "{{ 'A' * 200000000 }}",
        ["xw6w-multiply"] = "{{ x = 'A' * 60000; x * 60000 }}",
        ["m2p3-output"] = "{{ for i in 1..999; 'A' * 1000; end }}",
        ["5rpf-doubling"] = "{{ x = 'AB'; for i in 1..30; x = x + x; end; x }}",
    };

    private DocumentRenderer _renderer = null!;
    private DocumentModel _model = null!;

    [ParamsSource(nameof(Names))]
    public string Payload { get; set; } = "";

    public static IEnumerable<string> Names => Payloads.Keys;

    [GlobalSetup]
    public void Setup()
    {
        var directory = Directory.CreateTempSubdirectory("payloads-");
        foreach (var language in new[] { "fr", "ar" })
            File.WriteAllText(Path.Combine(directory.FullName, $"payload.{language}.html"), Payloads[Payload]);
        var library = TemplateLibrary.Load(directory.FullName);
        directory.Delete(recursive: true);
        if (library.Diagnostics.Count > 0)
            throw new InvalidOperationException(string.Join("; ", library.Diagnostics));
        _renderer = new DocumentRenderer(library);
        _model = new DocumentModel
        {
            Language = "fr",
            Procedure = new DocumentProcedure("p", "Procédure", [], null, null),
            Application = new DocumentApplication("TST-2026-000001", "2 mars 2026", "Atlas", "Déposée", null),
        };
        if (Render() is not RenderResult.Failed)
            throw new InvalidOperationException($"payload {Payload} was not stopped");
    }

    [Benchmark]
    public RenderResult Render() => _renderer.Render("payload", _model);
}
