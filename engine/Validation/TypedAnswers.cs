using System.Globalization;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Validation;

/// <summary>
/// The answers as another system reads them: only those the form shows (<see cref="VisibleAnswers"/>: a hidden field's
/// answer never goes out), keyed by the definition's stable field ids, each value typed by its field: numbers and amounts
/// as numbers, yes/no and consents as booleans, dates as <c>yyyy-MM-dd</c> text, a multiple choice as a list of its
/// values, a repeating group as a list of rows, an included section and an address as nested objects, everything else
/// (identifiers, choices, text) as the text the applicant typed. A number that does not parse stays text rather than
/// being lost.
/// </summary>
public static class TypedAnswers
{
    public static IReadOnlyDictionary<string, object?> Of(ProcedureDefinition definition, Answers answers, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var shown = VisibleAnswers.Prune(definition, answers, context);
        var typed = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var section in definition.Sections)
        {
            if (section.Include is null)
                Add(section.Fields, shown, typed);
            else if (shown[section.Id] is Answers inner)
                typed[section.Id] = Of(section.Fields, inner);
        }
        return typed;
    }

    private static Dictionary<string, object?> Of(IReadOnlyList<FieldDefinition> fields, Answers answers)
    {
        var typed = new Dictionary<string, object?>(StringComparer.Ordinal);
        Add(fields, answers, typed);
        return typed;
    }

    private static void Add(IReadOnlyList<FieldDefinition> fields, Answers answers, Dictionary<string, object?> typed)
    {
        foreach (var field in fields)
        {
            if (answers[field.Id] is { } raw)
                typed[field.Id] = Value(field, raw);
        }
    }

    private static object? Value(FieldDefinition field, object raw) => (field.Type, raw) switch
    {
        (FieldType.Group, IReadOnlyList<object?> rows) => rows.Select(r => Of(field.Fields, r as Answers ?? Answers.Empty)).ToList(),
        (FieldType.Number or FieldType.Money, string text) when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number,
        (FieldType.Boolean or FieldType.Consent, string text) when bool.TryParse(text, out var flag) => flag,
        (FieldType.Multichoice, string single) => new List<object?> { single },
        (_, Answers nested) => nested.ToDictionary(p => p.Key, p => Plain(p.Value), StringComparer.Ordinal),
        _ => Plain(raw),
    };

    private static object? Plain(object? value) => value switch
    {
        Answers nested => nested.ToDictionary(p => p.Key, p => Plain(p.Value), StringComparer.Ordinal),
        IReadOnlyList<object?> list => list.Select(Plain).ToList(),
        _ => value,
    };
}
