using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Cli;

internal static class LintCommand
{
    public static int Run(IReadOnlyList<string> paths, TextWriter output, TextWriter error)
    {
        if (paths.Count == 0)
            paths = ["procedures"];

        var diagnostics = new List<Diagnostic>();
        var files = 0;
        var libraries = new Dictionary<string, ProcedureLibrary>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                error.WriteLine($"procedures: no such file or folder: {path}");
                return ProceduresCommand.UsageOrIo;
            }

            var root = ProcedureCatalog.FindRoot(path);
            if (root is null)
            {
                error.WriteLine($"procedures: {path} is not inside a procedures folder (no roles.yaml found above it)");
                return ProceduresCommand.UsageOrIo;
            }
            if (!libraries.TryGetValue(root, out var library))
            {
                libraries[root] = library = ProcedureLibrary.Load(root);
                diagnostics.AddRange(library.Diagnostics);
            }

            if (IsTemplate(path))
            {
                // A letter (or the templates folder): its findings are among the library's, printed above.
                files += Directory.Exists(path) ? Directory.EnumerateFiles(path).Count() : 1;
                continue;
            }

            var loader = new ProcedureLoader(library);
            var targets = Directory.Exists(path) ? ProcedureCatalog.DefinitionFiles(path) : [path];
            foreach (var file in targets)
            {
                files++;
                diagnostics.AddRange(loader.LoadFile(file).Diagnostics);
            }
        }

        // A template's findings come with the library and with every procedure that uses it: print them once.
        diagnostics = diagnostics.Distinct().ToList();
        foreach (var diagnostic in diagnostics)
            output.WriteLine(diagnostic);
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count - errors;
        output.WriteLine($"{files} file(s): {errors} error(s), {warnings} warning(s)");
        return errors > 0 ? ProceduresCommand.Findings : ProceduresCommand.Success;
    }

    private static bool IsTemplate(string path) =>
        Directory.Exists(path) ? Path.GetFileName(Path.TrimEndingDirectorySeparator(path)) == "templates" : Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && Path.GetFileName(folder) == "templates";
}
