using System.Runtime.CompilerServices;
using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Designer.Forms.Fields;

/// <summary>The shared lists of provinces and regions (<c>procedures/lists/</c>), as a definition carries them.</summary>
internal static class Regions
{
    private static readonly ConditionalWeakTable<IReadOnlyDictionary<string, OptionList>, IReadOnlyDictionary<string, OptionDefinition>> ByList = [];

    public static IReadOnlyList<OptionDefinition> Provinces(ProcedureDefinition definition) => List(definition, "provinces");

    public static IReadOnlyList<OptionDefinition> Courts(ProcedureDefinition definition) => List(definition, "commercial-courts");

    /// <summary>Regions by id, to head the provinces' groups; null when the list is absent (the provinces are then not grouped).</summary>
    public static IReadOnlyDictionary<string, OptionDefinition>? Of(ProcedureDefinition definition) =>
        definition.Lists.ContainsKey("regions")
            ? ByList.GetValue(definition.Lists, lists => lists["regions"].Options.ToDictionary(o => o.Value, StringComparer.Ordinal))
            : null;

    private static IReadOnlyList<OptionDefinition> List(ProcedureDefinition definition, string id) =>
        definition.Lists.TryGetValue(id, out var list) ? list.Options : [];
}
