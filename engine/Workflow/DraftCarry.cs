using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Workflow;

/// <summary>
/// What a draft keeps when it moves from one version of its definition to a newer one: every answer whose field still
/// exists with the same type (its value is checked at submission, as always), every file of a document still asked for in a
/// format still accepted. An answer to a field gone or of another type, a choice no longer offered, a file of a document no
/// longer asked for or in a format no longer accepted is dropped and named. Pure: the two definitions and the draft in, the
/// carried draft out.
/// </summary>
public static class DraftCarry
{
    public static CarriedDraft Carry(ProcedureDefinition from, ProcedureDefinition to, Answers answers, IReadOnlyList<AttachedDocument> documents, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(context);

        var dropped = new List<string>();
        var carried = CarryTop(from, to, answers, dropped);
        var keptDocuments = documents.Where(d => Accepted(to, d)).ToList();
        var droppedDocuments = documents.Where(d => !Accepted(to, d)).Select(d => d.DocumentId).Distinct(StringComparer.Ordinal).ToList();

        var before = FormState.Evaluate(from, answers, context);
        var after = FormState.Evaluate(to, carried, context);
        var requiredFields = to.Sections
            .SelectMany(s => s.Fields.Select(f => s.Include is null ? f.Id : s.Id + "." + f.Id))
            .Where(path => after.IsRequired(path) && !before.IsRequired(path) && IsEmpty(carried.Get(path)))
            .ToList();
        var requiredDocuments = to.Documents.Select(d => d.Id)
            .Where(id => after.IsDocumentRequired(id) && !before.IsDocumentRequired(id) && keptDocuments.All(d => d.DocumentId != id))
            .ToList();

        // Nothing dropped: the very same instances, so storage writes none of them again.
        return new CarriedDraft(
            dropped.Count == 0 ? answers : carried,
            keptDocuments.Count == documents.Count ? documents : keptDocuments,
            [.. dropped.Distinct(StringComparer.Ordinal)], droppedDocuments, requiredFields, requiredDocuments);
    }

    /// <summary>A file whose document the new version still asks for, in a format it still accepts.</summary>
    private static bool Accepted(ProcedureDefinition to, AttachedDocument document) =>
        to.Documents.FirstOrDefault(d => d.Id == document.DocumentId) is { } asked
        && (asked.Formats.Count == 0 || asked.Formats.Contains(document.Format, StringComparer.OrdinalIgnoreCase));

    /// <summary>The top level of the answers: the fields of plain sections by id, and each included section's answers under its id.</summary>
    private static Answers CarryTop(ProcedureDefinition from, ProcedureDefinition to, Answers answers, List<string> dropped)
    {
        var kept = new List<KeyValuePair<string, object?>>(answers.Count);
        foreach (var (key, value) in answers)
        {
            var (oldSection, oldField) = TopLevel(from, key);
            var (newSection, newField) = TopLevel(to, key);
            if (newSection is not null && oldSection is not null && value is Answers members)
            {
                var inner = CarryFields(oldSection.Fields, newSection.Fields, members, key + ".", dropped);
                if (inner.Count > 0)
                    kept.Add(new(key, inner));
            }
            else if (newField is not null && oldField is not null)
            {
                if (CarryValue(oldField, newField, value, key, dropped) is { } carried)
                    kept.Add(new(key, carried));
            }
            else if (oldSection is not null && value is Answers gone)
                dropped.AddRange(gone.Keys.Select(k => key + "." + k));
            else
                dropped.Add(oldField?.Path ?? key);
        }
        return Answers.From(kept);
    }

    /// <summary>What the answers' top-level key <paramref name="key"/> stands for in <paramref name="definition"/>: an included section, or a plain section's field.</summary>
    private static (SectionDefinition? Included, FieldDefinition? Field) TopLevel(ProcedureDefinition definition, string key)
    {
        foreach (var section in definition.Sections)
        {
            if (section.Include is not null)
            {
                if (section.Id == key)
                    return (section, null);
            }
            else if (section.Fields.FirstOrDefault(f => f.Id == key) is { } field)
                return (null, field);
        }
        return (null, null);
    }

    /// <summary>The members of an included section or of a group row, matched by id.</summary>
    private static Answers CarryFields(IReadOnlyList<FieldDefinition> oldFields, IReadOnlyList<FieldDefinition> newFields, Answers answers, string prefix, List<string> dropped)
    {
        var kept = new List<KeyValuePair<string, object?>>(answers.Count);
        foreach (var (key, value) in answers)
        {
            var oldField = oldFields.FirstOrDefault(f => f.Id == key);
            var newField = newFields.FirstOrDefault(f => f.Id == key);
            if (oldField is null || newField is null)
                dropped.Add(oldField?.Path ?? prefix + key);
            else if (CarryValue(oldField, newField, value, oldField.Path, dropped) is { } carried)
                kept.Add(new(key, carried));
        }
        return Answers.From(kept);
    }

    /// <summary>One answer: kept when the field is still an input of the same type, its choices filtered to those still offered; null when dropped.</summary>
    private static object? CarryValue(FieldDefinition old, FieldDefinition now, object? value, string path, List<string> dropped)
    {
        if (value is null)
            return null;
        if (!now.IsInput || old.Type != now.Type)
        {
            dropped.Add(path);
            return null;
        }
        switch (now.Type)
        {
            case FieldType.Choice when now.Choices.Count > 0 && value is string chosen && !Offered(now, chosen):
                dropped.Add(path);
                return null;
            case FieldType.Multichoice when now.Choices.Count > 0 && value is IReadOnlyList<object?> items:
                var still = items.Where(i => i is string chosen && Offered(now, chosen)).ToList();
                if (still.Count == items.Count)
                    return value;
                dropped.Add(path);
                return still.Count > 0 ? still : null;
            case FieldType.Group when value is IReadOnlyList<object?> rows:
                return rows.Select(r => (object?)CarryFields(old.Fields, now.Fields, r as Answers ?? Answers.Empty, path + ".", dropped)).ToList();
            default:
                return value;
        }
    }

    private static bool Offered(FieldDefinition field, string value) => field.Choices.Any(c => c.Value == value);

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        IReadOnlyList<object?> list => list.Count == 0,
        Answers answers => answers.Count == 0,
        _ => false,
    };
}

/// <summary>A draft as <see cref="DraftCarry"/> carried it to a newer version, with what it dropped and what the new version now requires of it.</summary>
public sealed record CarriedDraft(
    Answers Answers,
    IReadOnlyList<AttachedDocument> Documents,
    IReadOnlyList<string> DroppedAnswers,
    IReadOnlyList<string> DroppedDocuments,
    IReadOnlyList<string> RequiredFields,
    IReadOnlyList<string> RequiredDocuments)
{
    /// <summary>The notice of this carry from <paramref name="fromVersion"/> to <paramref name="toVersion"/>, published at <paramref name="publishedAt"/>.</summary>
    public DraftMove Move(int fromVersion, int toVersion, DateTime publishedAt) =>
        new(fromVersion, toVersion, publishedAt, DroppedAnswers, DroppedDocuments, RequiredFields, RequiredDocuments);
}
