using System.Globalization;
using System.Text;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// A procedure of 200 required fields (texts, numbers, dates, ICE numbers, and texts shown only when a number is
/// above 10) spread over <c>sections</c> pages, with valid answers: the form the validation and form benchmarks and the circuit
/// memory measurement use.
/// </summary>
internal static class BenchForm
{
    public const string Id = "bench";

    public const int Fields = 200;

    public static (string Yaml, Answers Answers) Make(int sections)
    {
        var perSection = Fields / sections;
        var yaml = new StringBuilder($$"""
            language: 1
            id: {{Id}}
            title: { fr: "Banc", ar: "اختبار" }
            category: working-time
            applicant: employer
            deadline: { days: 10, calendar: business }
            steps: [ { id: decision, title: { fr: "Décision", ar: "القرار" }, role: desk-agent, actions: [approve, reject] } ]
            outputs: { rejected: decision-rejected }
            privacy:
              purpose: { fr: "Instruction de la demande d'essai.", ar: "دراسة الطلب التجريبي." }
              recipients: { fr: "La délégation provinciale de l'emploi.", ar: "المندوبية الإقليمية للتشغيل." }
              retention: 5y
            sections:
            """);
        var answers = new Dictionary<string, object?>();
        for (var s = 0; s < sections; s++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"\n  - id: s{s}\n    title: {{ fr: \"Section {s}\", ar: \"قسم {s}\" }}\n    fields:");
            for (var f = 0; f < perSection; f++)
            {
                var id = $"f{s}_{f}";
                var (type, extra, value) = (f % 5) switch
                {
                    0 => ("text", ", max_length: 100", (object)"Atlas Textile"),
                    1 => ("number", ", min: 0, max: 1000", "42"),
                    2 => ("date", ", max: today()", "2025-05-01"),
                    3 => ("ice", "", "001561191000066"),
                    _ => ("text", $", visible: f{s}_{f - 3} > 10", "visible when the number is above 10"),
                };
                yaml.Append(CultureInfo.InvariantCulture, $"\n      - {{ id: {id}, type: {type}, required: true{extra}, label: {{ fr: \"Champ {id}\", ar: \"حقل {id}\" }} }}");
                answers[id] = value;
            }
        }
        return (yaml.ToString(), Answers.From(answers));
    }

    /// <summary>The definition, loaded and checked: 200 fields, and answers that pass validation.</summary>
    public static (ProcedureDefinition Definition, Answers Answers) Load(int sections, DateOnly today)
    {
        var (yaml, answers) = Make(sections);
        var result = new ProcedureLoader(ProcedureLibrary.Load(Paths.Procedures)).LoadText(yaml, Id + ".yaml");
        var definition = result.Definition ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        if (definition.AllFields().Count() != Fields || !SubmissionValidator.Validate(definition, Submission.Of(answers), new Engine.Expressions.EvaluationContext(today)).IsValid)
            throw new InvalidOperationException("the benchmark form must have 200 fields and valid answers");
        return (definition, answers);
    }
}
