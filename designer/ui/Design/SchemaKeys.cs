using System.Text.Json;
using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Designer.Design;

/// <summary>Every key the definition language knows, read once from the schema the loader embeds: what the editor completes.</summary>
internal static class SchemaKeys
{
    public static IReadOnlyList<string> All { get; } = Read();

    private static List<string> Read()
    {
        using var stream = typeof(ProcedureLoader).Assembly.GetManifestResourceStream("procedure.schema.json")
            ?? throw new InvalidOperationException("the engine embeds procedure.schema.json");
        using var schema = JsonDocument.Parse(stream);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        Collect(schema.RootElement, keys);
        return [.. keys];
    }

    private static void Collect(JsonElement element, SortedSet<string> keys)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                Collect(item, keys);
            return;
        }
        if (element.ValueKind != JsonValueKind.Object)
            return;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "properties" && property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var key in property.Value.EnumerateObject())
                    keys.Add(key.Name);
            }
            Collect(property.Value, keys);
        }
    }
}
