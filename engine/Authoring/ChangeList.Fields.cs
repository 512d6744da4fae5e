using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Authoring;

internal sealed partial class ChangeList
{
    /// <summary>A field where it stands: its section (or step), and the path the change list shows.</summary>
    private sealed record PlacedField(string Owner, string Path, FieldDefinition Field);

    /// <summary>Every applicant field, group rows included, matched across versions by the path answers are saved under.</summary>
    private void Fields()
    {
        foreach (var (old, now) in Pair(ApplicantFields(published), ApplicantFields(draft), p => p.Field.Path))
            Field(old, now, reviewer: false);
    }

    private static IEnumerable<PlacedField> ApplicantFields(ProcedureDefinition definition) =>
        definition.Sections.SelectMany(s => s.Fields.SelectMany(Flatten)
            .Select(f => new PlacedField(s.Id, s.Include is null ? s.Id + "." + f.Path : f.Path, f)));

    private static IEnumerable<FieldDefinition> Flatten(FieldDefinition field) => [field, .. field.Fields.SelectMany(Flatten)];

    /// <param name="reviewer">
    /// A step's own field, filled by the reviewer when deciding: only a new type breaks (the values already
    /// recorded); what the applicant must answer does not depend on it.
    /// </param>
    private void Field(PlacedField? placedOld, PlacedField? placedNew, bool reviewer)
    {
        var path = (placedNew ?? placedOld)!.Path;
        if (placedOld is null || placedNew is null)
        {
            var added = placedOld is null;
            var field = (placedNew ?? placedOld)!.Field;
            var breaks = reviewer ? null
                : added ? (MayBeRequired(field) ? ChangeReasons.Of(ChangeReasons.FieldRequired, path) : null)
                : (field.IsInput ? ChangeReasons.Of(ChangeReasons.FieldRemoved, path) : null);
            Add(ChangeArea.Field, added ? ChangeKind.Added : ChangeKind.Removed, path,
                new PropertyList().Describe("type", Name(field.Type), added).Describe("required", PropertyList.Text(field.Required), added)
                    .Describe("role", field.Role, added), breaks);
            return;
        }

        var (old, now) = (placedOld.Field, placedNew.Field);
        var applicant = !reviewer && now.IsInput;
        LocalizedText? If(bool breaks, string code, params object?[] args) => breaks ? ChangeReasons.Of(code, args) : null;
        LocalizedText? Narrower(bool narrower, string name) => If(applicant && narrower, ChangeReasons.FieldNarrower, name);
        // Only a new source of choices can drop values here; inline options are compared one by one below.
        var missing = ListOf(old) == ListOf(now) ? [] : old.Choices.Select(c => c.Value).Except(now.Choices.Select(c => c.Value), StringComparer.Ordinal).ToList();

        var properties = new PropertyList()
            .Add("section", placedOld.Owner, placedNew.Owner)
            .Add("role", old.Role, now.Role)
            .Add("type", Name(old.Type), Name(now.Type), If(now.IsInput && old.Type != now.Type,
                reviewer ? ChangeReasons.ReviewerFieldType : ChangeReasons.FieldType, reviewer ? path : Name(old.Type), Name(now.Type)))
            .Add("required", PropertyList.Text(old.Required), PropertyList.Text(now.Required),
                If(applicant && MoreRequired(old.Required, now.Required), ChangeReasons.FieldRequired, path))
            .Add("visible", old.Visible?.Text, now.Visible?.Text,
                If(applicant && MayBeRequired(now) && MoreShown(old.Visible, now.Visible), ChangeReasons.FieldShown, path))
            .Add("min", PropertyList.Text(old.Min), PropertyList.Text(now.Min), Narrower(Raised(old.Min, now.Min), "min"))
            .Add("max", PropertyList.Text(old.Max), PropertyList.Text(now.Max), Narrower(Lowered(old.Max, now.Max), "max"))
            .Add("min_length", old.MinLength, now.MinLength, Narrower(Raised(old.MinLength, now.MinLength), "min_length"))
            .Add("max_length", old.MaxLength, now.MaxLength, Narrower(Lowered(old.MaxLength, now.MaxLength), "max_length"))
            .Add("decimals", old.Decimals, now.Decimals, Narrower(Lowered(old.Decimals, now.Decimals), "decimals"))
            .Add("pattern", old.Pattern, now.Pattern, Narrower(now.Pattern is not null, "pattern"))
            .Add("kind", old.CnssKind, now.CnssKind, Narrower(now.CnssKind is not null, "kind"))
            .Add("list", ListOf(old), ListOf(now), If(applicant && missing.Count > 0, ChangeReasons.ListChanged, Sample(missing)))
            .Add("value", old.Value?.Text, now.Value?.Text)
            .Add("default", old.Default, now.Default)
            .Texts("label", old.Label, now.Label)
            .Texts("help", old.Help, now.Help)
            .Texts("unit", old.Unit, now.Unit)
            .Texts("pattern_message", old.PatternMessage, now.PatternMessage);
        Add(ChangeArea.Field, ChangeKind.Changed, path, properties);

        if (old.ListId is null && now.ListId is null)
            Options(path, old, now, applicant);
    }

    /// <summary>The options written in the field itself, matched by value.</summary>
    private void Options(string fieldPath, FieldDefinition old, FieldDefinition now, bool applicant)
    {
        foreach (var (before, after) in Pair(old.Options, now.Options, o => o.Value))
        {
            var value = (after ?? before)!.Value;
            var path = $"{fieldPath}.options.{value}";
            if (before is null)
                Add(ChangeArea.Option, ChangeKind.Added, path, new PropertyList().Texts("label", null, after!.Label));
            else if (after is null)
                Add(ChangeArea.Option, ChangeKind.Removed, path, new PropertyList().Texts("label", before.Label, null),
                    applicant ? ChangeReasons.Of(ChangeReasons.OptionRemoved, value) : null);
            else
                Add(ChangeArea.Option, ChangeKind.Changed, path, new PropertyList().Texts("label", before.Label, after.Label).Texts("help", before.Help, after.Help));
        }
    }

    /// <summary>Where a field's choices come from: a shared list, its own options, or nowhere.</summary>
    private static string? ListOf(FieldDefinition field) => field.ListId ?? (field.Options.Count > 0 ? "(options)" : null);

    private static string Sample(List<string> values) =>
        string.Join(", ", values.Take(5)) + (values.Count > 5 ? ", …" : "");

    private static string Name(FieldType type) => type.ToString().ToLowerInvariant();

    /// <summary>A smallest value that may now refuse what the old one accepted (an expression that changed may).</summary>
    private static bool Raised(Bound? old, Bound? now) =>
        now is not null && (old is null || (old.Number is { } a && now.Number is { } b ? b > a : PropertyList.Text(old) != PropertyList.Text(now)));

    private static bool Lowered(Bound? old, Bound? now) =>
        now is not null && (old is null || (old.Number is { } a && now.Number is { } b ? b < a : PropertyList.Text(old) != PropertyList.Text(now)));

    private static bool Raised(int? old, int? now) => now is { } b && (old is not { } a || b > a);

    private static bool Lowered(int? old, int? now) => now is { } b && (old is not { } a || b < a);
}
