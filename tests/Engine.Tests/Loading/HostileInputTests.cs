using System.Text;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Engine.Tests.Loading;

/// <summary>
/// Inputs an attacker or a broken editor could produce, at their real size: the loader must answer each
/// with located diagnostics, never an exception, and stop early instead of building huge trees.
/// </summary>
public sealed class HostileInputTests
{
    private const string Path = "hostile.yaml";

    private static readonly Lazy<string> ValidText = new(() =>
        File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Cases, "valid.yaml")).Replace("id: valid\n", "id: hostile\n", StringComparison.Ordinal));

    [Fact]
    public void Load_DuplicateKey_NamesBothLines()
    {
        var diagnostic = Single(Load("id: hostile\nlanguage: 1\nid: other\n"), "EP0011");

        Assert.Equal((3, 1), (diagnostic.Span.Line, diagnostic.Span.Column));
        Assert.Contains("key 'id'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("first at line 1", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HundredThousandNestedFlowSequences_StopsAtTheDepthLimit()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);

        var diagnostic = Single(Load(text), "EP0005");

        Assert.Equal((1, LoaderLimits.Default.MaxDepth + 1), (diagnostic.Span.Line, diagnostic.Span.Column));
    }

    [Fact]
    public void Load_HundredThousandNestedFlowMappings_StopsAtTheDepthLimit()
    {
        var text = string.Concat(Enumerable.Repeat("{a: ", 100_000)) + "1" + new string('}', 100_000);

        var diagnostic = Single(Load(text), "EP0005");

        Assert.Equal(1, diagnostic.Span.Line);
    }

    [Fact]
    public void Load_HundredThousandNestedBlockSequences_StopsAtTheDepthLimit()
    {
        var text = string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n";

        var diagnostic = Single(Load(text), "EP0005");

        Assert.Equal(1, diagnostic.Span.Line);
    }

    [Fact]
    public void Load_DeeplyNestedFlowInAValue_PointsAtTheBracketPastTheLimit()
    {
        var text = "id: hostile\nnotes: " + new string('[', 50_000) + new string(']', 50_000) + "\n";

        var diagnostic = Single(Load(text), "EP0005");

        // The root mapping is level 1, so the 32nd bracket (column 8 + 31) is the one too deep.
        Assert.Equal((2, 8 + LoaderLimits.Default.MaxDepth - 1), (diagnostic.Span.Line, diagnostic.Span.Column));
    }

    [Fact]
    public void Load_BillionLaughs_IsRefusedAtTheFirstAnchor()
    {
        var text = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            text.Append(level).Append(": &").Append(level).Append(" [")
                .AppendJoin(",", Enumerable.Repeat("*" + previous, 9)).Append("]\n");
        }

        var diagnostic = Single(Load(text.ToString()), "EP0006");

        Assert.Equal((1, 4), (diagnostic.Span.Line, diagnostic.Span.Column));
        Assert.Contains("anchor '&a'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TenMegabyteFile_IsRefusedBeforeParsing()
    {
        var bytes = Encoding.UTF8.GetBytes("notes: \"" + new string('x', 10 * 1024 * 1024) + "\"\n");

        var diagnostic = Single(Load(bytes), "EP0001");

        Assert.Equal((1, 1), (diagnostic.Span.Line, diagnostic.Span.Column));
    }

    [Fact]
    public void Load_MegabyteSingleLineScalar_IsRefusedWithDefaultLimits()
    {
        var text = "id: hostile\nnotes: " + new string('x', 1024 * 1024) + "\n";

        Single(Load(text), "EP0001");
    }

    [Fact]
    public void Load_MegabyteSingleLineScalarWithinRaisedLimit_IsReadAndChecked()
    {
        var loader = new ProcedureLoader(TestLibrary.Library, new LoaderLimits { MaxBytes = 4 * 1024 * 1024 });
        var text = "notes: " + new string('x', 1024 * 1024) + "\n";

        var result = loader.Load(Encoding.UTF8.GetBytes(text), Path);

        Assert.True(result.HasErrors);
        Assert.Null(result.Definition);
        Assert.Contains(result.Diagnostics, d => d.Code == "EP0102" && d.Message.Contains("'id'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_TabIndentation_PointsAtTheTab()
    {
        var diagnostic = Single(Load("id: hostile\nsections:\n  - id: a\n\t  title: { fr: x, ar: y }\n"), "EP0004");

        Assert.Equal((4, 1), (diagnostic.Span.Line, diagnostic.Span.Column));
    }

    [Fact]
    public void Load_ByteOrderMark_WarnsAndStillLoads()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ValidText.Value)).ToArray();

        var result = TestLibrary.Loader().Load(bytes, Path);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("EP0007", Severity.Warning, 1, 1), (diagnostic.Code, diagnostic.Severity, diagnostic.Span.Line, diagnostic.Span.Column));
        Assert.False(result.HasErrors);
        Assert.Equal("hostile", result.Definition?.Id);
    }

    [Fact]
    public void Load_InvalidUtf8_PointsAtTheBadByte()
    {
        byte[] bytes = [.. "id: hostile\ntitle: { fr: caf"u8, 0xC3, 0x28, .. "\" }\n"u8];

        var diagnostic = Single(Load(bytes), "EP0002");

        Assert.Equal((2, 17), (diagnostic.Span.Line, diagnostic.Span.Column));
        Assert.Contains("0xC3", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidUtf8AfterArabic_CountsColumnsInCharacters()
    {
        byte[] bytes = [.. "id: hostile\ntitle: { ar: \"عمل"u8, 0xFF, .. "\" }\n"u8];

        var diagnostic = Single(Load(bytes), "EP0002");

        Assert.Equal((2, 18), (diagnostic.Span.Line, diagnostic.Span.Column));
    }

    [Fact]
    public void Load_NulByte_IsReportedAsAControlCharacter()
    {
        var diagnostic = Single(Load("id: hostile\nnotes: a\0b\n"), "EP0003");

        Assert.Equal((2, 9), (diagnostic.Span.Line, diagnostic.Span.Column));
        Assert.Contains("U+0000", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id: !!python/object:os.system [\"rm -rf /\"]\n", "tag:yaml.org,2002:python/object:os.system")]
    [InlineData("id: !!python/object/apply:subprocess.call [[\"ls\"]]\n", "tag:yaml.org,2002:python/object/apply:subprocess.call")]
    [InlineData("id: !custom hostile\n", "!custom")]
    [InlineData("!<tag:example.com,2026:procedure> {id: hostile}\n", "tag:example.com,2026:procedure")]
    public void Load_Tag_IsRefused(string text, string tag)
    {
        var diagnostic = Single(Load(text), "EP0008");

        Assert.Contains($"'{tag}'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralDocuments_PointsAtTheSecond()
    {
        var diagnostic = Single(Load("id: hostile\n---\nid: other\n"), "EP0009");

        Assert.Equal(2, diagnostic.Span.Line);
    }

    [Theory]
    [InlineData("just a sentence\n", "single value")]
    [InlineData("42\n", "single value")]
    [InlineData("- id: a\n- id: b\n", "list")]
    [InlineData("[a, b]\n", "list")]
    [InlineData("", "empty")]
    [InlineData("# only a comment\n# and another\n", "empty")]
    [InlineData("   \n\n  \n", "empty")]
    [InlineData("~\n", "empty")]
    public void Load_RootNotAMapping_IsRefused(string text, string what)
    {
        var diagnostic = Single(Load(text), "EP0012");

        Assert.Contains(what, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(1, diagnostic.Span.Line);
    }

    [Fact]
    public void Load_MoreNodesThanTheLimit_IsRefused()
    {
        var text = "[" + string.Join(",", Enumerable.Repeat("0", LoaderLimits.Default.MaxNodes + 1)) + "]\n";

        Single(Load(text), "EP0013");
    }

    [Fact]
    public void LoadFile_MissingFile_ReportsUnreadable()
    {
        var missing = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"no-such-procedure-{Guid.NewGuid():N}.yaml");

        var result = TestLibrary.Loader().LoadFile(missing);

        Assert.True(result.HasErrors);
        Assert.Equal("EP0015", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Load_UnclosedFlowMapping_ReportsSyntaxError() =>
        Single(Load("id: hostile\ntitle: { fr: x\nlanguage: 1\n"), "EP0010");

    [Fact]
    public void Load_UnclosedFlowSequence_ReportsSyntaxError() =>
        Single(Load("id: hostile\nlegal_basis: [a\nlanguage: 1\n"), "EP0010");

    [Fact]
    public void Load_RandomMutationsOfAValidDefinition_NeverThrowAndExplainEveryMissingDefinition() =>
        AssertMutationsAreHandled(toleratedBugs: []);

    /// <summary>The same run, tolerating only the two known bugs, so that any other escape is still caught.</summary>
    [Fact]
    public void Load_RandomMutationsOfAValidDefinition_ThrowNothingButTheKnownBugs() =>
        AssertMutationsAreHandled(toleratedBugs: ["YamlDotNet.Core.Scanner.ScanPlainScalar", "Linter.CheckScenarios"]);

    private static void AssertMutationsAreHandled(string[] toleratedBugs)
    {
        var loader = TestLibrary.Loader();
        var original = Encoding.UTF8.GetBytes(ValidText.Value);
        var random = new Random(20260302);
        var failures = new List<string>();

        for (var i = 0; i < 2_000; i++)
        {
            var mutated = Mutate(original, random);
            try
            {
                var result = loader.Load(mutated, Path);
                if (result.Definition is null && !result.Diagnostics.Any(d => d.IsError))
                    failures.Add($"#{i}: no definition and no error");
            }
#pragma warning disable CA1031 // The point of the test is to catch whatever escapes.
            catch (Exception e)
#pragma warning restore CA1031
            {
                var origin = e.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("EmploymentProcedures", StringComparison.Ordinal) || l.Contains("YamlDotNet", StringComparison.Ordinal)) ?? "";
                if (!toleratedBugs.Any(bug => origin.Contains(bug, StringComparison.Ordinal)))
                    failures.Add($"#{i}: {e.GetType().Name}: {e.Message} {origin}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of 2000 mutations failed:\n{string.Join("\n", failures)}");
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            switch (random.Next(4))
            {
                case 0:
                    var flip = random.Next(bytes.Count);
                    bytes[flip] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    var start = random.Next(bytes.Count);
                    bytes.RemoveRange(start, Math.Min(random.Next(1, 40), bytes.Count - start));
                    break;
                case 2:
                    var lines = SplitLines(bytes);
                    var line = lines[random.Next(lines.Count)];
                    var at = lines[random.Next(lines.Count)].Start;
                    bytes.InsertRange(at, bytes.GetRange(line.Start, line.Length));
                    break;
                default:
                    var all = SplitLines(bytes);
                    var removed = all[random.Next(all.Count)];
                    bytes.RemoveRange(removed.Start, removed.Length);
                    break;
            }
        }
        return [.. bytes];
    }

    /// <summary>Each line's start and length, its newline included.</summary>
    private static List<(int Start, int Length)> SplitLines(List<byte> bytes)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < bytes.Count; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lines.Add((start, i + 1 - start));
                start = i + 1;
            }
        }
        if (start < bytes.Count || lines.Count == 0)
            lines.Add((start, bytes.Count - start));
        return lines;
    }

    private static LoadResult Load(string text) => Load(Encoding.UTF8.GetBytes(text));

    private static LoadResult Load(byte[] bytes) => TestLibrary.Loader().Load(bytes, Path);

    /// <summary>Asserts the load failed with <paramref name="code"/> and returns that diagnostic.</summary>
    private static Diagnostic Single(LoadResult result, string code)
    {
        Assert.True(result.HasErrors, "expected errors, got: " + string.Join("; ", result.Diagnostics));
        var matches = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matches.Count == 1, $"expected one {code}, got: {string.Join("; ", result.Diagnostics)}");
        return matches[0];
    }
}
