using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Authoring;

/// <summary>
/// Builds <see cref="DefinitionChanges.Compare"/>'s list: items are matched by id (fields by the path answers are
/// saved under), and each difference is judged against what an application in progress holds: saved answers and
/// files, the need to submit again after a request for changes, and its place in the circuit.
/// </summary>
internal sealed partial class ChangeList(ProcedureDefinition published, ProcedureDefinition draft)
{
    private readonly List<DefinitionChange> _changes = [];

    public IReadOnlyList<DefinitionChange> Build()
    {
        Sections();
        Fields();
        Documents();
        Rules();
        Steps();
        Outputs();
        Deadlines();
        Applicant();
        Labels();
        Other();
        // OrderBy is stable: within an area, the order the comparisons produced.
        return _changes.OrderBy(c => c.Area).ToList();
    }

    private void Add(ChangeArea area, ChangeKind kind, string path, PropertyList properties, LocalizedText? breaks = null)
    {
        if (kind != ChangeKind.Changed || properties.Count > 0)
            _changes.Add(new DefinitionChange(area, kind, path, properties.Items, breaks));
    }

    /// <summary>The items of both lists matched by key: the draft's in its order, then those only published.</summary>
    private static IEnumerable<(T? Old, T? New)> Pair<T>(IEnumerable<T> old, IEnumerable<T> now, Func<T, string> key) where T : class
    {
        var olds = old.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var news = now.GroupBy(key, StringComparer.Ordinal).Select(g => g.First()).ToList();
        foreach (var item in news)
            yield return (olds.GetValueOrDefault(key(item)), item);
        var seen = news.Select(key).ToHashSet(StringComparer.Ordinal);
        foreach (var item in olds.Values.Where(o => !seen.Contains(key(o))))
            yield return (item, null);
    }

    /// <summary>The ids present in both lists whose relative order changed: those outside a longest common subsequence.</summary>
    private static HashSet<string> Moved(IReadOnlyList<string> old, IReadOnlyList<string> now)
    {
        var common = old.Intersect(now, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var a = old.Where(common.Contains).ToList();
        var b = now.Where(common.Contains).ToList();
        var length = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
                length[i, j] = a[i] == b[j] ? length[i + 1, j + 1] + 1 : Math.Max(length[i + 1, j], length[i, j + 1]);
        }
        var kept = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0, j = 0; i < a.Count && j < b.Count;)
        {
            if (a[i] == b[j])
            {
                kept.Add(a[i]);
                i++;
                j++;
            }
            else if (length[i + 1, j] >= length[i, j + 1])
                i++;
            else
                j++;
        }
        common.ExceptWith(kept);
        return common;
    }

    /// <summary>Whether <paramref name="now"/> may require what <paramref name="old"/> did not (any other condition may).</summary>
    private static bool MoreRequired(Condition old, Condition now) =>
        !(old.IsConstant && old.Constant) && !(now.IsConstant && !now.Constant)
        && (old.IsConstant || now.IsConstant || old.Expression!.Text != now.Expression!.Text);

    /// <summary>Whether a visibility condition may now show what it hid: removed or rewritten.</summary>
    private static bool MoreShown(ExpressionSource? old, ExpressionSource? now) =>
        old is not null && (now is null || now.Text != old.Text);

    private static bool MayBeRequired(FieldDefinition field) =>
        field.IsInput && !(field.Required.IsConstant && !field.Required.Constant);

    private void Sections()
    {
        var moved = Moved(published.Sections.Select(s => s.Id).ToList(), draft.Sections.Select(s => s.Id).ToList());
        foreach (var (old, now) in Pair(published.Sections, draft.Sections, s => s.Id))
        {
            var path = "sections." + (now ?? old)!.Id;
            if (old is null || now is null)
            {
                var item = (now ?? old)!;
                Add(ChangeArea.Section, old is null ? ChangeKind.Added : ChangeKind.Removed, path,
                    new PropertyList().Describe("include", item.Include, old is null).Describe("visible", item.Visible?.Text, old is null));
                continue;
            }
            var shown = MoreShown(old.Visible, now.Visible) && now.Fields.Any(MayBeRequired);
            var properties = new PropertyList()
                .Add("include", old.Include, now.Include)
                .Add("visible", old.Visible?.Text, now.Visible?.Text, shown ? ChangeReasons.Of(ChangeReasons.SectionShown, now.Id) : null)
                .Texts("title", old.Title, now.Title)
                .Texts("help", old.Help, now.Help);
            if (moved.Contains(now.Id))
                properties.Add("position", published.Sections.ToList().IndexOf(old) + 1, draft.Sections.ToList().IndexOf(now) + 1);
            Add(ChangeArea.Section, ChangeKind.Changed, path, properties);
        }
    }

    private void Documents()
    {
        foreach (var (old, now) in Pair(published.Documents, draft.Documents, d => d.Id))
        {
            var path = "documents." + (now ?? old)!.Id;
            if (old is null || now is null)
            {
                var item = (now ?? old)!;
                var properties = new PropertyList()
                    .Describe("required", PropertyList.Text(item.Required), old is null)
                    .Describe("formats", PropertyList.Join(item.Formats), old is null)
                    .Describe("max_mb", PropertyList.Text(item.MaxMegabytes), old is null);
                var breaks = old is null
                    ? (item.Required.IsConstant && !item.Required.Constant ? null : ChangeReasons.Of(ChangeReasons.DocumentRequired, item.Id))
                    : ChangeReasons.Of(ChangeReasons.DocumentRemoved, item.Id);
                Add(ChangeArea.Document, old is null ? ChangeKind.Added : ChangeKind.Removed, path, properties, breaks);
                continue;
            }
            var dropped = old.Formats.Except(now.Formats, StringComparer.OrdinalIgnoreCase).ToList();
            Add(ChangeArea.Document, ChangeKind.Changed, path, new PropertyList()
                .Add("required", PropertyList.Text(old.Required), PropertyList.Text(now.Required),
                    MoreRequired(old.Required, now.Required) ? ChangeReasons.Of(ChangeReasons.DocumentRequired, now.Id) : null)
                .Add("formats", PropertyList.Join(old.Formats), PropertyList.Join(now.Formats),
                    dropped.Count > 0 ? ChangeReasons.Of(ChangeReasons.DocumentFormats, string.Join(", ", dropped)) : null)
                .Add("max_mb", old.MaxMegabytes, now.MaxMegabytes, now.MaxMegabytes < old.MaxMegabytes ? ChangeReasons.Of(ChangeReasons.DocumentLimit, "max_mb") : null)
                .Add("max_files", old.MaxFiles, now.MaxFiles, now.MaxFiles < old.MaxFiles ? ChangeReasons.Of(ChangeReasons.DocumentLimit, "max_files") : null)
                .Texts("label", old.Label, now.Label)
                .Texts("help", old.Help, now.Help));
        }
    }

    /// <summary>
    /// The reviewers' labels, matched by id (a new title is a rename: files keep it). A label removed stays recorded on the
    /// files that carry it (and in their audit) but is no longer shown, offered or filtered by; it shows again should its id
    /// come back. Nothing of a file is lost, so it breaks nothing; the change says so, since reviewers stop seeing it.
    /// </summary>
    private void Labels()
    {
        foreach (var (old, now) in Pair(published.Labels, draft.Labels, l => l.Id))
        {
            var path = "labels." + (now ?? old)!.Id;
            if (old is null || now is null)
            {
                var item = (now ?? old)!;
                Add(ChangeArea.Label, old is null ? ChangeKind.Added : ChangeKind.Removed, path,
                    new PropertyList().Describe("title", item.Title.Get("fr"), old is null).Describe("colour", item.Colour, old is null),
                    old is null ? null : ChangeReasons.Of(ChangeReasons.LabelRemoved, item.Title.Get("fr")));
                continue;
            }
            Add(ChangeArea.Label, ChangeKind.Changed, path, new PropertyList().Texts("title", old.Title, now.Title).Add("colour", old.Colour, now.Colour));
        }
    }

    private void Rules()
    {
        foreach (var (old, now) in Pair(published.Rules, draft.Rules, r => r.Id))
        {
            var path = "rules." + (now ?? old)!.Id;
            if (old is null || now is null)
            {
                var item = (now ?? old)!;
                Add(ChangeArea.Rule, old is null ? ChangeKind.Added : ChangeKind.Removed, path,
                    new PropertyList().Describe("when", item.When?.Text, old is null).Describe("check", item.Check.Text, old is null),
                    old is null ? ChangeReasons.Of(ChangeReasons.RuleCheck, item.Id) : null);
                continue;
            }
            var stricter = ChangeReasons.Of(ChangeReasons.RuleCheck, now.Id);
            Add(ChangeArea.Rule, ChangeKind.Changed, path, new PropertyList()
                .Add("when", old.When?.Text, now.When?.Text, MoreShown(old.When, now.When) ? stricter : null)
                .Add("check", old.Check.Text, now.Check.Text, stricter)
                .Add("field", old.Field, now.Field)
                .Texts("message", old.Message, now.Message));
        }
    }

    private void Outputs()
    {
        static IEnumerable<KeyValuePair<string, string>> Entries(ProcedureDefinition definition) => definition.Outputs;
        foreach (var (old, now) in Pair(Entries(published).Select(e => new Output(e.Key, e.Value)), Entries(draft).Select(e => new Output(e.Key, e.Value)), o => o.Kind))
        {
            var kind = old is null ? ChangeKind.Added : now is null ? ChangeKind.Removed : ChangeKind.Changed;
            Add(ChangeArea.Output, kind, "outputs." + (now ?? old)!.Kind, new PropertyList().Add("template", old?.Template, now?.Template));
        }
    }

    private sealed record Output(string Kind, string Template);

    private void Deadlines()
    {
        var silence = draft.OnDeadline is "approve" or "reject";
        var shorter = draft.Deadline is { } now
            && (published.Deadline is not { } old || now.Days < old.Days || (now.Days == old.Days && now.Calendar == CalendarKind.Calendar && old.Calendar != CalendarKind.Calendar));
        Change(ChangeArea.Deadline, "deadline", PropertyList.Text(published.Deadline), PropertyList.Text(draft.Deadline),
            silence && shorter ? ChangeReasons.Of(ChangeReasons.DeadlineShorter, draft.OnDeadline) : null);
        Change(ChangeArea.Deadline, "on_deadline", published.OnDeadline, draft.OnDeadline,
            silence ? ChangeReasons.Of(ChangeReasons.SilenceDecides, draft.OnDeadline) : null);
    }

    private void Applicant() =>
        Change(ChangeArea.Applicant, "applicant", published.Applicant, draft.Applicant, ChangeReasons.Of(ChangeReasons.ApplicantChanged, published.Applicant));

    private void Other()
    {
        foreach (var (key, old, now) in new (string, LocalizedText?, LocalizedText?)[]
        {
            ("title", published.Title, draft.Title),
            ("summary", published.Summary, draft.Summary),
            ("eligibility", published.Eligibility, draft.Eligibility),
        })
        {
            Add(ChangeArea.Other, ChangeKind.Changed, key, new PropertyList().Texts(key, old, now));
        }
        Change(ChangeArea.Other, "category", published.Category, draft.Category);
        Change(ChangeArea.Other, "reference_prefix", published.ReferencePrefix, draft.ReferencePrefix);
        Change(ChangeArea.Other, "routing", published.Routing, draft.Routing);
        Change(ChangeArea.Other, "language", published.Language.ToString(System.Globalization.CultureInfo.InvariantCulture), draft.Language.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(ChangeArea.Other, ChangeKind.Changed, "legal_basis",
            new PropertyList().Add("legal_basis", PropertyList.Join(published.LegalBasis, "; "), PropertyList.Join(draft.LegalBasis, "; ")).MarkCosmetic());
        Add(ChangeArea.Other, ChangeKind.Changed, "notes", new PropertyList().Add("notes", published.Notes, draft.Notes).MarkCosmetic());
        // What the person is told about their data (law 09-08): listed, but no application in progress holds it.
        Add(ChangeArea.Other, ChangeKind.Changed, "privacy.purpose", new PropertyList().Texts("purpose", published.Privacy?.Purpose, draft.Privacy?.Purpose));
        Add(ChangeArea.Other, ChangeKind.Changed, "privacy.recipients", new PropertyList().Texts("recipients", published.Privacy?.Recipients, draft.Privacy?.Recipients));
        Change(ChangeArea.Other, "privacy.retention", published.Privacy?.RetentionText, draft.Privacy?.RetentionText);
        Change(ChangeArea.Other, "privacy.cndp", published.Privacy?.Cndp, draft.Privacy?.Cndp);
    }

    /// <summary>One top-level value: a change whose only property is the value itself.</summary>
    private void Change(ChangeArea area, string key, string? old, string? now, LocalizedText? breaks = null)
    {
        if (!string.Equals(old, now, StringComparison.Ordinal))
            Add(area, old is null ? ChangeKind.Added : now is null ? ChangeKind.Removed : ChangeKind.Changed, key, new PropertyList().Add(key, old, now, breaks));
    }
}
