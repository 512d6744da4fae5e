using System.Globalization;
using System.Text.Json;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Authoring;

/// <summary>
/// Writes a scenario into a definition's text: the designer's "add a scenario from the answers entered in
/// the preview". Only lines are added (at the end of the <c>tests:</c> block, or a new block at the end), so
/// the analyst's formatting and comments elsewhere stay as they were.
/// </summary>
public static class ScenarioText
{
    /// <summary>
    /// <paramref name="yaml"/> with a scenario named <paramref name="name"/> appended: the answers and documents
    /// given, the day they were entered on, and what validation says of them now (the fields in error, or a
    /// submission that enters the circuit).
    /// </summary>
    public static string Append(string yaml, ProcedureDefinition definition, string name, Submission submission, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(submission);
        var report = SubmissionValidator.Validate(definition, submission, new EvaluationContext(today));
        var expect = report.IsValid
            ? "{ status: in_review }"
            : "{ errors: " + Flow(report.Errors.Select(e => e.Path).Distinct(StringComparer.Ordinal)) + " }";

        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
            lines.RemoveAt(lines.Count - 1);
        var start = lines.FindIndex(l => l.StartsWith("tests:", StringComparison.Ordinal));
        var end = lines.Count;
        var indent = "  ";
        if (start < 0)
        {
            lines.Add("tests:");
        }
        else
        {
            end = lines.FindIndex(start + 1, l => l.Length > 0 && !char.IsWhiteSpace(l[0]) && l[0] is not ('-' or '#'));
            if (end < 0)
                end = lines.Count;
            while (end > start + 1 && lines[end - 1].Trim().Length == 0)
                end--;
            var item = lines.Skip(start + 1).Take(end - start - 1).FirstOrDefault(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal));
            if (item is not null)
                indent = item[..(item.Length - item.TrimStart().Length)];
        }

        var inner = indent + "  ";
        var entry = new List<string>
        {
            $"{indent}- name: {Quote(name)}",
            $"{inner}today: {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            $"{inner}answers: {submission.Answers.ToJson()}",
        };
        if (submission.Documents.Count > 0)
            entry.Add($"{inner}documents: {Flow(submission.Documents.Select(d => d.DocumentId))}");
        entry.Add($"{inner}expect: {expect}");
        lines.InsertRange(start < 0 ? lines.Count : end, entry);
        return string.Join('\n', lines) + "\n";
    }

    private static string Flow(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Quote)) + "]";

    private static string Quote(string text) => JsonSerializer.Serialize(text, Json);

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
