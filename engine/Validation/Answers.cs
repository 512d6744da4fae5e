using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace EmploymentProcedures.Engine.Validation;

/// <summary>
/// An applicant's answers as typed: a tree of text values, nested answers (a fragment's section, an
/// address) and lists (multichoice values, or group rows as nested answers). Values stay as the
/// applicant typed them; each field type parses its own on validation, so nothing typed is lost.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "'Answers' is the domain noun applicants and analysts use.")]
public sealed class Answers : IReadOnlyDictionary<string, object?>
{
    public static readonly Answers Empty = new(new Dictionary<string, object?>());

    private readonly IReadOnlyDictionary<string, object?> _values;

    private Answers(IReadOnlyDictionary<string, object?> values) => _values = values;

    /// <summary>Builds answers from plain values: strings, numbers, booleans, dates, dictionaries and lists.</summary>
    public static Answers From(IEnumerable<KeyValuePair<string, object?>> values) =>
        new(values.ToDictionary(p => p.Key, p => Normalise(p.Value), StringComparer.Ordinal));

    public static Answers FromJson(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object
            ? new(json.EnumerateObject().ToDictionary(p => p.Name, p => FromJsonValue(p.Value), StringComparer.Ordinal))
            : Empty;

    public object? this[string key] => _values.TryGetValue(key, out var value) ? value : null;

    public IEnumerable<string> Keys => _values.Keys;
    public IEnumerable<object?> Values => _values.Values;
    public int Count => _values.Count;

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, out object? value) => _values.TryGetValue(key, out value);

    /// <summary>The value at a dotted path such as <c>employer.address.province</c>.</summary>
    public object? Get(string path)
    {
        object? current = this;
        foreach (var part in path.Split('.'))
        {
            if (current is not Answers answers)
                return null;
            current = answers[part];
        }
        return current;
    }

    /// <summary>A copy with <paramref name="key"/> set (or removed when <paramref name="value"/> is null).</summary>
    public Answers With(string key, object? value)
    {
        var copy = new Dictionary<string, object?>(_values, StringComparer.Ordinal);
        if (value is null)
            copy.Remove(key);
        else
            copy[key] = Normalise(value);
        return new Answers(copy);
    }

    /// <summary>These answers with <paramref name="changes"/> laid over them (used when an applicant resubmits).</summary>
    public Answers Merge(Answers changes)
    {
        var copy = new Dictionary<string, object?>(_values, StringComparer.Ordinal);
        foreach (var (key, value) in changes._values)
            copy[key] = value;
        return new Answers(copy);
    }

    public string ToJson() => JsonSerializer.Serialize(ToPlain(this));

    public static Answers ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static object? Normalise(object? value) => value switch
    {
        null => null,
        string text => text,
        Answers answers => answers,
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable<KeyValuePair<string, object?>> map => From(map),
        IDictionary map => From(map.Keys.Cast<object>().Select(k => new KeyValuePair<string, object?>(k.ToString()!, map[k]))),
        IEnumerable list => list.Cast<object?>().Select(Normalise).ToList(),
        _ => value.ToString(),
    };

    private static object? FromJsonValue(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => FromJson(json),
        JsonValueKind.Array => json.EnumerateArray().Select(FromJsonValue).ToList(),
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static object? ToPlain(object? value) => value switch
    {
        Answers answers => answers._values.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        IReadOnlyList<object?> list => list.Select(ToPlain).ToList(),
        _ => value,
    };
}
