namespace EmploymentProcedures.Engine.Tests.Loading;

/// <summary>The repository's own procedures and shared files load without a single finding.</summary>
public sealed class ProcedureCorpusTests
{
    /// <summary>Shared files at the top of procedures/ that are not procedure definitions.</summary>
    private static readonly HashSet<string> SharedFiles = new(StringComparer.Ordinal) { "roles.yaml", "categories.yaml", "calendar.yaml" };

    /// <summary>Stands in for the procedures while there are none yet, since a theory without data fails.</summary>
    private const string NoProceduresYet = "(no procedures yet)";

    public static TheoryData<string> Procedures()
    {
        var data = new TheoryData<string>();
        foreach (var name in ProcedureFiles())
            data.Add(name);
        if (data.Count == 0)
            data.Add(NoProceduresYet);
        return data;
    }

    [Theory]
    [MemberData(nameof(Procedures))]
    public void LoadFile_RepositoryProcedure_HasNoDiagnostics(string name)
    {
        if (name == NoProceduresYet)
        {
            Assert.Empty(ProcedureFiles());
            return;
        }

        var result = TestLibrary.Loader().LoadFile(Path.Combine(RepositoryPaths.Procedures, name));

        Assert.True(result.Diagnostics.Count == 0, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.NotNull(result.Definition);
    }

    [Fact]
    public void Library_RepositoryProceduresFolder_HasNoDiagnostics()
    {
        var library = TestLibrary.Library;

        Assert.True(library.Diagnostics.Count == 0, string.Join(Environment.NewLine, library.Diagnostics));
        Assert.NotEmpty(library.Fragments);
        Assert.NotEmpty(library.Lists);
        Assert.NotEmpty(library.Roles);
        Assert.NotEmpty(library.Categories);
        Assert.NotEmpty(library.Templates);
    }

    [Fact]
    public void Library_EveryListFile_IsLoaded()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Procedures, "lists"), "*.yaml").Count();

        Assert.Equal(files, TestLibrary.Library.Lists.Count);
    }

    [Fact]
    public void Library_EveryListOption_HasFrenchAndArabicLabels()
    {
        var missing = TestLibrary.Library.Lists.Values
            .SelectMany(list => list.Options.Select(option => (List: list.Id, Option: option)))
            .Where(o => !o.Option.Label.Has("fr") || !o.Option.Label.Has("ar"))
            .Select(o => $"{o.List}: option '{o.Option.Value}'")
            .ToList();

        Assert.True(missing.Count == 0, "options without a French or Arabic label: " + string.Join(", ", missing));
    }

    [Fact]
    public void Library_EveryList_HasOptionsWithDistinctValues()
    {
        foreach (var list in TestLibrary.Library.Lists.Values)
        {
            Assert.NotEmpty(list.Options);
            var duplicates = list.Options.GroupBy(o => o.Value, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(duplicates.Count == 0, $"{list.Id} repeats: {string.Join(", ", duplicates)}");
        }
    }

    private static List<string> ProcedureFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Procedures, "*.yaml")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !SharedFiles.Contains(name))
            .Order(StringComparer.Ordinal)
            .ToList();
}
