using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>
/// Projects the YAML tree to JSON for schema validation, remembering which YAML node each JSON
/// token came from so that every schema error gets the line and column of the YAML it is about.
/// Plain scalars are typed with the YAML 1.2 core schema (so <c>yes</c> stays text); quoted scalars are text.
/// </summary>
internal sealed partial class JsonProjection
{
    private readonly Dictionary<JToken, YamlNode> _origins = new(ReferenceEqualityComparer.Instance);

    private JsonProjection() { }

    public JToken Root { get; private set; } = JValue.CreateNull();

    public static JsonProjection Of(YamlNode root)
    {
        var projection = new JsonProjection();
        projection.Root = projection.Project(root);
        return projection;
    }

    /// <summary>The YAML node a token was made from (for a property: its key).</summary>
    public YamlNode? OriginOf(JToken? token)
    {
        for (var current = token; current is not null; current = current.Parent)
        {
            if (_origins.TryGetValue(current, out var node))
                return node;
        }
        return null;
    }

    private JToken Project(YamlNode node)
    {
        JToken token = node switch
        {
            YamlScalar scalar => Scalar(scalar),
            YamlSequence sequence => new JArray(sequence.Items.Select(Project)),
            YamlMapping mapping => Mapping(mapping),
            _ => throw new InvalidOperationException($"unknown YAML node {node.GetType().Name}"),
        };
        _origins[token] = node;
        return token;
    }

    private JObject Mapping(YamlMapping mapping)
    {
        var json = new JObject();
        foreach (var entry in mapping.Entries)
        {
            var property = new JProperty(entry.Key.Value, Project(entry.Value));
            json.Add(property);
            _origins[property] = entry.Key;
        }
        return json;
    }

    /// <summary>A scalar as JSON, typed with the YAML 1.2 core schema.</summary>
    internal static JValue Scalar(YamlScalar scalar)
    {
        if (!scalar.IsPlain)
            return new JValue(scalar.Value);
        if (scalar.IsNull)
            return JValue.CreateNull();
        switch (scalar.Value)
        {
            case "true" or "True" or "TRUE":
                return new JValue(true);
            case "false" or "False" or "FALSE":
                return new JValue(false);
        }
        if (IntegerPattern().IsMatch(scalar.Value) && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return new JValue(integer);
        if (FloatPattern().IsMatch(scalar.Value) && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return new JValue(number);
        return new JValue(scalar.Value);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
