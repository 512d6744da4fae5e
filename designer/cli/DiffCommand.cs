using EmploymentProcedures.Engine.Authoring;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Cli;

/// <summary>
/// <c>procedures diff</c>: what a draft changes from the published definition, one change per entry (area, kind,
/// path), its properties old → new, and whether it would break applications already submitted, with the reason; then what
/// happens to the drafts, which move to the new version.
/// Exit codes: 0 no change, 1 changes, 2 usage, I/O or a definition with errors.
/// </summary>
internal static class DiffCommand
{
    private static readonly string[] Languages = ["fr", "ar", "en"];

    public static int Run(string publishedFile, string draftFile, string language, TextWriter output, TextWriter error)
    {
        if (!Languages.Contains(language, StringComparer.Ordinal))
        {
            error.WriteLine($"procedures: unknown language '{language}'; use fr, ar or en");
            return ProceduresCommand.UsageOrIo;
        }
        foreach (var file in new[] { publishedFile, draftFile })
        {
            if (!File.Exists(file))
            {
                error.WriteLine($"procedures: no such file: {file}");
                return ProceduresCommand.UsageOrIo;
            }
        }
        // Both sides are read with the draft's library (fragments, lists, roles): the published text may be a
        // copy kept anywhere, such as 'git show main:procedures/x.yaml > x.published.yaml'.
        if ((ProcedureCatalog.FindRoot(draftFile) ?? ProcedureCatalog.FindRoot(publishedFile)) is not { } root)
        {
            error.WriteLine($"procedures: {draftFile} is not inside a procedures folder (no roles.yaml found above it)");
            return ProceduresCommand.UsageOrIo;
        }

        var loader = new ProcedureLoader(ProcedureLibrary.Load(root));
        var published = Load(loader, publishedFile, copy: true, error);
        var draft = Load(loader, draftFile, copy: false, error);
        if (published is null || draft is null)
            return ProceduresCommand.UsageOrIo;

        var changes = DefinitionChanges.Compare(published, draft);
        foreach (var change in changes)
            Print(change, language, output);
        var breaking = changes.Count(c => c.IsBreaking);
        output.WriteLine(changes.Count == 0 ? "no change" : $"{changes.Count} change(s), {breaking} breaking applications already submitted (they stay on their version)");
        if (changes.Count > 0)
            output.WriteLine("drafts: " + DefinitionChanges.Drafts(changes).Get(language));
        return changes.Count == 0 ? ProceduresCommand.Success : ProceduresCommand.Findings;
    }

    /// <summary>The definition, or null after printing its errors. A copy may have any file name, so only its id check is waived.</summary>
    private static ProcedureDefinition? Load(ProcedureLoader loader, string file, bool copy, TextWriter error)
    {
        var loaded = loader.LoadFile(file);
        var errors = loaded.Diagnostics.Where(d => d.IsError && !(copy && d.Code == DiagnosticCodes.IdNotFileName.Code)).ToList();
        if (errors.Count == 0 && loaded.Definition is { } definition)
            return definition;
        foreach (var diagnostic in errors)
            error.WriteLine(diagnostic);
        error.WriteLine($"procedures: {file} has errors; fix them before comparing (run 'procedures lint')");
        return null;
    }

    /// <summary>
    /// <c>! field removed contract.note</c> (the mark says it breaks), then <c>type: text → —</c> per property
    /// and <c>breaks: ...</c> per reason, indented.
    /// </summary>
    private static void Print(DefinitionChange change, string language, TextWriter output)
    {
        output.WriteLine($"{(change.IsBreaking ? "!" : " ")} {Word(change.Area)} {Word(change.Kind)} {change.Path}");
        foreach (var property in change.Properties)
            output.WriteLine($"    {property.Name}: {Value(property.Old)} → {Value(property.New)}");
        foreach (var reason in change.Reasons)
            output.WriteLine($"    breaks: {reason.Get(language)}");
    }

    private static string Word<T>(T value) where T : Enum => value.ToString().ToLowerInvariant();

    private static string Value(string? value) => value is null ? "—" : value.ReplaceLineEndings("⏎");
}
