using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Loading;
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
        var yaml = new StringBuilder("""
            language: 1
            id: bench
            title: { fr: "Banc", ar: "اختبار" }
            category: working-time
            applicant: employer
            deadline: { days: 10, calendar: business }
            steps: [ { id: decision, title: { fr: "Décision", ar: "القرار" }, role: desk-agent, actions: [approve, reject] } ]
            outputs: { rejected: decision-rejected }
            sections:
            """);
        var answers = new Dictionary<string, object?>();
        for (var s = 0; s < 10; s++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"\n  - id: s{s}\n    title: {{ fr: \"Section {s}\", ar: \"قسم {s}\" }}\n    fields:");
            for (var f = 0; f < 20; f++)
            {
                var id = $"f{s}_{f}";
                var (type, extra, value) = (f % 5) switch
                {
                    0 => ("text", ", max_length: 100", (object)"Atlas Textile"),
                    1 => ("number", ", min: 0, max: 1000", "42"),
                    2 => ("date", ", max: today()", "2025-05-01"),
                    3 => ("ice", "", "001561191000066"),
                    _ => ("text", $", visible: f{s}_1 > 10", "visible when the number is above 10"),
                };
                yaml.Append(CultureInfo.InvariantCulture, $"\n      - {{ id: {id}, type: {type}, required: true{extra}, label: {{ fr: \"Champ {id}\", ar: \"حقل {id}\" }} }}");
                answers[id] = value;
            }
        }
        var library = ProcedureLibrary.Load(Paths.Procedures);
        _definition = new ProcedureLoader(library).LoadText(yaml.ToString(), "bench.yaml").Definition!;
        _submission = Submission.Of(Answers.From(answers));
        var report = SubmissionValidator.Validate(_definition, _submission, _context);
        if (!report.IsValid || _definition.AllFields().Count() != 200)
            throw new InvalidOperationException("the benchmark submission must be valid and have 200 fields: " + string.Join("; ", report.Errors));
    }

    [Benchmark]
    public bool Validate200Fields() => SubmissionValidator.Validate(_definition, _submission, _context).IsValid;
}
