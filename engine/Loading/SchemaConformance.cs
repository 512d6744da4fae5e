using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>
/// A quick yes to "does this YAML tree follow the schema?", walking the loader's own tree without projecting it to JSON.
/// It reads the same NJsonSchema model with the same rules as NJsonSchema's validator, but only ever answers
/// <c>true</c> when it is sure: any keyword it does not know, and any doubt, is a <c>false</c>, after which
/// <see cref="SchemaCheck"/> runs NJsonSchema itself for the located errors. So a definition that follows the schema
/// (the common case) skips the projection and NJsonSchema's error-building validator, and one that does not gets
/// exactly the diagnostics it always had.
/// </summary>
internal static class SchemaConformance
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public static bool Holds(YamlNode node, JsonSchema schema) => Conforms(node, schema.ActualSchema);

    private static bool Conforms(YamlNode node, JsonSchema schema)
    {
        if (schema.AllOf.Count > 0 || schema.OneOf.Count > 0 || schema.Not is not null || schema.PatternProperties.Count > 0
            || !string.IsNullOrEmpty(schema.Format) || schema.MultipleOf is not null || schema.Items.Count > 0
            || schema.MinProperties > 0 || schema.MaxProperties > 0)
            return false;
        if (schema.AnyOf.Count > 0 && !schema.AnyOf.Any(branch => Holds(node, branch)))
            return false;

        return node switch
        {
            YamlScalar scalar => ScalarConforms(JsonProjection.Scalar(scalar), schema),
            YamlSequence sequence => SequenceConforms(sequence, schema),
            YamlMapping mapping => MappingConforms(mapping, schema),
            _ => false,
        };
    }

    private static bool ScalarConforms(JValue value, JsonSchema schema)
    {
        if (value.Type == JTokenType.Null)
        {
            // Null passes only a schema that says so and asks nothing else of it.
            return schema.Type.HasFlag(JsonObjectType.Null) && schema.Enumeration.Count == 0 && schema.AnyOf.Count == 0;
        }
        if (!TypeAllows(schema.Type, value.Type) || HasRequiredProperties(schema))
            return false;
        if (schema.Enumeration.Count > 0 && !schema.Enumeration.Any(allowed => SameValue(allowed, value.Value)))
            return false;
        return value.Type switch
        {
            JTokenType.String => StringConforms((string)value.Value!, schema),
            JTokenType.Integer or JTokenType.Float => NumberConforms(value, schema),
            JTokenType.Boolean => true,
            _ => false,
        };
    }

    /// <summary>An enumeration's value and a scalar's: only texts with texts, whole numbers with whole numbers, booleans with booleans, on which every way of comparing agrees.</summary>
    private static bool SameValue(object? allowed, object? value) => (allowed, value) switch
    {
        (string a, string v) => a == v,
        (long or int, long v) => Convert.ToInt64(allowed, CultureInfo.InvariantCulture) == v,
        (bool a, bool v) => a == v,
        _ => false,
    };

    private static bool StringConforms(string text, JsonSchema schema) =>
        (string.IsNullOrEmpty(schema.Pattern) || Pattern(schema.Pattern).IsMatch(text))
        && (schema.MinLength is not { } min || (text.Length >= min && new StringInfo(text).LengthInTextElements >= min))
        && (schema.MaxLength is not { } max || text.Length <= max);

    private static bool NumberConforms(JValue token, JsonSchema schema)
    {
        decimal value;
        try
        {
            value = token.Value<decimal>();
        }
        catch (OverflowException)
        {
            return false;
        }
        return (schema.Minimum is not { } min || (schema.IsExclusiveMinimum ? value > min : value >= min))
            && (schema.Maximum is not { } max || (schema.IsExclusiveMaximum ? value < max : value <= max))
            && (schema.ExclusiveMinimum is not { } exclusiveMin || value > exclusiveMin)
            && (schema.ExclusiveMaximum is not { } exclusiveMax || value < exclusiveMax);
    }

    private static bool SequenceConforms(YamlSequence sequence, JsonSchema schema)
    {
        if (!TypeAllows(schema.Type, JTokenType.Array) || HasRequiredProperties(schema) || schema.Enumeration.Count > 0)
            return false;
        var count = sequence.Items.Count;
        if ((schema.MinItems > 0 && count < schema.MinItems) || (schema.MaxItems > 0 && count > schema.MaxItems))
            return false;
        if (schema.UniqueItems && !Unique(sequence))
            return false;
        if (schema.Item is { } item)
        {
            var itemSchema = item.ActualSchema;
            foreach (var entry in sequence.Items)
            {
                if (!Conforms(entry, itemSchema))
                    return false;
            }
        }
        return true;
    }

    /// <summary>NJsonSchema compares items by their text; only lists of texts are compared here.</summary>
    private static bool Unique(YamlSequence sequence)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            if (item is not YamlScalar scalar || JsonProjection.Scalar(scalar).Value is not string text || !seen.Add(text))
                return false;
        }
        return true;
    }

    private static bool MappingConforms(YamlMapping mapping, JsonSchema schema)
    {
        if (!TypeAllows(schema.Type, JTokenType.Object) || schema.Enumeration.Count > 0)
            return false;
        var properties = schema.Properties;
        foreach (var (name, property) in properties)
        {
            var value = mapping[name];
            if (value is null)
            {
                if (property.IsRequired)
                    return false;
                continue;
            }
            if (value is YamlScalar { IsNull: true } && property.IsNullable(SchemaType.JsonSchema))
                continue;
            if (!Conforms(value, property.ActualSchema))
                return false;
        }
        foreach (var required in schema.RequiredProperties)
        {
            if (mapping[required] is null)
                return false;
        }
        foreach (var entry in mapping.Entries)
        {
            if (properties.ContainsKey(entry.Key.Value))
                continue;
            if (schema.AdditionalPropertiesSchema is { } additional)
            {
                if (!Conforms(entry.Value, additional.ActualSchema))
                    return false;
            }
            else if (!schema.AllowAdditionalProperties)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The token's kind is one the schema's <c>type</c> lists (or the schema names no type).</summary>
    private static bool TypeAllows(JsonObjectType type, JTokenType token) => type == JsonObjectType.None || token switch
    {
        JTokenType.String => type.HasFlag(JsonObjectType.String),
        JTokenType.Integer => type.HasFlag(JsonObjectType.Integer) || type.HasFlag(JsonObjectType.Number),
        JTokenType.Float => type.HasFlag(JsonObjectType.Number),
        JTokenType.Boolean => type.HasFlag(JsonObjectType.Boolean),
        JTokenType.Array => type.HasFlag(JsonObjectType.Array),
        JTokenType.Object => type.HasFlag(JsonObjectType.Object),
        _ => false,
    };

    /// <summary>NJsonSchema reports a schema's required properties as missing from a value that is not a mapping.</summary>
    private static bool HasRequiredProperties(JsonSchema schema) =>
        schema.RequiredProperties.Count > 0 || schema.Properties.Values.Any(p => p.IsRequired);

    private static Regex Pattern(string pattern) => Patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.None));
}
