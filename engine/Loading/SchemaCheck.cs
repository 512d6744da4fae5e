using EmploymentProcedures.Engine.Diagnostics;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>
/// Validates the projected JSON against <c>procedures/procedure.schema.json</c> (embedded at build)
/// and turns every schema error into a located diagnostic with a sentence an analyst can act on.
/// </summary>
internal static class SchemaCheck
{
    private static readonly Lazy<JsonSchema> ProcedureSchema = new(LoadSchema);

    public static JsonSchema Procedure => ProcedureSchema.Value;

    public static JsonSchema Fragment => Procedure.Definitions["fragment"];

    public static JsonSchema List => Procedure.Definitions["list"];

    /// <summary>Checks a YAML tree; the tree is projected to JSON only when it does not plainly follow the schema.</summary>
    public static void Validate(JsonSchema schema, YamlNode root, string path, ICollection<Diagnostic> diagnostics)
    {
        if (!SchemaConformance.Holds(root, schema))
            Validate(schema, JsonProjection.Of(root), path, diagnostics);
    }

    public static void Validate(JsonSchema schema, JsonProjection json, string path, ICollection<Diagnostic> diagnostics)
    {
        foreach (var error in Flatten(schema.Validate(json.Root)))
            diagnostics.Add(ToDiagnostic(error, json, path));
    }

    private static JsonSchema LoadSchema()
    {
        using var stream = typeof(SchemaCheck).Assembly.GetManifestResourceStream("procedure.schema.json")
            ?? throw new InvalidOperationException("procedure.schema.json is not embedded in the engine");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Child errors of anyOf/oneOf/array items are what the analyst needs to see; for a choice of
    /// shapes (a text or a mapping), only the errors of the shape the analyst actually wrote.
    /// </summary>
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && error.Kind != ValidationErrorKind.NoTypeValidates)
            {
                var branches = child.Errors.Where(b => Matches(b.Key, error.Token)).ToList();
                var chosen = branches.Count > 0 ? branches : child.Errors.ToList();
                foreach (var inner in Flatten(chosen.SelectMany(b => b.Value)))
                    yield return inner;
            }
            else
            {
                yield return error;
            }
        }
    }

    private static bool Matches(JsonSchema branch, JToken? token)
    {
        var type = branch.ActualSchema.Type;
        return token?.Type switch
        {
            JTokenType.String => type.HasFlag(JsonObjectType.String),
            JTokenType.Object => type.HasFlag(JsonObjectType.Object),
            JTokenType.Array => type.HasFlag(JsonObjectType.Array),
            _ => false,
        };
    }

    private static Diagnostic ToDiagnostic(ValidationError error, JsonProjection json, string path)
    {
        var token = error.Token;
        var origin = json.OriginOf(token);
        var span = origin?.Span ?? new SourceSpan(path, 1, 1);
        var name = error.Property
            ?? (token?.Parent as JProperty)?.Name
            ?? ((token?.Parent as JArray)?.Parent as JProperty)?.Name
            ?? "value";
        var schema = error.Schema?.ActualSchema;

        switch (error.Kind)
        {
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                var key = (token as JProperty)?.Name ?? error.Property ?? "?";
                if (token is JProperty property && json.OriginOf(property) is { } keyNode)
                    span = keyNode.Span;
                var known = schema?.ActualProperties.Keys ?? [];
                return DiagnosticCodes.UnknownKey.At(span, key, Describe(token?.Parent), UnknownKeyHint(key, known));
            case ValidationErrorKind.PropertyRequired:
                return DiagnosticCodes.MissingKey.At(span, Capitalise(Describe(token)), error.Property);
            case ValidationErrorKind.NotInEnumeration:
                var allowed = schema?.Enumeration.Select(v => v?.ToString() ?? "null").ToList() ?? [];
                var value = token?.ToString() ?? "";
                return DiagnosticCodes.NotAllowedValue.At(span, value, name, Suggestions.DidYouMean(value, allowed), string.Join(", ", allowed));
            case ValidationErrorKind.PatternMismatch:
                return DiagnosticCodes.PatternMismatch.At(span, token?.ToString(), name, PatternHint(schema?.Pattern));
            case ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected
                or ValidationErrorKind.BooleanExpected or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected
                or ValidationErrorKind.NoTypeValidates:
                return DiagnosticCodes.WrongType.At(span, name, Expected(error), Actual(token));
            default:
                return DiagnosticCodes.SchemaViolation.At(span, name, Explain(error));
        }
    }

    private static string UnknownKeyHint(string key, IEnumerable<string> known)
    {
        var keys = known.ToList();
        var suggestion = Suggestions.Closest(key, keys);
        return suggestion is not null
            ? $" (did you mean '{suggestion}'?)"
            : keys.Count > 0 ? $"; known keys: {string.Join(", ", keys)}" : "";
    }

    /// <summary>"field 'start_date'", "step 'decision'", "the procedure"…: what an analyst calls the node.</summary>
    internal static string Describe(JToken? token)
    {
        var node = token;
        while (node is not null and not JObject)
            node = node.Parent;
        if (node is not JObject obj)
            return "the definition";
        if (obj.Parent is null)
            return "the definition";
        var collection = obj.Parent is JArray array ? (array.Parent as JProperty)?.Name : (obj.Parent as JProperty)?.Name;
        var noun = collection switch
        {
            "fields" => "field",
            "sections" => "section",
            "steps" => "step",
            "documents" => "document",
            "rules" => "rule",
            "tests" => "scenario",
            "options" => "option",
            "actions" => "action",
            null => "entry",
            _ => $"'{collection}'",
        };
        var id = obj["id"] ?? obj["name"] ?? obj["value"] ?? obj["step"];
        return id is JValue { Value: not null } ? $"{noun} '{id}'" : noun;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string PatternHint(string? pattern) => pattern switch
    {
        "^[a-z][a-z0-9]*(-[a-z0-9]+)*$" => "use lowercase letters, digits and single dashes, e.g. 'foreign-worker-visa'",
        "^[a-z][a-z0-9_]*$" => "use lowercase letters, digits and underscores, starting with a letter, e.g. 'start_date'",
        "^[A-Z]{2,6}$" => "use 2 to 6 capital letters, e.g. 'TAE'",
        null => "it does not have the expected form",
        _ when pattern.Contains("approve|reject", StringComparison.Ordinal) => "write '<step id>.<action>', e.g. 'reception.approve'",
        _ => $"it must match {pattern}",
    };

    private static string Expected(ValidationError error)
    {
        var type = error.Schema?.ActualSchema.Type ?? JsonObjectType.None;
        var names = new List<string>();
        if (type.HasFlag(JsonObjectType.Boolean)) names.Add("true or false");
        if (type.HasFlag(JsonObjectType.Integer)) names.Add("a whole number");
        if (type.HasFlag(JsonObjectType.Number)) names.Add("a number");
        if (type.HasFlag(JsonObjectType.String)) names.Add("a text");
        if (type.HasFlag(JsonObjectType.Array)) names.Add("a list");
        if (type.HasFlag(JsonObjectType.Object))
            names.Add(error.Schema?.ActualSchema.ActualProperties.Keys.SequenceEqual(["fr", "ar", "en"]) == true ? "a text per language ({ fr: ..., ar: ... })" : "a mapping of keys");
        return names.Count == 0 ? error.Kind.ToString() : string.Join(" or ", names);
    }

    private static string Actual(JToken? token) => token?.Type switch
    {
        JTokenType.Object => "a mapping",
        JTokenType.Array => "a list",
        JTokenType.String => $"the text '{token}'",
        JTokenType.Integer or JTokenType.Float => $"the number {token}",
        JTokenType.Boolean => $"{token.ToString().ToLowerInvariant()}",
        JTokenType.Null or null => "empty",
        _ => token.Type.ToString(),
    };

    private static string Explain(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.TooFewItems => $"needs at least {error.Schema?.ActualSchema.MinItems} item(s)",
        ValidationErrorKind.TooManyItems => $"allows at most {error.Schema?.ActualSchema.MaxItems} item(s)",
        ValidationErrorKind.ItemsNotUnique => "lists the same item twice",
        ValidationErrorKind.NumberTooSmall or ValidationErrorKind.IntegerTooBig when error.Schema?.ActualSchema.Minimum is { } min => $"must be at least {min}",
        ValidationErrorKind.NumberTooSmall => $"must be more than {error.Schema?.ActualSchema.ExclusiveMinimum}",
        ValidationErrorKind.NumberTooBig => $"must be at most {error.Schema?.ActualSchema.Maximum}",
        ValidationErrorKind.StringTooShort => "must not be empty",
        ValidationErrorKind.StringTooLong => $"must be at most {error.Schema?.ActualSchema.MaxLength} characters",
        _ => $"does not follow the schema ({error.Kind} at {error.Path})",
    };
}
