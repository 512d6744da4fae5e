using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Cli;

/// <summary>The definition files named on the command line (files or folders), each with the library of its procedures folder.</summary>
/// <param name="TemplateFiles">Letter templates named (a template or the templates folder): their findings are among the library's.</param>
internal sealed record DefinitionPaths(IReadOnlyList<(ProcedureLoader Loader, string File)> Files, IReadOnlyList<Diagnostic> LibraryDiagnostics, int TemplateFiles)
{
    /// <summary>Null (after printing why) when a path does not exist or is not inside a procedures folder.</summary>
    public static DefinitionPaths? Resolve(IReadOnlyList<string> paths, TextWriter error)
    {
        if (paths.Count == 0)
            paths = ["procedures"];
        var files = new List<(ProcedureLoader, string)>();
        var diagnostics = new List<Diagnostic>();
        var loaders = new Dictionary<string, ProcedureLoader>(StringComparer.Ordinal);
        var templates = 0;
        foreach (var path in paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                error.WriteLine($"procedures: no such file or folder: {path}");
                return null;
            }
            var root = ProcedureCatalog.FindRoot(path);
            if (root is null)
            {
                error.WriteLine($"procedures: {path} is not inside a procedures folder (no roles.yaml found above it)");
                return null;
            }
            if (!loaders.TryGetValue(root, out var loader))
            {
                loaders[root] = loader = new ProcedureLoader(ProcedureLibrary.Load(root));
                diagnostics.AddRange(loader.Library.Diagnostics);
            }
            if (IsTemplate(path))
            {
                templates += Directory.Exists(path) ? Directory.EnumerateFiles(path).Count() : 1;
                continue;
            }
            files.AddRange((Directory.Exists(path) ? ProcedureCatalog.DefinitionFiles(path) : [path]).Select(f => (loader, f)));
        }
        return new DefinitionPaths(files, diagnostics, templates);
    }

    private static bool IsTemplate(string path) =>
        Directory.Exists(path)
            ? Path.GetFileName(Path.TrimEndingDirectorySeparator(path)) == "templates"
            : Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && Path.GetFileName(folder) == "templates";
}
