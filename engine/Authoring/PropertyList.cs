using System.Globalization;
using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Authoring;

/// <summary>The properties of one item that differ, collected as the item is compared; values as the analyst writes them.</summary>
internal sealed class PropertyList
{
    private readonly List<PropertyChange> _items = [];

    public int Count => _items.Count;

    public IReadOnlyList<PropertyChange> Items => _items;

    /// <summary>Adds old → new when they differ; <paramref name="breaks"/> is kept only then.</summary>
    public PropertyList Add(string name, string? old, string? now, LocalizedText? breaks = null)
    {
        if (!string.Equals(old, now, StringComparison.Ordinal))
            _items.Add(new PropertyChange(name, old, now, breaks));
        return this;
    }

    public PropertyList Add(string name, decimal? old, decimal? now, LocalizedText? breaks = null) =>
        Add(name, Text(old), Text(now), breaks);

    /// <summary>A text shown to people, language by language (<c>label.fr</c>, <c>label.ar</c>...): cosmetic.</summary>
    public PropertyList Texts(string name, LocalizedText? old, LocalizedText? now)
    {
        if (Same(old, now))
            return this;
        var languages = LocalizedText.Languages
            .Concat((old?.Texts.Keys ?? []).Concat(now?.Texts.Keys ?? []).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            var before = old?.Texts.GetValueOrDefault(language);
            var after = now?.Texts.GetValueOrDefault(language);
            if (!string.Equals(before, after, StringComparison.Ordinal))
                _items.Add(new PropertyChange($"{name}.{language}", before, after) { IsCosmetic = true });
        }
        return this;
    }

    private static bool Same(LocalizedText? old, LocalizedText? now)
    {
        if (old is null || now is null)
            return old is null && now is null;
        if (old.Texts.Count != now.Texts.Count)
            return false;
        foreach (var (language, text) in old.Texts)
        {
            if (!now.Texts.TryGetValue(language, out var other) || !string.Equals(text, other, StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    /// <summary>Marks every property so far as a text for people (legal basis, notes): never breaking.</summary>
    public PropertyList MarkCosmetic()
    {
        for (var i = 0; i < _items.Count; i++)
            _items[i] = _items[i] with { IsCosmetic = true, Breaks = null };
        return this;
    }

    /// <summary>For an added or removed item: a property that describes it, on the side it exists.</summary>
    public PropertyList Describe(string name, string? value, bool added) =>
        value is null ? this : Add(name, added ? null : value, added ? value : null);

    public static string? Text(decimal? number) => number?.ToString(CultureInfo.InvariantCulture);

    public static string Text(Condition condition) =>
        condition.Expression?.Text ?? (condition.Constant ? "true" : "false");

    public static string? Text(Bound? bound) => bound is null ? null : Text(bound.Number) ?? bound.Expression?.Text;

    public static string? Text(DeadlineDefinition? deadline) => deadline switch
    {
        null => null,
        { Calendar: { } calendar } => $"days: {deadline.Days}, calendar: {calendar.ToString().ToLowerInvariant()}",
        _ => $"days: {deadline.Days}",
    };

    public static string? Join(IEnumerable<string> values, string separator = ", ") =>
        string.Join(separator, values) is { Length: > 0 } joined ? joined : null;
}
