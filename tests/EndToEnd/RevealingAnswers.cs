using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// Answers that open as much of a procedure's form as its own scenarios can, and nothing else: of the scenario that
/// shows the most sections and fields, only the answers that conditions read (sections' and fields' <c>visible:</c>,
/// documents' <c>required:</c>, and what computed values read). Every other field stays empty, so "next" still shows
/// its required fields' messages, while conditional sections and fields are on the page.
/// </summary>
internal static class RevealingAnswers
{
    public static Answers For(ProcedureDefinition definition, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var context = new EvaluationContext(today);
        var read = ConditionReads(definition).ToList();
        var best = Answers.Empty;
        var shown = Shown(definition, best, context);
        foreach (var scenario in definition.Tests)
        {
            var kept = read.Aggregate(Answers.Empty, (answers, path) => Copy(scenario.Answers, answers, path));
            var count = Shown(definition, kept, context);
            if (count > shown)
                (best, shown) = (kept, count);
        }
        return best;
    }

    /// <summary>How many sections and fields (outside group rows) the form shows for these answers.</summary>
    private static int Shown(ProcedureDefinition definition, Answers answers, EvaluationContext context)
    {
        var state = FormState.Evaluate(definition, answers, context);
        return definition.Sections.Count(s => state.IsSectionVisible(s.Id)) + definition.AllFields().Count(f => state.IsVisible(f.Path));
    }

    /// <summary>Every field path a condition reads, directly or through a computed value.</summary>
    private static IEnumerable<IReadOnlyList<string>> ConditionReads(ProcedureDefinition definition)
    {
        var expressions = definition.Sections.Select(s => s.Visible)
            .Concat(definition.AllFields().SelectMany(f => new[] { f.Visible, f.Value }))
            .Concat(definition.Documents.Select(d => d.Required.Expression));
        return expressions.SelectMany(e => e?.Compiled?.References ?? []);
    }

    /// <summary>Copies the answer at <paramref name="path"/> (or the group holding it: rows are copied whole) into <paramref name="into"/>.</summary>
    private static Answers Copy(Answers from, Answers into, IReadOnlyList<string> path)
    {
        if (path.Count == 0 || from[path[0]] is not { } value)
            return into;
        if (path.Count == 1 || value is not Answers nested)
            return into.With(path[0], value);
        return into.With(path[0], Copy(nested, into[path[0]] as Answers ?? Answers.Empty, path.Skip(1).ToList()));
    }
}
