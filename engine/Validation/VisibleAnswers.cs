using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Validation;

/// <summary>
/// The answers an applicant actually gives: answers to fields the form does not show (a hidden field,
/// a field of a hidden section, a row field hidden in its row), to computed or read-only fields, or to
/// no field at all, are dropped, so a condition turned false never submits what it hid.
/// </summary>
public static class VisibleAnswers
{
    /// <summary>
    /// Keeps only the answers of fields shown for these answers. Dropping an answer can hide a field
    /// whose condition read it, so pruning repeats until nothing more is dropped; the result is what the
    /// validator sees as shown. Returns <paramref name="answers"/> itself when nothing is hidden.
    /// </summary>
    public static Answers Prune(ProcedureDefinition definition, Answers answers, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        var current = answers;
        while (true)
        {
            var state = FormState.Evaluate(definition, current, context);
            var dropped = false;
            var kept = Keep(definition, current, state, ref dropped);
            if (!dropped)
                return current;
            current = kept;
        }
    }

    private static Answers Keep(ProcedureDefinition definition, Answers answers, FormState state, ref bool dropped)
    {
        var kept = new List<KeyValuePair<string, object?>>(answers.Count);
        foreach (var section in definition.Sections)
        {
            if (section.Include is null)
            {
                foreach (var field in section.Fields)
                    KeepField(field, field.Id, answers, state, kept, ref dropped);
            }
            else if (answers[section.Id] is Answers inner)
            {
                var members = KeepFields(section.Fields, section.Id + ".", inner, state, ref dropped);
                if (members.Count > 0)
                    kept.Add(new(section.Id, members));
            }
        }
        dropped |= kept.Count != answers.Count;
        return Answers.From(kept);
    }

    private static Answers KeepFields(IReadOnlyList<FieldDefinition> fields, string prefix, Answers answers, FormState state, ref bool dropped)
    {
        var kept = new List<KeyValuePair<string, object?>>(answers.Count);
        foreach (var field in fields)
            KeepField(field, prefix + field.Id, answers, state, kept, ref dropped);
        dropped |= kept.Count != answers.Count;
        return Answers.From(kept);
    }

    private static void KeepField(FieldDefinition field, string path, Answers answers, FormState state, List<KeyValuePair<string, object?>> kept, ref bool dropped)
    {
        if (!answers.TryGetValue(field.Id, out var raw) || raw is null || !field.IsInput || !state.IsVisible(path))
            return;
        if (field.Type == FieldType.Group && raw is IReadOnlyList<object?> rows)
        {
            var keptRows = new List<object?>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
                keptRows.Add(KeepFields(field.Fields, $"{path}[{i}].", rows[i] as Answers ?? Answers.Empty, state, ref dropped));
            raw = keptRows;
        }
        kept.Add(new(field.Id, raw));
    }
}
