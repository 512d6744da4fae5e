using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Host.Applying;

/// <summary>
/// The answers as the review lists them: the sections of the letters' document model (display text in the
/// person's language: option labels, dates, amounts, yes/no), each with the form page it came from, for its
/// "change" link.
/// </summary>
internal static class AnswerPages
{
    /// <summary>
    /// Pairs each model section with its form section. The model lists the visible sections that have answers,
    /// in the definition's order, titled as the form titles them, so one walk in step finds each; a section not
    /// found (which would be a bug) is still listed, without a page.
    /// </summary>
    public static IReadOnlyList<(AnswerSection Section, string? Page)> Of(ProcedureDefinition definition, Application application, IReadOnlyList<AnswerSection> sections, string language, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(sections);
        var state = FormState.Evaluate(definition, application.Answers, new EvaluationContext(today));
        var visible = definition.Sections.Where(s => state.IsSectionVisible(s.Id)).ToList();
        var paired = new List<(AnswerSection, string?)>(sections.Count);
        var next = 0;
        foreach (var section in sections)
        {
            var found = visible.FindIndex(next, s => (s.Title?.Get(language) ?? s.Id) == section.Title);
            if (found >= 0)
                next = found + 1;
            paired.Add((section, found >= 0 ? visible[found].Id : null));
        }
        return paired;
    }
}
