using System.Globalization;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Validation;

/// <summary>
/// A prefilled link ("préremplissage"): answers a partner's or the ministry's page already knows, carried in the address
/// that starts a new draft. Keys name a field as its answer is saved, rows counted from 1: <c>duration</c> (a field of a
/// plain section), <c>employer.ice</c> (a fragment's field, after its section), <c>parties.2.party_name</c> (a group's row
/// field), <c>employer.address.province</c> (a part of an address or a register). <see cref="Read"/> takes each value as
/// a typed answer would be: parsed and checked by its field's own type; a value the field refuses, an unknown field, a
/// computed, reviewer-only or consent field, a document, or a field the form hides is left aside with its reason. A value
/// valid on its own that the whole form does not yet accept (a required neighbour empty, a rule across fields) is kept,
/// as any draft's answer is. <see cref="Of"/> is the other way: the link that gives a form's current answers.
/// </summary>
public static class PrefillLink
{
    /// <summary>What starts a link's value in its address: <c>f.employer.ice=...</c>.</summary>
    public const string Prefix = "f.";

    /// <summary>The most values one link may carry; more and the link is refused whole.</summary>
    public const int MaximumValues = 100;

    /// <summary>The longest value, in characters; a longer one is left aside.</summary>
    public const int MaximumLength = 2000;

    /// <summary>The parts of the fields made of several inputs, as the form saves them.</summary>
    private static readonly Dictionary<FieldType, string[]> Parts = new()
    {
        [FieldType.Address] = ["street", "commune", "province", "postal_code"],
        [FieldType.Rc] = ["number", "court"],
    };

    /// <summary>The validator's codes that say the form as a whole is not complete yet, not that this value is wrong.</summary>
    private static readonly HashSet<string> Incomplete = new(StringComparer.Ordinal) { "required", "consent.required", "group.min", "group.max" };

    private static readonly string[] Yes = ["true", "oui", "yes", "1"];
    private static readonly string[] No = ["false", "non", "no", "0"];

    /// <summary>
    /// The answers <paramref name="values"/> give a new draft of <paramref name="definition"/>, laid over
    /// <paramref name="under"/> (what the draft already holds, such as sections carried from an earlier application: the
    /// link wins for the fields it names). Keys are without the link's <c>f.</c>; a key given several times gives a
    /// multiple choice its choices, and is left aside for any other field.
    /// </summary>
    public static PrefillResult Read(ProcedureDefinition definition, IReadOnlyList<KeyValuePair<string, string>> values, EvaluationContext context, Answers? under = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(context);
        under ??= Answers.Empty;
        if (values.Count > MaximumValues)
            return new PrefillResult(under, [], [], PrefillReasons.TooMany(values.Count));

        var ignored = new List<IgnoredValue>();
        var taken = new List<Taken>();
        foreach (var given in values.GroupBy(v => v.Key, v => v.Value, StringComparer.Ordinal))
        {
            var key = given.Key;
            var texts = given.Select(v => v.Trim()).ToList();
            if (texts.Any(t => t.Length > MaximumLength))
            {
                ignored.Add(PrefillReasons.Ignore(key, PrefillReasons.TooLong, MaximumLength));
                continue;
            }
            var target = Resolve(definition, key);
            if (target.Code is { } code)
            {
                ignored.Add(PrefillReasons.Ignore(key, code));
                continue;
            }
            if (Parse(target.Field!, target.Part, texts) is not { } value)
            {
                ignored.Add(PrefillReasons.Ignore(key, texts.All(t => t.Length == 0) ? PrefillReasons.Empty
                    : texts.Count > 1 && target.Field!.Type != FieldType.Multichoice ? PrefillReasons.Repeated
                    : "boolean.format"));
                continue;
            }
            taken.Add(new Taken(key, target.Path!, target.Part is null ? target.Path! : target.Path! + "." + target.Part, value));
        }

        // Setting aside one value can hide a field another value showed (a choice that showed it was refused), so this
        // runs until the answers no longer change.
        while (true)
        {
            var answers = taken.Aggregate(under, (current, t) => AnswerPaths.Set(current, t.Answer, t.Value, addRows: true));
            var state = FormState.Evaluate(definition, answers, context);
            var hidden = taken.Where(t => !state.IsVisible(t.Field)).ToList();
            var refused = hidden.Count > 0 ? [] : Refused(definition, answers, context, taken);
            if (hidden.Count == 0 && refused.Count == 0)
                return new PrefillResult(answers, [.. taken.Select(t => t.Answer)], Ordered(values, ignored));
            foreach (var t in hidden)
                ignored.Add(PrefillReasons.Ignore(t.Key, PrefillReasons.Hidden));
            foreach (var (t, error) in refused)
                ignored.Add(new IgnoredValue(t.Key, error.Code, error.Message));
            taken.RemoveAll(t => hidden.Contains(t) || refused.Any(r => r.Value == t));
        }
    }

    /// <summary>
    /// The link's values (keys without <c>f.</c>) that give <paramref name="answers"/>: every answer an applicant could
    /// have given by a link, in the form's order (a visible input field, not a consent, not computed; a multiple choice
    /// once per choice). What <see cref="Read"/> reads back into the same answers.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Of(ProcedureDefinition definition, Answers answers, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(context);
        var state = FormState.Evaluate(definition, answers, context);
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var section in definition.Sections.Where(s => state.IsSectionVisible(s.Id)))
        {
            var included = section.Include is not null;
            foreach (var field in section.Fields)
            {
                var name = included ? section.Id + "." + field.Id : field.Id;
                Add(field, name, name, answers, state, pairs);
            }
        }
        return pairs;
    }

    /// <summary>The query string that carries <paramref name="values"/> (keys without <see cref="Prefix"/>), each escaped.</summary>
    public static string Query(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return string.Join('&', values.Select(v => Uri.EscapeDataString(Prefix + v.Key) + "=" + Uri.EscapeDataString(v.Value)));
    }

    /// <summary>The address, under the portal's <paramref name="portal"/>, of the link that starts <paramref name="procedureId"/> with <paramref name="values"/>.</summary>
    public static string Address(string portal, string procedureId, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(procedureId);
        ArgumentNullException.ThrowIfNull(values);
        var path = portal.TrimEnd('/') + "/procedures/" + Uri.EscapeDataString(procedureId) + "/apply";
        return values.Count == 0 ? path : path + "?" + Query(values);
    }

    private static void Add(FieldDefinition field, string key, string path, Answers answers, FormState state, List<KeyValuePair<string, string>> pairs)
    {
        if (!field.IsInput || field.Type == FieldType.Consent || !state.IsVisible(path) || AnswerPaths.Get(answers, path) is not { } raw)
            return;
        switch (raw)
        {
            case IReadOnlyList<object?> rows when field.Type == FieldType.Group:
                for (var i = 0; i < rows.Count; i++)
                {
                    foreach (var member in field.Fields)
                        Add(member, $"{key}.{i + 1}.{member.Id}", $"{path}[{i}].{member.Id}", answers, state, pairs);
                }
                break;
            case IReadOnlyList<object?> choices:
                pairs.AddRange(choices.OfType<string>().Select(c => new KeyValuePair<string, string>(key, c)));
                break;
            case Answers parts when Parts.TryGetValue(field.Type, out var names):
                foreach (var part in names)
                {
                    if (parts[part] is string text && !string.IsNullOrWhiteSpace(text))
                        pairs.Add(new(key + "." + part, text));
                }
                break;
            case string text when !string.IsNullOrWhiteSpace(text):
                pairs.Add(new(key, text));
                break;
        }
    }

    /// <summary>The applicant's field a link's key names (to say which it is), or null when it names none they answer.</summary>
    public static FieldDefinition? FieldNamed(ProcedureDefinition definition, string key)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(key);
        return Resolve(definition, key).Field;
    }

    /// <summary>The field a key names, the validator's path of its answer, and the part of an address or register; or why none.</summary>
    private static Target Resolve(ProcedureDefinition definition, string key)
    {
        var segments = key.Split('.');
        IReadOnlyList<FieldDefinition> fields;
        string path;
        var at = 0;
        if (segments.Length > 1 && definition.Sections.FirstOrDefault(s => s.Include is not null && s.Id == segments[0]) is { } included)
        {
            fields = included.Fields;
            path = included.Id + ".";
            at = 1;
        }
        else
        {
            fields = [.. definition.Sections.Where(s => s.Include is null).SelectMany(s => s.Fields)];
            path = "";
        }

        while (true)
        {
            var field = fields.FirstOrDefault(f => f.Id == segments[at]);
            if (field is null)
                return Target.Not(at == 0 ? Unknown(definition, segments[0]) : PrefillReasons.Unknown);
            path += field.Id;
            at++;
            if (!field.IsInput)
                return Target.Not(PrefillReasons.NotAnswered);
            if (field.Type == FieldType.Consent)
                return Target.Not(PrefillReasons.Consent);
            if (field.Type == FieldType.Group)
            {
                if (at + 1 >= segments.Length)
                    return Target.Not(PrefillReasons.Group);
                if (!int.TryParse(segments[at], NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row < 1
                    || row > Math.Min(MaximumValues, field.Max?.Number is { } most ? (int)most : MaximumValues))
                    return Target.Not(PrefillReasons.Row);
                path += $"[{row - 1}].";
                fields = field.Fields;
                at++;
                continue;
            }
            if (Parts.TryGetValue(field.Type, out var parts))
            {
                if (at != segments.Length - 1 || !parts.Contains(segments[at], StringComparer.Ordinal))
                    return Target.Not(PrefillReasons.Part);
                return new Target(field, path, segments[at], null);
            }
            return at == segments.Length ? new Target(field, path, null, null) : Target.Not(PrefillReasons.Unknown);
        }
    }

    /// <summary>Why a key that names no applicant's field was given: a reviewer's field, a document, or nothing known.</summary>
    private static string Unknown(ProcedureDefinition definition, string name) =>
        definition.Steps.Any(s => s.Fields.Any(f => f.Id == name)) ? PrefillReasons.ReviewerOnly
        : definition.Documents.Any(d => d.Id == name) ? PrefillReasons.Document
        : PrefillReasons.Unknown;

    /// <summary>The answer a link's texts give a field (a part's text, a multiple choice's list, a yes or no); null when none.</summary>
    private static object? Parse(FieldDefinition field, string? part, List<string> texts)
    {
        if (texts.All(t => t.Length == 0))
            return null;
        if (part is null && field.Type == FieldType.Multichoice)
            return texts.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (texts.Count > 1)
            return null;
        var text = texts[0];
        if (part is null && field.Type == FieldType.Boolean)
        {
            return Yes.Contains(text, StringComparer.OrdinalIgnoreCase) ? "true"
                : No.Contains(text, StringComparer.OrdinalIgnoreCase) ? "false"
                : null;
        }
        return text;
    }

    /// <summary>The taken values the validator refuses on their own (format, choice, bounds, identifier keys), with its error.</summary>
    private static List<(Taken Value, ValidationError Error)> Refused(ProcedureDefinition definition, Answers answers, EvaluationContext context, List<Taken> taken)
    {
        var errors = SubmissionValidator.Validate(definition, new Submission(answers, []), context).Errors
            .Where(e => !Incomplete.Contains(e.Code) && !e.Code.StartsWith("rule.", StringComparison.Ordinal))
            .ToList();
        var refused = new List<(Taken, ValidationError)>();
        foreach (var t in taken)
        {
            if (errors.FirstOrDefault(e => e.Path == t.Answer) is { } error)
                refused.Add((t, error));
        }
        return refused;
    }

    /// <summary>The ignored values in the order the link gave their keys.</summary>
    private static List<IgnoredValue> Ordered(IReadOnlyList<KeyValuePair<string, string>> values, List<IgnoredValue> ignored)
    {
        var order = values.Select(v => v.Key).Distinct(StringComparer.Ordinal).Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        return [.. ignored.OrderBy(i => order[i.Key])];
    }

    /// <summary>A value taken: the link's key, the path of its field (what the form shows or hides), the path of its answer (a part's for an address), the answer.</summary>
    private sealed record Taken(string Key, string Field, string Answer, object Value);

    private sealed record Target(FieldDefinition? Field, string? Path, string? Part, string? Code)
    {
        public static Target Not(string code) => new(null, null, null, code);
    }
}
