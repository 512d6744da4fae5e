using System.Globalization;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>
/// Tolerant accessors over the YAML tree for binding. Shapes the schema already rejected come back as
/// null here, so binding carries on and the file's other problems are still reported.
/// </summary>
internal static class NodeReader
{
    public static string? Text(this YamlMapping map, string key) => map[key] is YamlScalar { IsNull: false } s ? s.Value : null;

    public static SourceSpan SpanOf(this YamlMapping map, string key) => map[key]?.Span ?? map.Span;

    public static bool? Bool(this YamlMapping map, string key) => map[key] switch
    {
        YamlScalar { IsPlain: true, Value: "true" or "True" or "TRUE" } => true,
        YamlScalar { IsPlain: true, Value: "false" or "False" or "FALSE" } => false,
        _ => null,
    };

    public static int? Int(this YamlMapping map, string key) =>
        map[key] is YamlScalar s && int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static decimal? Decimal(this YamlMapping map, string key) =>
        map[key] is YamlScalar { IsPlain: true } s && decimal.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static LocalizedText? Localized(this YamlMapping map, string key)
    {
        if (map[key] is not YamlMapping texts)
            return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in texts.Entries)
        {
            if (entry.Value is YamlScalar { IsNull: false } s)
                values[entry.Key.Value] = s.Value;
        }
        return new LocalizedText(values);
    }

    public static IEnumerable<YamlMapping> Mappings(this YamlMapping map, string key) =>
        map[key] is YamlSequence list ? list.Items.OfType<YamlMapping>() : [];

    public static IReadOnlyList<YamlScalar> Scalars(this YamlMapping map, string key) =>
        map[key] is YamlSequence list ? list.Items.OfType<YamlScalar>().Where(s => !s.IsNull).ToList() : [];

    public static ExpressionSource? Expression(this YamlMapping map, string key) =>
        map[key] is YamlScalar { IsNull: false } s
            ? s.ToExpression()
            : null;

    public static Condition Condition(this YamlMapping map, string key) => map[key] switch
    {
        null => Definitions.Condition.Never,
        YamlScalar { IsPlain: true, Value: "true" or "True" or "TRUE" } => Definitions.Condition.Always,
        YamlScalar { IsPlain: true, Value: "false" or "False" or "FALSE" } => Definitions.Condition.Never,
        YamlScalar { IsNull: false } s => new Condition(false, s.ToExpression()),
        _ => Definitions.Condition.Never,
    };

    /// <summary>A YAML value as the plain tree <see cref="Validation.Answers"/> takes: text, dictionaries, lists.</summary>
    public static object? Plain(YamlNode node) => node switch
    {
        YamlScalar { IsNull: true } => null,
        YamlScalar s => s.Value,
        YamlSequence list => list.Items.Select(Plain).ToList(),
        YamlMapping map => map.Entries.Select(e => new KeyValuePair<string, object?>(e.Key.Value, Plain(e.Value))).ToList(),
        _ => null,
    };
}
