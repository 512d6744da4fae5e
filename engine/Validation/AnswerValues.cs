using System.Globalization;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Validation;

/// <summary>
/// The answers as expressions see them: typed values by field name, one level at a time (the whole
/// application, an included section, a group row), falling back to the enclosing level. Computed
/// fields are evaluated on first read and cached; a cycle reads as null rather than recursing.
/// </summary>
internal sealed class AnswerValues : IValueSource
{
    private readonly Dictionary<string, FieldDefinition> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SectionDefinition> _records = new(StringComparer.Ordinal);
    private readonly Answers _answers;
    private readonly AnswerValues? _outer;
    private readonly Dictionary<string, Value> _cache = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);

    private AnswerValues(Answers answers, AnswerValues? outer, EvaluationContext context)
    {
        _answers = answers;
        _outer = outer;
        Context = context;
    }

    public EvaluationContext Context { get; }

    public static AnswerValues ForApplication(ProcedureDefinition definition, Answers answers, EvaluationContext context)
    {
        var values = new AnswerValues(answers, null, context);
        foreach (var section in definition.Sections)
        {
            if (section.Include is not null)
                values._records.TryAdd(section.Id, section);
            else
            {
                foreach (var field in section.Fields)
                    values._fields.TryAdd(field.Id, field);
            }
        }
        return values;
    }

    /// <summary>The values an included section's own expressions see.</summary>
    public AnswerValues ForSection(SectionDefinition section)
    {
        if (section.Include is null)
            return this;
        var values = new AnswerValues(_answers[section.Id] as Answers ?? Answers.Empty, this, Context);
        foreach (var field in section.Fields)
            values._fields.TryAdd(field.Id, field);
        return values;
    }

    /// <summary>The values one row of a group sees.</summary>
    public AnswerValues ForRow(FieldDefinition group, Answers row)
    {
        var values = new AnswerValues(row, this, Context);
        foreach (var field in group.Fields)
            values._fields.TryAdd(field.Id, field);
        return values;
    }

    /// <summary>Reviewer fields of a step, readable as <c>step.field</c> by later conditions.</summary>
    public AnswerValues WithStep(StepDefinition step, Answers fields)
    {
        var values = new AnswerValues(Answers.Empty.With(step.Id, fields), this, Context);
        values._records[step.Id] = new SectionDefinition { Id = step.Id, Include = step.Id, Fields = step.Fields, Span = step.Span };
        return values;
    }

    public Value Get(string name)
    {
        if (_cache.TryGetValue(name, out var cached))
            return cached;
        Value value;
        if (_fields.TryGetValue(name, out var field))
        {
            if (!_evaluating.Add(name))
                return Value.Null;
            value = ValueOf(field, _answers[name]);
            _evaluating.Remove(name);
        }
        else if (_records.TryGetValue(name, out var section))
        {
            var inner = ForSection(section);
            value = Value.Record(section.Fields.ToDictionary(f => f.Id, f => inner.Get(f.Id), StringComparer.Ordinal));
        }
        else
        {
            return _outer?.Get(name) ?? Value.Null;
        }
        _cache[name] = value;
        return value;
    }

    /// <summary>Evaluates a compiled expression here; an expression that failed to compile reads as null.</summary>
    public Value Evaluate(ExpressionSource? source) =>
        source?.Compiled is { } compiled ? compiled.Evaluate(this, Context) : Value.Null;

    private Value ValueOf(FieldDefinition field, object? raw) => field.Type switch
    {
        FieldType.Computed => Evaluate(field.Value),
        FieldType.Info => Value.Null,
        FieldType.Number or FieldType.Money => Value.From(ParseNumber(raw as string)),
        FieldType.Date => Value.From(ParseDate(raw as string)),
        FieldType.Boolean or FieldType.Consent => raw is "true" ? Value.True : raw is "false" ? Value.False : Value.Null,
        FieldType.Multichoice => raw is IReadOnlyList<object?> items ? Value.List(items.OfType<string>().Select(Value.From)) : Value.Null,
        FieldType.Group => raw is IReadOnlyList<object?> rows ? Value.Group(rows.Select(r => (IValueSource)ForRow(field, r as Answers ?? Answers.Empty))) : Value.Group([]),
        FieldType.Address or FieldType.Rc => raw is Answers record
            ? Value.Record(record.ToDictionary(p => p.Key, p => p.Value is string text ? Value.From(text) : Value.Null, StringComparer.Ordinal))
            : Value.Null,
        _ => raw is string text && text.Length > 0 ? Value.From(text) : Value.Null,
    };

    /// <summary>Numbers as people type them: spaces as thousands separators, a comma or a point for decimals.</summary>
    internal static decimal? ParseNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var cleaned = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    internal static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
