using System.Text;
using System.Text.Json;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>
/// Reads a submission from a YAML or JSON file, with the same safety checks as definitions. The file
/// is either the answers themselves, or <c>answers:</c> plus <c>documents:</c> (document ids, or
/// <c>{ id, file, size, format }</c> entries).
/// </summary>
public static class SubmissionFile
{
    public static (Submission? Submission, IReadOnlyList<Diagnostic> Diagnostics) Load(string file, LoaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = ProcedureLibrary.DisplayPath(file);
        var diagnostics = new List<Diagnostic>();
        var bytes = File.ReadAllBytes(file);
        if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return (FromAnswers(Answers.ParseJson(Encoding.UTF8.GetString(bytes))), diagnostics);
            }
            catch (JsonException e)
            {
                diagnostics.Add(DiagnosticCodes.SyntaxError.At(new SourceSpan(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1), e.Message));
                return (null, diagnostics);
            }
        }

        limits ??= LoaderLimits.Default;
        var text = PreScan.Decode(bytes, path, limits, diagnostics);
        var root = text is null ? null : YamlReader.Read(text, path, limits, diagnostics);
        if (root is not YamlMapping map)
        {
            if (root is not null)
                diagnostics.Add(DiagnosticCodes.RootNotMapping.At(root.Span, "the answers file is not a mapping"));
            return (null, diagnostics);
        }
        return (FromAnswers(Answers.From((IEnumerable<KeyValuePair<string, object?>>)NodeReader.Plain(map)!)), diagnostics);
    }

    private static Submission FromAnswers(Answers all)
    {
        if (all["answers"] is not Answers answers)
            return Submission.Of(all);
        var documents = (all["documents"] as IReadOnlyList<object?> ?? []).Select(ToDocument).OfType<AttachedDocument>().ToArray();
        return Submission.Of(answers, documents);
    }

    private static AttachedDocument? ToDocument(object? entry) => entry switch
    {
        string id => new AttachedDocument(id, id + ".pdf", 1024, "pdf"),
        Answers map when map["id"] is string id => new AttachedDocument(
            id,
            map["file"] as string ?? id,
            long.TryParse(map["size"] as string, out var size) ? size : 1024,
            map["format"] as string ?? "pdf"),
        _ => null,
    };
}
