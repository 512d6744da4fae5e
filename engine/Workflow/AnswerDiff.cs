using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Workflow;

/// <summary>One answer that differs between two versions of an application (null: absent).</summary>
public sealed record AnswerChange(string Path, string? Before, string? After);

/// <summary>Compares answers leaf by leaf: what the reviewer sees after a resubmission.</summary>
public static class AnswerDiff
{
    public static IReadOnlyList<AnswerChange> Compare(Answers before, Answers after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = Flatten(before);
        var now = Flatten(after);
        return old.Keys.Union(now.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(path => new AnswerChange(path, old.GetValueOrDefault(path), now.GetValueOrDefault(path)))
            .Where(c => !string.Equals(c.Before, c.After, StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="item"/> or lies inside it (a section member, a group row).</summary>
    public static bool Covers(string item, string path) =>
        path.StartsWith(item, StringComparison.Ordinal)
        && (path.Length == item.Length || path[item.Length] is '.' or '[');

    /// <summary>Every answer as <c>path → text</c>: sections and records by dots, group rows by index, multichoice joined.</summary>
    internal static Dictionary<string, string> Flatten(Answers answers)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(answers, "", leaves);
        return leaves;
    }

    private static void Walk(Answers answers, string prefix, Dictionary<string, string> leaves)
    {
        foreach (var (key, value) in answers)
        {
            var path = prefix + key;
            switch (value)
            {
                case Answers nested:
                    Walk(nested, path + ".", leaves);
                    break;
                case IReadOnlyList<object?> list when list.Any(item => item is Answers):
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is Answers row)
                            Walk(row, $"{path}[{i}].", leaves);
                    }
                    if (list.Count == 0)
                        leaves[path] = "";
                    break;
                case IReadOnlyList<object?> list:
                    leaves[path] = string.Join(", ", list);
                    break;
                case string text when text.Length > 0:
                    leaves[path] = text;
                    break;
                default:
                    break;
            }
        }
    }
}
