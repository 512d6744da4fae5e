using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Templates;

namespace EmploymentProcedures.Engine.Tests.Loading;

/// <summary>
/// Golden-file tests of the loader's diagnostics: every <c>Cases/**/*.yaml</c> is loaded and its diagnostics,
/// one per line, must equal the <c>.diagnostics.txt</c> beside it. Set <c>UPDATE_GOLDEN=1</c> to rewrite the
/// expected files from the actual output (then review the diff by eye before committing).
/// </summary>
public sealed partial class GoldenLintTests
{
    private const string ExpectedSuffix = ".diagnostics.txt";

    /// <summary>Cases in this folder are calendar files (<c>calendar.yaml</c>), read by the calendar's loader.</summary>
    private const string CalendarCases = "700-calendar/";

    /// <summary>Codes a golden file cannot show, with where they are tested instead.</summary>
    private static readonly Dictionary<string, string> NotCoverableByGoldenFiles = new(StringComparer.Ordinal)
    {
        ["EP0001"] = "a golden file would have to exceed 512 KiB; see HostileInputTests",
        ["EP0013"] = "a golden file would need more than 100,000 YAML nodes; see HostileInputTests",
        ["EP0015"] = "only an I/O error while reading a file gives it; see HostileInputTests",
        ["EP0506"] = "a golden template would have to exceed 64 KiB; see TemplateLibraryTests",
        ["EP0507"] = "a broken letterhead concerns every template of its folder, so it would change every golden file beside it; see TemplateLibraryTests",
    };

    private static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in AllCases())
            data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_GoldenCase_ReportsExactlyTheExpectedDiagnostics(string name) => Verify(name);









    [Fact]
    public void Cases_Folder_HasAValidCaseAndManyProblemCases()
    {
        var cases = AllCases();
        Assert.Contains("valid.yaml", cases);
        Assert.True(cases.Count >= 40, $"only {cases.Count} golden cases");
    }

    [Fact]
    public void Cases_EveryExpectedFile_HasItsDefinitionAndLfLineEndings()
    {
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Cases, "*", SearchOption.AllDirectories))
        {
            var relative = Relative(file);
            if (file.EndsWith(ExpectedSuffix, StringComparison.Ordinal) && !File.Exists(file[..^ExpectedSuffix.Length] + ".yaml"))
                problems.Add($"{relative}: no definition beside it");
            if (File.ReadAllBytes(file).Contains((byte)'\r'))
                problems.Add($"{relative}: has CR line endings");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void DiagnosticCodes_EveryDescriptor_IsShownByAGoldenFile()
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Cases, "*" + ExpectedSuffix, SearchOption.AllDirectories))
        {
            foreach (Match match in CodePattern().Matches(File.ReadAllText(file)))
                shown.Add(match.Groups[1].Value);
        }

        var uncovered = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (Name: f.Name, Descriptor: (DiagnosticDescriptor)f.GetValue(null)!))
            .Where(d => !shown.Contains(d.Descriptor.Code) && !NotCoverableByGoldenFiles.ContainsKey(d.Descriptor.Code))
            .OrderBy(d => d.Descriptor.Code, StringComparer.Ordinal)
            .Select(d => $"{d.Descriptor.Code} {d.Name}")
            .ToList();
        Assert.True(uncovered.Count == 0, "no golden file shows: " + string.Join(", ", uncovered));
    }

    private static void Verify(string name)
    {
        var file = Path.Combine(RepositoryPaths.Cases, name);
        var expectedFile = Path.ChangeExtension(file, null) + ExpectedSuffix;
        var diagnostics = name.StartsWith(CalendarCases, StringComparison.Ordinal)
            ? BusinessCalendar.Load(File.ReadAllBytes(file), name).Diagnostics
            : LoaderFor(file).Load(File.ReadAllBytes(file), name).Diagnostics;
        var actual = string.Join("\n", diagnostics.Select(d => d.ToString()));

        if (Updating)
        {
            File.WriteAllText(expectedFile, actual.Length == 0 ? "" : actual + "\n", new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(expectedFile), $"{name}: {Path.GetFileName(expectedFile)} is missing; run with UPDATE_GOLDEN=1 to create it. Actual:\n{actual}");
        var expected = File.ReadAllText(expectedFile).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        Assert.True(expected == actual, $"{name}: the diagnostics differ from {Path.GetFileName(expectedFile)}\n--- expected ---\n{expected}\n--- actual ---\n{actual}\n---");
    }

    /// <summary>A case beside a <c>templates/</c> folder is linted against those letters instead of the repository's (the 500-templates cases).</summary>
    private static ProcedureLoader LoaderFor(string file)
    {
        var templates = Path.Combine(Path.GetDirectoryName(file)!, "templates");
        return Directory.Exists(templates)
            ? new ProcedureLoader(TestLibrary.Library.WithTemplates(TemplateLibrary.Load(templates, Relative(templates))))
            : TestLibrary.Loader();
    }

    /// <summary>Every case, as its path relative to the Cases folder with forward slashes.</summary>
    private static List<string> AllCases() =>
        Directory.EnumerateFiles(RepositoryPaths.Cases, "*.yaml", SearchOption.AllDirectories)
            .Select(Relative)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Relative(string file) => Path.GetRelativePath(RepositoryPaths.Cases, file).Replace('\\', '/');

    [GeneratedRegex(@"\): (?:error|warning) (EP\d{4}):")]
    private static partial Regex CodePattern();
}
