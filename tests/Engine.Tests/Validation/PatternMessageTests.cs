using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Tests.Workflow;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Tests.Validation;

/// <summary>An analyst's <c>pattern_message</c> is what the applicant reads when a pattern fails.</summary>
public sealed class PatternMessageTests
{
    private static readonly Definitions.ProcedureDefinition Definition = Circuit.Load("""
        language: 1
        id: pattern-test
        title: { fr: "Essai", ar: "تجربة" }
        category: foreign-employment
        applicant: employer
        legal_basis: ["Essai"]
        privacy:
          purpose: { fr: "Instruction de la demande d'essai.", ar: "دراسة الطلب التجريبي." }
          recipients: { fr: "La délégation provinciale de l'emploi.", ar: "المندوبية الإقليمية للتشغيل." }
          retention: 5y
        sections:
          - id: request
            title: { fr: "Demande", ar: "الطلب" }
            fields:
              - id: start_time
                type: text
                pattern: "[0-2][0-9]:[0-5][0-9]"
                pattern_message: { fr: "Écrivez l'heure ainsi : 08:30", ar: "اكتبوا الساعة هكذا: 08:30" }
                label: { fr: "Heure", ar: "الساعة" }
              - { id: code, type: text, pattern: "[A-Z]{3}", label: { fr: "Code", ar: "الرمز" } }
        steps:
          - { id: reception, role: desk-agent, actions: [approve, reject] }
        outputs: { receipt: receipt, approved: decision-approved, rejected: decision-rejected }
        """, "pattern-test.yaml");

    [Fact]
    public void PatternFails_WithAMessage_ShowsTheAnalystsMessage()
    {
        var report = Validate(new() { ["start_time"] = "8h30", ["code"] = "ABC" });

        var error = Assert.Single(report.Errors);
        Assert.Equal("start_time", error.Path);
        Assert.Equal("text.pattern", error.Code);
        Assert.Equal("Écrivez l'heure ainsi : 08:30", error.Message.Get("fr"));
        Assert.Equal("اكتبوا الساعة هكذا: 08:30", error.Message.Get("ar"));
    }

    [Fact]
    public void PatternFails_WithoutAMessage_ShowsTheGenericOne()
    {
        var report = Validate(new() { ["start_time"] = "08:30", ["code"] = "abc" });

        var error = Assert.Single(report.Errors);
        Assert.Equal("code", error.Path);
        Assert.Equal(ValidationMessages.Format("text.pattern").Get("fr"), error.Message.Get("fr"));
    }

    private static ValidationReport Validate(Dictionary<string, object?> answers) =>
        SubmissionValidator.Validate(Definition, Submission.Of(Answers.From(answers)), new EvaluationContext(new DateOnly(2026, 3, 2)));
}
