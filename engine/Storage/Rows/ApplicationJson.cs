using System.Text.Json;
using System.Text.Json.Serialization;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>The JSON text of an application's nested parts. Names are the records' own; actions are written as in definitions (<c>request_changes</c>).</summary>
internal static class ApplicationJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public static string Documents(IReadOnlyList<AttachedDocument> documents) => JsonSerializer.Serialize(documents, Options);

    public static IReadOnlyList<AttachedDocument> ReadDocuments(string json) => JsonSerializer.Deserialize<List<AttachedDocument>>(json, Options) ?? [];

    public static string Carried(IReadOnlyList<CarriedSection> carried) => JsonSerializer.Serialize(carried, Options);

    public static IReadOnlyList<CarriedSection> ReadCarried(string json) => JsonSerializer.Deserialize<List<CarriedSection>>(json, Options) ?? [];

    public static string? Prefilled(PrefilledLink? prefilled) => prefilled is null ? null : JsonSerializer.Serialize(prefilled, Options);

    public static PrefilledLink? ReadPrefilled(string? json) => json is null ? null : JsonSerializer.Deserialize<PrefilledLink>(json, Options);

    public static string Opinions(IReadOnlyList<Opinion> opinions) => JsonSerializer.Serialize(opinions, Options);

    public static IReadOnlyList<Opinion> ReadOpinions(string json) => JsonSerializer.Deserialize<List<Opinion>>(json, Options) ?? [];

    public static string Pauses(IReadOnlyList<DeadlinePause> pauses) => JsonSerializer.Serialize(pauses, Options);

    public static IReadOnlyList<DeadlinePause> ReadPauses(string json) => JsonSerializer.Deserialize<List<DeadlinePause>>(json, Options) ?? [];

    public static string? Moved(DraftMove? moved) => moved is null ? null : JsonSerializer.Serialize(moved, Options);

    /// <summary>The move's times are UTC, as every time the engine keeps.</summary>
    public static DraftMove? ReadMoved(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<DraftMove>(json, Options) is { } moved ? moved with { PublishedAt = DateTime.SpecifyKind(moved.PublishedAt, DateTimeKind.Utc) } : null;

    public static string Strings(IReadOnlyList<string> items) => JsonSerializer.Serialize(items, Options);

    public static IReadOnlyList<string> ReadStrings(string json) => JsonSerializer.Deserialize<List<string>>(json, Options) ?? [];

    /// <summary>Reviewer fields by step: <c>{"inspection": {...answers...}}</c>, each value written by <see cref="Answers.ToJson"/>.</summary>
    public static string StepFields(IReadOnlyDictionary<string, Answers> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (step, answers) in fields.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(step);
                writer.WriteRawValue(answers.ToJson());
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static IReadOnlyDictionary<string, Answers> ReadStepFields(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Answers.FromJson(p.Value), StringComparer.Ordinal);
    }
}
