using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Benchmarks;

/// <summary>Validating a 200-field submission (text, numbers, dates, identifiers, conditions) against a cached validator.</summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private ProcedureDefinition _definition = null!;
    private Submission _submission = null!;
    private readonly EvaluationContext _context = new(new DateOnly(2026, 3, 2));

    [GlobalSetup]
    public void Setup()
    {
        var (definition, answers) = BenchForm.Load(10, _context.Today);
        _definition = definition;
        _submission = Submission.Of(answers);
    }

    [Benchmark]
    public bool Validate200Fields() => SubmissionValidator.Validate(_definition, _submission, _context).IsValid;
}
