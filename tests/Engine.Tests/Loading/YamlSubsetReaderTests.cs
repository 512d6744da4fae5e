using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Engine.Tests.Loading;

/// <summary>
/// The loader's fast YAML path must build exactly the tree YamlDotNet's events build (values, styles, spans, block
/// text), and step aside for anything else, so that every diagnostic still comes from the full reader.
/// </summary>
public sealed class YamlSubsetReaderTests
{
    public static TheoryData<string> RepositoryFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Procedures, "*.yaml", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(RepositoryPaths.Cases, "*.yaml", SearchOption.AllDirectories))
                     .Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(RepositoryFiles))]
    public void Read_RepositoryFileOrGoldenCase_GivesTheFullReadersTreeOrStepsAside(string file)
    {
        var prescan = new List<Diagnostic>();
        var text = PreScan.Decode(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, file)), file, LoaderLimits.Default, prescan);
        if (text is null)
            return;

        AssertSameTreeOrNone(text, file);
    }

    [Fact]
    public void Read_EveryDefinitionFragmentAndListOfTheRepository_TakesTheFastPath()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Procedures, "*.yaml", SearchOption.AllDirectories).ToList();

        var slow = files.Where(f => YamlSubsetReader.Read(File.ReadAllText(f), f, LoaderLimits.Default) is null).ToList();

        Assert.True(files.Count > 55, $"only {files.Count} files");
        Assert.True(slow.Count == 0, "read by YamlDotNet only: " + string.Join(", ", slow));
    }

    [Theory]
    [InlineData("a: 1\nb: text with spaces  # a comment\n'c': 'it''s'\n\"d\": \"say \\\"hi\\\"\\n\\u00e9\"\n")]
    [InlineData("time: 10:30\nurl: http://example.ma/a#b\nneg: -5\nexpr: nationality in [\"DZ\", \"TN\"] and a != b\n")]
    [InlineData("list:\n- a\n- b\nnext: 1\n")]
    [InlineData("list:\n  - - x\n    - y\n  - id: a\n    type: text\n  -\n    id: b\n")]
    [InlineData("flow: { id: a, label: { fr: \"Nom\", ar: \"النسب\" }, options: [x, 'y', \"z\"], empty: [], none: {} }\n")]
    [InlineData("flow: { id: a,\n        label: { fr: Nom,\n                 ar: b } }\nafter: [1, 2.5, true, null, ~]\n")]
    [InlineData("notes: >-\n  first line\n  second line\n\n  after a blank\nnext: x\n")]
    [InlineData("notes: >\n  folded, clipped\n\n\nkept: |\n  line 1\n\n  line 3\nstripped: |-\n  only\n")]
    [InlineData("# a comment\n\nroot:\n  # inside\n  key: value\n\n  other: 'x' # after\n")]
    public void Read_ConstructsOfTheSubset_GivesTheFullReadersTree(string text)
    {
        Assert.NotNull(YamlSubsetReader.Read(text, "case.yaml", LoaderLimits.Default));
        AssertSameTreeOrNone(text, "case.yaml");
    }

    [Theory]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !custom 1\n")]
    [InlineData("a: one\n  continued\n")]
    [InlineData("a: \"one\n  continued\"\n")]
    [InlineData("a:\nb: 1\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("---\na: 1\n")]
    [InlineData("? a\n: 1\n")]
    [InlineData("a: [b: c]\n")]
    [InlineData("a: { b: [1, 2 }\n")]
    [InlineData("a: |+\n  kept\n\n")]
    [InlineData("a: >\n  folded\n    more indented\n")]
    [InlineData("a: \"\\x41\"\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("a: 1\n\tb: 2\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: 'x' y\n")]
    public void Read_AnythingElse_StepsAsideForTheFullReader(string text)
    {
        Assert.Null(YamlSubsetReader.Read(text, "case.yaml", LoaderLimits.Default));
    }

    private static void AssertSameTreeOrNone(string text, string path)
    {
        var fast = YamlSubsetReader.Read(text, path, LoaderLimits.Default);
        if (fast is null)
            return;
        var diagnostics = new List<Diagnostic>();
        var full = YamlReader.ReadFully(text, path, LoaderLimits.Default, diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(full);
        Assert.Equal(Describe(full), Describe(fast));
    }

    /// <summary>The tree as text, one node a line with its span, style and block text: a difference shows where it is.</summary>
    private static string Describe(YamlNode root)
    {
        var lines = new List<string>();
        var pending = new Stack<(YamlNode Node, string Path)>();
        pending.Push((root, "$"));
        while (pending.Count > 0)
        {
            var (node, path) = pending.Pop();
            var at = $"({node.Span.Line},{node.Span.Column})";
            switch (node)
            {
                case YamlScalar scalar:
                    var block = scalar.Block is { } b ? $" block ({b.Start.Line},{b.Start.Column}) [{string.Join(',', b.LineLengths)}]" : "";
                    lines.Add($"{path} {at} {(scalar.IsPlain ? "plain" : "quoted")} [{scalar.Value}]{block}");
                    break;
                case YamlSequence sequence:
                    lines.Add($"{path} {at} sequence of {sequence.Items.Count}");
                    for (var i = sequence.Items.Count - 1; i >= 0; i--)
                        pending.Push((sequence.Items[i], $"{path}[{i}]"));
                    break;
                case YamlMapping mapping:
                    lines.Add($"{path} {at} mapping of {mapping.Entries.Count}");
                    for (var i = mapping.Entries.Count - 1; i >= 0; i--)
                    {
                        pending.Push((mapping.Entries[i].Value, $"{path}.{mapping.Entries[i].Key.Value}"));
                        pending.Push((mapping.Entries[i].Key, $"{path} key"));
                    }
                    break;
            }
        }
        return string.Join('\n', lines);
    }
}
