using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Validation;

/// <summary>How one field stands for the current answers.</summary>
/// <param name="Visible">Shown to the applicant: its own condition holds and so does its section's (and its group's).</param>
/// <param name="Required">Its <c>required:</c> holds now (meaningful only while visible).</param>
/// <param name="Value">For a computed field, its value now; null otherwise.</param>
/// <param name="Earliest">For a date field, its earliest allowed date now (<c>min:</c> evaluated), if any.</param>
/// <param name="Latest">For a date field, its latest allowed date now, if any.</param>
public sealed record FieldState(bool Visible, bool Required, Value Value, DateOnly? Earliest, DateOnly? Latest)
{
    public static readonly FieldState Hidden = new(false, false, Value.Null, null, null);
}

/// <summary>
/// What the applicant's form shows for a set of answers: the sections and fields shown (group rows one
/// by one), which are required now, computed values, date bounds, and which documents are required.
/// One pass over the definition with the validator's own rules (<see cref="Visibility"/>), so the form
/// never shows a field the validator ignores, nor hides one it checks. Field paths are the validator's:
/// <c>start_date</c>, <c>employer.ice</c>, <c>employees[2].salary</c>.
/// </summary>
public sealed class FormState
{
    private readonly Dictionary<string, FieldState> _fields = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sections = new(StringComparer.Ordinal);
    private readonly HashSet<string> _documents = new(StringComparer.Ordinal);

    private FormState()
    {
    }

    public static FormState Evaluate(ProcedureDefinition definition, Answers answers, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(context);
        var state = new FormState();
        var values = AnswerValues.ForApplication(definition, answers, context);
        foreach (var section in definition.Sections)
        {
            var shown = Visibility.Shows(section, values);
            if (shown)
                state._sections.Add(section.Id);
            var included = section.Include is not null;
            var sectionAnswers = included ? answers[section.Id] as Answers ?? Answers.Empty : answers;
            var sectionValues = values.ForSection(section);
            foreach (var field in section.Fields)
                state.Visit(field, included ? section.Id + "." + field.Id : field.Id, shown, sectionAnswers, sectionValues);
        }
        foreach (var document in definition.Documents)
        {
            if (Visibility.Holds(document.Required, values))
                state._documents.Add(document.Id);
        }
        return state;
    }

    /// <summary>Whether the section (a page of the form) is shown.</summary>
    public bool IsSectionVisible(string sectionId) => _sections.Contains(sectionId);

    /// <summary>The field's state; <see cref="FieldState.Hidden"/> for a path the form does not show (a row that does not exist, an unknown path).</summary>
    public FieldState Field(string path) => _fields.TryGetValue(path, out var state) ? state : FieldState.Hidden;

    public bool IsVisible(string path) => Field(path).Visible;

    public bool IsRequired(string path) => Field(path) is { Visible: true, Required: true };

    /// <summary>Whether the document must be attached for the current answers.</summary>
    public bool IsDocumentRequired(string documentId) => _documents.Contains(documentId);

    private void Visit(FieldDefinition field, string path, bool parentShown, Answers answers, AnswerValues values)
    {
        var shown = parentShown && Visibility.Shows(field, values);
        if (!shown)
        {
            _fields[path] = FieldState.Hidden;
            return;
        }
        var required = field.IsInput && Visibility.Holds(field.Required, values);
        var value = field.Type == FieldType.Computed ? values.Evaluate(field.Value) : Value.Null;
        DateOnly? earliest = null, latest = null;
        if (field.Type == FieldType.Date)
        {
            earliest = field.Min?.Expression is { } min ? values.Evaluate(min).AsDate : null;
            latest = field.Max?.Expression is { } max ? values.Evaluate(max).AsDate : null;
        }
        _fields[path] = new FieldState(true, required, value, earliest, latest);

        if (field.Type == FieldType.Group && answers[field.Id] is IReadOnlyList<object?> rows)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i] as Answers ?? Answers.Empty;
                var rowValues = values.ForRow(field, row);
                foreach (var child in field.Fields)
                    Visit(child, $"{path}[{i}].{child.Id}", true, row, rowValues);
            }
        }
    }
}
