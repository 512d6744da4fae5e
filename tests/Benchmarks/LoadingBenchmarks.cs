using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Benchmarks;

/// <summary>Loading, schema-checking, compiling and linting every definition of procedures/ (warm).</summary>
[MemoryDiagnoser]
public class LoadingBenchmarks
{
    private ProcedureLoader _loader = null!;
    private List<(byte[] Bytes, string Path)> _files = [];

    [GlobalSetup]
    public void Setup()
    {
        var directory = Paths.Procedures;
        _loader = new ProcedureLoader(ProcedureLibrary.Load(directory));
        _files = ProcedureCatalog.DefinitionFiles(directory).Select(f => (File.ReadAllBytes(f), f)).ToList();
    }

    [Benchmark(Baseline = true)]
    public int LoadAllProcedures()
    {
        var errors = 0;
        foreach (var (bytes, path) in _files)
            errors += _loader.Load(bytes, path).HasErrors ? 1 : 0;
        return errors;
    }

    /// <summary>The same files on every core, as <see cref="ProcedureCatalog.Load"/> loads them at the portal's start.</summary>
    [Benchmark]
    public int LoadAllProceduresInParallel() =>
        _files.AsParallel().Count(f => _loader.Load(f.Bytes, f.Path).HasErrors);
}
