using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>Every procedure of a procedures folder, loaded with the folder's shared library.</summary>
public sealed class ProcedureCatalog
{
    private ProcedureCatalog(ProcedureLibrary library, IReadOnlyList<LoadResult> results)
    {
        Library = library;
        Results = results;
        Definitions = results.Where(r => !r.HasErrors).Select(r => r.Definition!).ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    public ProcedureLibrary Library { get; }

    /// <summary>The working calendar deadlines are counted on (the library's <c>calendar.yaml</c>).</summary>
    public BusinessCalendar Calendar => Library.Calendar;

    /// <summary>One result per file, in file-name order, errors included.</summary>
    public IReadOnlyList<LoadResult> Results { get; }

    /// <summary>The definitions that loaded without errors, by id.</summary>
    public IReadOnlyDictionary<string, ProcedureDefinition> Definitions { get; }

    /// <summary>Library findings and every file's findings.</summary>
    public IEnumerable<Diagnostic> AllDiagnostics => Library.Diagnostics.Concat(Results.SelectMany(r => r.Diagnostics));

    public static ProcedureCatalog Load(string directory, LoaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var library = ProcedureLibrary.Load(directory, limits);
        var loader = new ProcedureLoader(library, limits);
        // Files are independent and the loader keeps no state between them: load them on every core.
        var results = DefinitionFiles(directory).AsParallel().AsOrdered().Select(loader.LoadFile).ToList();
        return new ProcedureCatalog(library, results);
    }

    /// <summary>
    /// A copy of this catalog serving <paramref name="definition"/> in place of the definition with its id (or in
    /// addition, for a new procedure): what the portal switches to when an analyst publishes. This catalog is unchanged.
    /// </summary>
    public ProcedureCatalog With(ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var result = new LoadResult(definition, []);
        var results = Results.Select(r => r.Definition?.Id == definition.Id ? result : r).ToList();
        if (!Results.Any(r => r.Definition?.Id == definition.Id))
            results.Add(result);
        return new ProcedureCatalog(Library, results);
    }

    /// <summary>The definition files of a procedures folder: <c>*.yaml</c> at its top level, except <c>roles.yaml</c>, <c>categories.yaml</c>, <c>calendar.yaml</c> and names starting with '_'.</summary>
    public static IEnumerable<string> DefinitionFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.yaml")
            .Where(f => Path.GetFileName(f) is not ("roles.yaml" or "categories.yaml" or "calendar.yaml") && !Path.GetFileName(f).StartsWith('_'))
            .Order(StringComparer.Ordinal);

    /// <summary>The procedures folder a file belongs to: the nearest folder up that holds <c>roles.yaml</c>.</summary>
    public static string? FindRoot(string path)
    {
        var directory = Directory.Exists(path) ? Path.GetFullPath(path) : Path.GetDirectoryName(Path.GetFullPath(path));
        for (; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "roles.yaml")))
                return directory;
        }
        return null;
    }
}
