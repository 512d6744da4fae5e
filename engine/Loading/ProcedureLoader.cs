using System.Security.Cryptography;
using System.Text;
using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>
/// Turns a definition file into a checked, compiled <see cref="Definitions.ProcedureDefinition"/>:
/// pre-scan, parse, schema, bind, compile expressions, lint. Every stage adds to one list of
/// diagnostics; nothing throws on what an analyst writes.
/// </summary>
public sealed class ProcedureLoader(ProcedureLibrary library, LoaderLimits? limits = null)
{
    private readonly LoaderLimits _limits = limits ?? LoaderLimits.Default;

    public ProcedureLibrary Library { get; } = library ?? throw new ArgumentNullException(nameof(library));

    public LoadResult LoadFile(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = ProcedureLibrary.DisplayPath(file);
        try
        {
            var info = new FileInfo(file);
            if (info.Exists && info.Length > _limits.MaxBytes)
                return new LoadResult(null, [DiagnosticCodes.FileTooLarge.At(new SourceSpan(path, 1, 1), info.Length, _limits.MaxBytes)]);
            return Load(File.ReadAllBytes(file), path);
        }
        catch (IOException e)
        {
            return new LoadResult(null, [DiagnosticCodes.Unreadable.At(new SourceSpan(path, 0, 0), e.Message)]);
        }
        catch (UnauthorizedAccessException e)
        {
            return new LoadResult(null, [DiagnosticCodes.Unreadable.At(new SourceSpan(path, 0, 0), e.Message)]);
        }
    }

    /// <summary>Loads text already in memory (the designer's editor).</summary>
    public LoadResult LoadText(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Load(Encoding.UTF8.GetBytes(text), path);
    }

    public LoadResult Load(ReadOnlySpan<byte> bytes, string path)
    {
        var diagnostics = new List<Diagnostic>();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var text = PreScan.Decode(bytes, path, _limits, diagnostics);
        if (text is null)
            return new LoadResult(null, diagnostics);

        var root = YamlReader.Read(text, path, _limits, diagnostics);
        if (root is null)
            return new LoadResult(null, diagnostics);
        if (root is not YamlMapping map)
        {
            diagnostics.Add(DiagnosticCodes.RootNotMapping.At(root.Span, root is YamlScalar ? "the file holds a single value" : "the file holds a list"));
            return new LoadResult(null, diagnostics);
        }

        SchemaCheck.Validate(SchemaCheck.Procedure, map, path, diagnostics);
        var definition = DefinitionBinder.BindProcedure(map, path, Library);
        if (definition is null)
            return new LoadResult(null, diagnostics);

        definition = definition with { ContentHash = hash };
        var expressions = ExpressionStage.Run(definition, diagnostics);
        Linter.Run(definition, Library, expressions, path, diagnostics);
        return new LoadResult(definition, Order(diagnostics));
    }

    private static List<Diagnostic> Order(List<Diagnostic> diagnostics) =>
        diagnostics.Distinct().OrderBy(d => d.Span.File, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
}
