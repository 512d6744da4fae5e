using System.Globalization;
using System.Text.RegularExpressions;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// Answers that open a procedure's form, and nothing else, so that "next" still shows the required fields' messages
/// while conditional sections and fields are on the page. <see cref="For"/>: of the scenario that shows the most
/// sections and fields, only the answers that conditions read (sections' and fields' <c>visible:</c>, documents'
/// <c>required:</c>, and what computed values read). <see cref="Drafts"/>: those, then as many more sets as it takes to
/// show every section once, each found from the hidden section's <c>visible:</c> expression and the definition alone.
/// </summary>
internal static partial class RevealingAnswers
{
    /// <summary>How many answer sets one section's search may try before giving up.</summary>
    private const int Budget = 20_000;

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

    /// <summary>
    /// Answer sets that together show every section of the form: <see cref="For"/> first, then, for each section none of
    /// the sets before shows, that first set changed at the fields its <c>visible:</c> reads (and the fields those fields'
    /// own conditions read) until it shows. A section no answers were found for is left out: the walk names it.
    /// </summary>
    public static IReadOnlyList<Answers> Drafts(ProcedureDefinition definition, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var context = new EvaluationContext(today);
        var first = For(definition, today);
        var drafts = new List<Answers> { first };
        var shown = Sections(definition, first, context).ToHashSet(StringComparer.Ordinal);
        foreach (var section in definition.Sections.Where(s => !shown.Contains(s.Id)))
        {
            if (shown.Contains(section.Id) || Opening(definition, section, first, context) is not { } opening)
                continue;
            drafts.Add(opening);
            shown.UnionWith(Sections(definition, opening, context));
        }
        return drafts;
    }

    /// <summary>The sections shown for these answers, once hidden answers are dropped as the form drops them.</summary>
    public static IEnumerable<string> Sections(ProcedureDefinition definition, Answers answers, EvaluationContext context)
    {
        var state = FormState.Evaluate(definition, VisibleAnswers.Prune(definition, answers, context), context);
        return definition.Sections.Where(s => state.IsSectionVisible(s.Id)).Select(s => s.Id);
    }

    /// <summary>
    /// <paramref name="answers"/> with rows in each repeating group the form shows whose fields have conditions of their own
    /// (<c>visible: id_type == "cin"</c>, reading the row's other fields): for each such field no row shows yet, one more
    /// row, holding only the answers that show it (found from its condition as for a section), up to the group's
    /// <c>max</c>. A field no row could be found for stays hidden (<see cref="HiddenRowFields"/> names it). The answers are
    /// left as they were if the rows would hide a section they show (a condition on the number of rows).
    /// </summary>
    public static Answers WithRows(ProcedureDefinition definition, Answers answers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var context = new EvaluationContext(today);
        var result = answers;
        foreach (var section in definition.Sections)
        {
            foreach (var group in section.Fields.Where(f => f.Type == FieldType.Group && f.Fields.Any(c => c.Visible is not null)))
                result = WithGroupRows(definition, result, section.Include is null ? [group.Id] : [section.Id, group.Id], group, context);
        }
        return Sections(definition, answers, context).All(Sections(definition, result, context).Contains) ? result : answers;
    }

    /// <summary>The fields of repeating rows that have a condition and that no row of any of these drafts shows, as <c>group.field</c>.</summary>
    public static IEnumerable<string> HiddenRowFields(ProcedureDefinition definition, IReadOnlyList<Answers> drafts, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var states = drafts.Select(a => (Answers: a, State: FormState.Evaluate(definition, VisibleAnswers.Prune(definition, a, context), context))).ToList();
        foreach (var section in definition.Sections)
        {
            foreach (var group in section.Fields.Where(f => f.Type == FieldType.Group))
            {
                var path = section.Include is null ? group.Id : section.Id + "." + group.Id;
                foreach (var child in group.Fields.Where(c => c.Visible is not null))
                {
                    if (!states.Any(d => Enumerable.Range(0, (Get(d.Answers, path.Split('.')) as IReadOnlyList<object?>)?.Count ?? 0)
                        .Any(i => d.State.IsVisible($"{path}[{i}].{child.Id}"))))
                    {
                        yield return path + "." + child.Id;
                    }
                }
            }
        }
    }

    private static Answers WithGroupRows(ProcedureDefinition definition, Answers answers, IReadOnlyList<string> path, FieldDefinition group, EvaluationContext context)
    {
        var name = string.Join('.', path);
        var max = group.Max?.Number is { } most ? (int)most : int.MaxValue;
        var rows = (Get(answers, path) as IReadOnlyList<object?>)?.ToList() ?? [];
        FormState With(List<object?> trial) => FormState.Evaluate(definition, Set(answers, path, trial), context);
        foreach (var child in group.Fields.Where(c => c.Visible is not null))
        {
            var state = With(rows);
            if (!state.IsVisible(name))
                return answers;
            if (rows.Count >= max)
                break;
            if (Enumerable.Range(0, rows.Count).Any(i => state.IsVisible($"{name}[{i}].{child.Id}")))
                continue;
            var scenarioRows = definition.Tests.SelectMany(t => Get(t.Answers, path) as IReadOnlyList<object?> ?? []).OfType<Answers>().ToList();
            var found = (child.Visible!.Compiled?.References ?? [])
                .SelectMany(read => Candidates(definition, group.Fields.FirstOrDefault(f => f.Id == read[0]), string.Join('.', read),
                    scenarioRows.Select(r => Get(r, read)), context.Today).Select(value => Set(Answers.Empty, read, value)))
                .Take(Budget)
                .FirstOrDefault(row => With([.. rows, row]).IsVisible($"{name}[{rows.Count}].{child.Id}"));
            if (found is not null)
                rows.Add(found);
        }
        return rows.Count == 0 ? answers : Set(answers, path, rows);
    }

    /// <summary>
    /// <paramref name="start"/> changed at one, then at two of the fields the section's condition depends on, each
    /// taking the values its definition and the expressions suggest, until the section shows.
    /// </summary>
    private static Answers? Opening(ProcedureDefinition definition, SectionDefinition section, Answers start, EvaluationContext context)
    {
        var paths = Dependencies(definition, section.Visible);
        var candidates = paths.Select(p => Candidates(definition, p, context.Today).ToList()).ToList();
        var tried = 0;
        bool Opens(Answers answers) => ++tried <= Budget && Sections(definition, answers, context).Contains(section.Id);
        for (var i = 0; i < paths.Count; i++)
        {
            foreach (var value in candidates[i])
            {
                if (Set(start, paths[i], value) is var one && Opens(one))
                    return one;
            }
        }
        for (var i = 0; i < paths.Count; i++)
        {
            for (var j = i + 1; j < paths.Count; j++)
            {
                foreach (var first in candidates[i])
                {
                    foreach (var second in candidates[j])
                    {
                        if (Set(Set(start, paths[i], first), paths[j], second) is var two && Opens(two))
                            return two;
                    }
                }
            }
        }
        return null;
    }

    /// <summary>The fields a condition reads, then the fields whose conditions hide or show those (their own and their section's).</summary>
    private static List<IReadOnlyList<string>> Dependencies(ProcedureDefinition definition, ExpressionSource? condition)
    {
        var found = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<IReadOnlyList<string>>(condition?.Compiled?.References ?? []);
        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(string.Join('.', path)))
                continue;
            found.Add(path);
            var (section, field) = Owner(definition, path);
            foreach (var next in new[] { section?.Visible, field?.Visible, field?.Value }.SelectMany(e => e?.Compiled?.References ?? []))
                pending.Enqueue(next);
        }
        return found;
    }

    /// <summary>The section and the field an answer path belongs to (the longest dotted prefix that names a field: an address member belongs to its address).</summary>
    private static (SectionDefinition? Section, FieldDefinition? Field) Owner(ProcedureDefinition definition, IReadOnlyList<string> path)
    {
        for (var length = path.Count; length > 0; length--)
        {
            var name = string.Join('.', path.Take(length));
            foreach (var section in definition.Sections)
            {
                var prefix = section.Include is null ? "" : section.Id + ".";
                if (section.Fields.FirstOrDefault(f => prefix + f.Id == name) is { } field)
                    return (section, field);
            }
        }
        return (null, null);
    }

    /// <summary>
    /// Values worth trying at a path: what the procedure's scenarios answer there, what its type allows (every option,
    /// yes and no, all the choices at once and each alone), and around the literals of the conditions that read it
    /// (a number and its neighbours; for a date, the literal dates and the days and years before today those numbers say,
    /// as <c>age(d) &lt; 18</c> or <c>days_between(d, today()) &gt; 1</c> need).
    /// </summary>
    private static IEnumerable<object> Candidates(ProcedureDefinition definition, IReadOnlyList<string> path, DateOnly today) =>
        Candidates(definition, Owner(definition, path).Field, string.Join('.', path), definition.Tests.Select(s => Get(s.Answers, path)), today);

    /// <summary>The values worth trying for <paramref name="field"/>, read as <paramref name="name"/> by conditions, after those the scenarios gave it.</summary>
    private static IEnumerable<object> Candidates(ProcedureDefinition definition, FieldDefinition? field, string name, IEnumerable<object?> answered, DateOnly today)
    {
        var values = answered.OfType<object>().ToList();
        var literals = Literals(definition, name).ToList();
        var numbers = literals.Select(l => decimal.TryParse(l, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : (decimal?)null).OfType<decimal>().ToList();
        switch (field?.Type)
        {
            case FieldType.Boolean or FieldType.Consent:
                values.AddRange(["true", "false"]);
                break;
            case FieldType.Multichoice:
                values.Add(field.Choices.Select(c => (object?)c.Value).ToList());
                values.AddRange(field.Choices.Select(c => new List<object?> { c.Value }));
                break;
            case FieldType.Number or FieldType.Money:
                values.AddRange(numbers.SelectMany(n => new[] { n - 1, n, n + 1 }).Where(n => n >= 0).Select(n => n.ToString(CultureInfo.InvariantCulture)));
                values.AddRange(new[] { field.Min?.Number, field.Max?.Number, 1m }.OfType<decimal>().Select(n => n.ToString(CultureInfo.InvariantCulture)));
                break;
            case FieldType.Date:
                values.AddRange(literals.Where(l => DateOnly.TryParse(l, CultureInfo.InvariantCulture, out _)));
                values.AddRange(numbers.Where(n => n is > 0 and < 150).SelectMany(n => new[] { today.AddYears(-(int)n + 1), today.AddYears(-(int)n - 1) }).Select(Iso));
                values.AddRange(numbers.Where(n => n is > 0 and < 3650).SelectMany(n => new[] { today.AddDays(-(int)n - 1), today.AddDays((int)n + 1) }).Select(Iso));
                values.AddRange(new[] { today.AddYears(-30), today.AddDays(-1), today }.Select(Iso));
                break;
            case FieldType.Group:
                break;
            default:
                values.AddRange(field?.Choices.Select(c => c.Value) ?? []);
                values.AddRange(literals.Where(l => !decimal.TryParse(l, CultureInfo.InvariantCulture, out _)));
                break;
        }
        return values.Distinct(AnswerComparer.Instance);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The literals (quoted texts, numbers, dates) written in the conditions and computed values that read <paramref name="path"/>.</summary>
    private static IEnumerable<string> Literals(ProcedureDefinition definition, string path)
    {
        var expressions = definition.Sections.Select(s => s.Visible)
            .Concat(definition.AllFields().SelectMany(f => new[] { f.Visible, f.Value }))
            .OfType<ExpressionSource>()
            .Where(e => e.Compiled?.References.Any(r => string.Join('.', r) == path) == true);
        return expressions.SelectMany(e => Literal().Matches(e.Text)).Select(m => m.Groups["text"].Success ? m.Groups["text"].Value : m.Value);
    }

    [GeneratedRegex("\"(?<text>[^\"]*)\"|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d+(\\.\\d+)?\\b", RegexOptions.CultureInvariant)]
    private static partial Regex Literal();

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

    private static object? Get(Answers answers, IReadOnlyList<string> path) =>
        path.Count == 1 ? answers[path[0]] : answers[path[0]] is Answers nested ? Get(nested, path.Skip(1).ToList()) : null;

    private static Answers Set(Answers answers, IReadOnlyList<string> path, object? value) =>
        path.Count == 1 ? answers.With(path[0], value) : answers.With(path[0], Set(answers[path[0]] as Answers ?? Answers.Empty, path.Skip(1).ToList(), value));

    /// <summary>Copies the answer at <paramref name="path"/> (or the group holding it: rows are copied whole) into <paramref name="into"/>.</summary>
    private static Answers Copy(Answers from, Answers into, IReadOnlyList<string> path)
    {
        if (path.Count == 0 || from[path[0]] is not { } value)
            return into;
        if (path.Count == 1 || value is not Answers nested)
            return into.With(path[0], value);
        return into.With(path[0], Copy(nested, into[path[0]] as Answers ?? Answers.Empty, path.Skip(1).ToList()));
    }

    /// <summary>Answers compared by their JSON form, so a list of choices tried twice is tried once.</summary>
    private sealed class AnswerComparer : IEqualityComparer<object>
    {
        public static readonly AnswerComparer Instance = new();

        public new bool Equals(object? x, object? y) => Text(x) == Text(y);

        public int GetHashCode(object obj) => Text(obj).GetHashCode(StringComparison.Ordinal);

        private static string Text(object? value) => Answers.Empty.With("v", value).ToJson();
    }
}
