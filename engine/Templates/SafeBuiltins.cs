using Scriban;
using Scriban.Runtime;

namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// The Scriban functions a letter may call: text, lists, numbers and regular expressions. Built once,
/// read-only, and shared by every render (a fresh default set costs about 50 µs per render).
/// Left out: <c>include</c> (no file may be loaded), <c>object.eval</c> (no template may build another),
/// <c>date</c> and <c>timespan</c> (a letter prints the application's dates, never the clock, and
/// <c>date.format</c> is shared state), <c>math.random</c> and <c>math.uuid</c> (a letter renders the same twice).
/// </summary>
internal static class SafeBuiltins
{
    private static readonly Dictionary<string, string[]> Excluded = new(StringComparer.Ordinal)
    {
        ["math"] = ["random", "uuid"],
        ["object"] = ["eval", "eval_template"],
    };

    private static readonly string[] Kept = ["array", "blank", "empty", "html", "math", "object", "regex", "string"];

    public static ScriptObject Object { get; } = Build();

    /// <summary>Names a template may not use, with what to do instead (EP0504).</summary>
    public static IReadOnlyDictionary<string, string> Forbidden { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["include"] = "a letter is one file and loads no other; the ministry's header is {{ letterhead }} (letterhead.<language>.html) and shared styles are in document.css",
        ["include_join"] = "a letter is one file and loads no other",
        ["date"] = "a letter prints the application's dates, never the clock; use application.submitted_on, application.due_on or decision.decided_on",
        ["timespan"] = "a letter prints the application's dates; use application.due_on or procedure.deadline",
        ["math.random"] = "a letter must read the same each time it is rendered",
        ["math.uuid"] = "a letter must read the same each time it is rendered",
        ["object.eval"] = "a template cannot evaluate text as a template",
        ["object.eval_template"] = "a template cannot evaluate text as a template",
    };

    private static ScriptObject Build()
    {
        var defaults = new TemplateContext().BuiltinObject;
        var builtins = new ScriptObject();
        foreach (var name in Kept)
        {
            var value = defaults[name];
            if (value is ScriptObject functions)
            {
                var copy = new ScriptObject();
                foreach (var (member, function) in functions)
                {
                    if (!Excluded.TryGetValue(name, out var excluded) || !excluded.Contains(member))
                        copy.SetValue(member, function, readOnly: true);
                }
                copy.IsReadOnly = true;
                value = copy;
            }
            builtins.SetValue(name, value, readOnly: true);
        }
        builtins.IsReadOnly = true;
        return builtins;
    }
}
