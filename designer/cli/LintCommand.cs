using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Cli;

internal static class LintCommand
{
    public static int Run(IReadOnlyList<string> paths, TextWriter output, TextWriter error)
    {
        if (DefinitionPaths.Resolve(paths, error) is not { } resolved)
            return ProceduresCommand.UsageOrIo;
        var diagnostics = new List<Diagnostic>(resolved.LibraryDiagnostics);
        diagnostics.AddRange(resolved.Files.AsParallel().AsOrdered().SelectMany(f => f.Loader.LoadFile(f.File).Diagnostics));

        foreach (var diagnostic in diagnostics)
            output.WriteLine(diagnostic);
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count - errors;
        output.WriteLine($"{resolved.Files.Count} file(s): {errors} error(s), {warnings} warning(s)");
        return errors > 0 ? ProceduresCommand.Findings : ProceduresCommand.Success;
    }
}
