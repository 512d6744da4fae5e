using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Loading;
using NJsonSchema;

namespace EmploymentProcedures.Engine.Tests.Loading;

/// <summary>
/// The schema's quick check may only say yes where NJsonSchema finds nothing: a definition it waves through never
/// reaches NJsonSchema, so a wrong yes would hide a schema error from the analyst.
/// </summary>
public sealed class SchemaConformanceTests
{
    private static readonly YamlScalar At = new(new SourceSpan("mutant.yaml", 1, 1), "", IsPlain: true);

    /// <summary>What each node of a valid definition is replaced with, one at a time: every kind of value, out of every range.</summary>
    private static readonly YamlNode[] Replacements =
    [
        At with { Value = "Not An Id" },
        At with { Value = "7" },
        At with { Value = "-1" },
        At with { Value = "0" },
        At with { Value = "2.5" },
        At with { Value = "100000" },
        At with { Value = "true" },
        At with { Value = "" },
        At with { Value = "7", IsPlain = false },
        new YamlSequence(At.Span, []),
        new YamlSequence(At.Span, [At with { Value = "pdf" }, At with { Value = "pdf" }]),
        new YamlMapping(At.Span, [new YamlEntry(At with { Value = "fr" }, At with { Value = "x" })]),
        new YamlMapping(At.Span, [new YamlEntry(At with { Value = "zz" }, At with { Value = "1" })]),
    ];

    [Fact]
    public void Holds_EveryDefinitionOfTheRepository_IsYes()
    {
        var files = ProcedureCatalog.DefinitionFiles(RepositoryPaths.Procedures).ToList();

        var refused = files.Where(f => !SchemaConformance.Holds(Read(f), SchemaCheck.Procedure)).ToList();

        Assert.Equal(55, files.Count);
        Assert.True(refused.Count == 0, "checked by NJsonSchema: " + string.Join(", ", refused));
    }

    [Fact]
    public void Holds_EveryGoldenCase_IsYesOnlyWhereNJsonSchemaFindsNothing()
    {
        var cases = Directory.EnumerateFiles(RepositoryPaths.Cases, "*.yaml", SearchOption.AllDirectories).ToList();
        var checkedCases = 0;
        foreach (var file in cases)
        {
            if (TryRead(file) is not { } root)
                continue;
            checkedCases++;
            AssertNoWrongYes(root, SchemaCheck.Procedure, file);
        }
        Assert.True(checkedCases > 40, $"only {checkedCases} cases read");
    }

    [Fact]
    public void Holds_EveryOneNodeChangeOfAValidDefinition_IsYesOnlyWhereNJsonSchemaFindsNothing()
    {
        var valid = Read(Path.Combine(RepositoryPaths.Cases, "valid.yaml"));
        var count = CountNodes(valid);
        var refused = 0;
        for (var index = 0; index < count; index++)
        {
            foreach (var replacement in Replacements)
            {
                var mutant = Replace(valid, index, replacement);
                refused += AssertNoWrongYes(mutant, SchemaCheck.Procedure, $"node {index} replaced with {Describe(replacement)}") ? 0 : 1;
            }
            refused += AssertNoWrongYes(Remove(valid, index), SchemaCheck.Procedure, $"node {index} removed") ? 0 : 1;
        }
        Assert.True(refused > count, $"only {refused} of {count * (Replacements.Length + 1)} changes were refused");
    }

    [Fact]
    public void Holds_FragmentsAndListsOfTheRepository_IsYes()
    {
        var fragments = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Procedures, "fragments"), "*.yaml").ToList();
        var lists = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Procedures, "lists"), "*.yaml").ToList();

        Assert.All(fragments, f => Assert.True(SchemaConformance.Holds(Read(f), SchemaCheck.Fragment), f));
        Assert.All(lists, f => Assert.True(SchemaConformance.Holds(Read(f), SchemaCheck.List), f));
    }

    /// <summary>Returns whether the quick check said yes, after asserting NJsonSchema then finds nothing.</summary>
    private static bool AssertNoWrongYes(YamlNode root, JsonSchema schema, string what)
    {
        if (!SchemaConformance.Holds(root, schema))
            return false;
        var errors = schema.Validate(JsonProjection.Of(root).Root);
        Assert.True(errors.Count == 0, $"{what}: the quick check said yes, NJsonSchema says {string.Join("; ", errors.Select(e => $"{e.Kind} at {e.Path}"))}");
        return true;
    }

    private static YamlNode Read(string file) => TryRead(file) ?? throw new InvalidOperationException($"{file} does not read");

    private static YamlNode? TryRead(string file)
    {
        var diagnostics = new List<Diagnostic>();
        var text = PreScan.Decode(File.ReadAllBytes(file), file, LoaderLimits.Default, diagnostics);
        return text is null ? null : YamlReader.Read(text, file, LoaderLimits.Default, diagnostics);
    }

    private static int CountNodes(YamlNode node) => node switch
    {
        YamlSequence sequence => 1 + sequence.Items.Sum(CountNodes),
        YamlMapping mapping => 1 + mapping.Entries.Sum(e => CountNodes(e.Value)),
        _ => 1,
    };

    /// <summary>The tree with its <paramref name="index"/>-th value (in document order; keys are not counted) replaced.</summary>
    private static YamlNode Replace(YamlNode root, int index, YamlNode replacement)
    {
        var counter = 0;
        return Rebuild(root, ref counter, index, _ => replacement)!;
    }

    /// <summary>The tree without its <paramref name="index"/>-th value (an entry of a mapping or an item of a list).</summary>
    private static YamlNode Remove(YamlNode root, int index)
    {
        var counter = 0;
        return Rebuild(root, ref counter, index, _ => null) ?? root;
    }

    private static YamlNode? Rebuild(YamlNode node, ref int counter, int index, Func<YamlNode, YamlNode?> change)
    {
        if (counter++ == index)
            return change(node);
        switch (node)
        {
            case YamlSequence sequence:
                var items = new List<YamlNode>();
                foreach (var item in sequence.Items)
                {
                    if (Rebuild(item, ref counter, index, change) is { } rebuilt)
                        items.Add(rebuilt);
                }
                return sequence with { Items = items };
            case YamlMapping mapping:
                var entries = new List<YamlEntry>();
                foreach (var entry in mapping.Entries)
                {
                    if (Rebuild(entry.Value, ref counter, index, change) is { } rebuilt)
                        entries.Add(entry with { Value = rebuilt });
                }
                return mapping with { Entries = entries };
            default:
                return node;
        }
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalar scalar => scalar.IsPlain ? $"'{scalar.Value}'" : $"\"{scalar.Value}\"",
        YamlSequence sequence => $"a list of {sequence.Items.Count}",
        YamlMapping mapping => $"a mapping of {string.Join(", ", mapping.Entries.Select(e => e.Key.Value))}",
        _ => "?",
    };
}
