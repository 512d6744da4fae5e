using System.Text;
using System.Text.RegularExpressions;

namespace EmploymentProcedures.Host.Tests.Localization;

/// <summary>
/// Where the host's code uses a resource key, found the way the project calls its localizer, with comments left out. A
/// quoted key (<c>"Staff.Invite"</c>, any text shaped <c>Prefix.Name</c>) is a use when it stands:
/// <list type="bullet">
/// <item>inside a localizer's indexer (<c>L["Staff.Invite"]</c>, <c>strings[ok ? "A.B" : "A.C"]</c>), the localizer being any
/// name declared as an <c>IStringLocalizer</c> (<c>@inject IStringLocalizer&lt;Strings&gt; L</c>, a <c>strings</c> parameter);</item>
/// <item>among the arguments of a helper that takes keys: a method, local function, record or constructor one of whose
/// <c>string</c> parameters is named <c>key</c> or ends in <c>Key</c> (<c>Say(string key, ...)</c>,
/// <c>ActAsync(..., string doneKey)</c>, <c>record StaffError(string Field, string Key)</c>);</item>
/// <item>in what gives a value to something named <c>key</c>, <c>…Key</c> or <c>KeyOf</c>: a variable, field, property or
/// component parameter set to it (<c>TitleKey="ApiClients.TokenTitle"</c>), a member returning it
/// (<c>static string StateKey(...) =&gt; ...</c>), the elements of an array of tuples whose last one is <c>string Key</c>.</item>
/// </list>
/// Any other quoted text, a comment's above all, is not a key. A helper whose key parameter is named otherwise is not
/// seen: that naming is the convention this check relies on.
/// </summary>
internal static partial class ResourceKeyUses
{
    /// <summary>A key used in <paramref name="File"/> at <paramref name="Line"/>.</summary>
    public sealed record Use(string File, int Line, string Key);

    /// <summary>The localizers' names and the helpers taking keys declared in the sources.</summary>
    public sealed record Conventions(IReadOnlySet<string> Localizers, IReadOnlySet<string> Helpers)
    {
        public static Conventions Read(IEnumerable<string> sources)
        {
            var localizers = new HashSet<string>(StringComparer.Ordinal);
            var helpers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var source in sources.Select(WithoutComments))
            {
                localizers.UnionWith(LocalizerDeclaration().Matches(source).Select(m => m.Groups["name"].Value));
                helpers.UnionWith(HelperDeclaration().Matches(source).Select(m => m.Groups["name"].Value));
            }
            return new Conventions(localizers, helpers);
        }
    }

    /// <summary>The keys <paramref name="source"/> uses, in the order they appear.</summary>
    public static IEnumerable<Use> Find(string file, string source, Conventions conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        var code = WithoutComments(source);
        var spans = new List<(int Start, int End)>();
        if (conventions.Localizers.Count > 0)
        {
            var indexer = new Regex($@"\b(?:{string.Join('|', conventions.Localizers.Select(Regex.Escape))})\s*\[", RegexOptions.CultureInvariant);
            spans.AddRange(indexer.Matches(code).Select(m => (m.Index, Closing(code, m.Index + m.Length - 1))));
        }
        if (conventions.Helpers.Count > 0)
        {
            var call = new Regex($@"\b(?:{string.Join('|', conventions.Helpers.Select(Regex.Escape))})\s*\(", RegexOptions.CultureInvariant);
            spans.AddRange(call.Matches(code).Select(m => (m.Index, Closing(code, m.Index + m.Length - 1))));
        }
        spans.AddRange(KeyValue().Matches(code).Select(m => (m.Index, StatementEnd(code, m.Index + m.Length))));
        spans.AddRange(KeyBlock().Matches(code).Select(m => (m.Index, Closing(code, m.Index + m.Length - 1))));
        spans.AddRange(KeyAttribute().Matches(code).Select(m => (m.Index, m.Index + m.Length)));
        spans.AddRange(KeyTuples().Matches(code).Select(m => (m.Index, StatementEnd(code, m.Index + m.Length))));
        foreach (Match quoted in Key().Matches(code))
        {
            if (spans.Any(s => s.Start <= quoted.Index && quoted.Index < s.End))
                yield return new Use(file, 1 + code.AsSpan(0, quoted.Index).Count('\n'), quoted.Groups["key"].Value);
        }
    }

    /// <summary>
    /// <paramref name="source"/> with its comments (<c>//</c>, <c>/* */</c>, Razor's <c>@* *@</c>, HTML's <c>&lt;!-- --&gt;</c>)
    /// blanked out, lines kept; quoted text is kept whole, so a <c>//</c> inside it is no comment.
    /// </summary>
    public static string WithoutComments(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = new StringBuilder(source.Length);
        for (var i = 0; i < source.Length;)
        {
            if (source[i] == '"')
            {
                var end = i + 1;
                while (end < source.Length && source[end] is not ('"' or '\n'))
                    end += source[end] == '\\' ? 2 : 1;
                end = Math.Min(end + 1, source.Length);
                text.Append(source, i, end - i);
                i = end;
                continue;
            }
            var close = source.AsSpan(i) switch
            {
                var s when s.StartsWith("//", StringComparison.Ordinal) => "\n",
                var s when s.StartsWith("/*", StringComparison.Ordinal) => "*/",
                var s when s.StartsWith("@*", StringComparison.Ordinal) => "*@",
                var s when s.StartsWith("<!--", StringComparison.Ordinal) => "-->",
                _ => null,
            };
            if (close is null)
            {
                text.Append(source[i++]);
                continue;
            }
            var stop = source.IndexOf(close, i + 2, StringComparison.Ordinal);
            stop = stop < 0 ? source.Length : close == "\n" ? stop : stop + close.Length;
            foreach (var c in source.AsSpan(i, stop - i))
                text.Append(c == '\n' ? '\n' : ' ');
            i = stop;
        }
        return text.ToString();
    }

    /// <summary>The index just past the bracket that closes the one at <paramref name="open"/> (the text's end when none does).</summary>
    private static int Closing(string code, int open)
    {
        var depth = 0;
        for (var i = open; i < code.Length; i++)
        {
            if (code[i] == '"')
            {
                i = SkipQuoted(code, i);
                continue;
            }
            if (code[i] is '(' or '[' or '{')
                depth++;
            else if (code[i] is ')' or ']' or '}' && --depth == 0)
                return i + 1;
        }
        return code.Length;
    }

    /// <summary>The index of the <c>;</c> that ends the statement going on at <paramref name="from"/>, outside brackets.</summary>
    private static int StatementEnd(string code, int from)
    {
        var depth = 0;
        for (var i = from; i < code.Length; i++)
        {
            if (code[i] == '"')
                i = SkipQuoted(code, i);
            else if (code[i] is '(' or '[' or '{')
                depth++;
            else if (code[i] is ')' or ']' or '}')
                depth--;
            else if (code[i] == ';' && depth <= 0)
                return i;
        }
        return code.Length;
    }

    private static int SkipQuoted(string code, int quote)
    {
        var i = quote + 1;
        while (i < code.Length && code[i] is not ('"' or '\n'))
            i += code[i] == '\\' ? 2 : 1;
        return i;
    }

    [GeneratedRegex(@"""(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+)""", RegexOptions.CultureInvariant)]
    private static partial Regex Key();

    [GeneratedRegex(@"\bIStringLocalizer(?:<\w+>)?\s+(?<name>\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex LocalizerDeclaration();

    /// <summary>A declaration with a <c>string</c> parameter named <c>key</c> or <c>…Key</c> (the list has no nested brackets).</summary>
    [GeneratedRegex(@"\b(?<name>[A-Za-z_]\w*)\s*\([^()]*\bstring\??\s+(?:key|\w*Key)\b[^()]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex HelperDeclaration();

    /// <summary>Something named <c>key</c>, <c>…Key</c> or <c>KeyOf</c> given a value (<c>=</c>, <c>=&gt;</c>, after its parameters or accessors).</summary>
    [GeneratedRegex(@"\b(?:key|\w*Key|KeyOf)\b(?:\s*\([^()]*\))?(?:\s*\{[^{}]*\})?\s*(?:=>|=(?![=>""]))", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValue();

    /// <summary>A method named <c>…Key</c> or <c>KeyOf</c> with a block body: the <c>{</c> it opens with.</summary>
    [GeneratedRegex(@"\b(?:\w*Key|KeyOf)\s*\([^()]*\)\s*\{", RegexOptions.CultureInvariant)]
    private static partial Regex KeyBlock();

    /// <summary>A component's parameter named <c>…Key</c> set in markup.</summary>
    [GeneratedRegex(@"\b\w*Key=""[^""\n]*""", RegexOptions.CultureInvariant)]
    private static partial Regex KeyAttribute();

    /// <summary>An array of tuples whose last element is <c>string Key</c>, up to its initializer.</summary>
    [GeneratedRegex(@"\bstring\s+Key\s*\)\s*\[\]\s*\w+\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex KeyTuples();
}
