using System.Globalization;
using System.Text.RegularExpressions;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Catalog;

/// <summary>
/// Says a simple condition in words for the procedure page ("Type of contract: Fixed term"), from the
/// expression an analyst wrote in <c>required:</c> or a step's <c>when:</c>. Only the common shapes are
/// phrased: a boolean field, a comparison with a literal, <c>in [...]</c>, <c>empty()</c>, their
/// negations, joined all by <c>and</c> or all by <c>or</c>. Anything else gives null and the page says
/// "in some cases" rather than guessing.
/// </summary>
public static partial class ConditionText
{
    /// <param name="words">The portal's strings: <c>Condition.Yes</c>, <c>Condition.No</c>, <c>Condition.And</c>, <c>Condition.Or</c>, <c>Condition.OtherThan</c>, <c>Condition.Provided</c>, <c>Condition.NotProvided</c>, <c>Condition.Clause</c>.</param>
    public static string? Phrase(string expression, ProcedureDefinition definition, Language language, IStringLocalizer words)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(words);

        var ors = SplitTopLevel(expression.Trim(), "or");
        var ands = ors.Count == 1 ? SplitTopLevel(expression.Trim(), "and") : [];
        if (ors.Count > 1 && ors.Any(c => SplitTopLevel(c, "and").Count > 1))
            return null;
        var (clauses, joiner) = ors.Count > 1 ? (ors, words["Condition.Or"].Value) : (ands, words["Condition.And"].Value);

        var phrases = new List<string>();
        foreach (var clause in clauses)
        {
            if (Clause(clause.Trim(), definition, language, words) is not { } phrase)
                return null;
            phrases.Add(phrase);
        }
        return string.Join($" {joiner} ", phrases);
    }

    private static string? Clause(string text, ProcedureDefinition definition, Language language, IStringLocalizer words)
    {
        while (text.StartsWith('(') && text.EndsWith(')') && SplitTopLevel(text[1..^1], "or").Count == 1 && Balanced(text[1..^1]))
            text = text[1..^1].Trim();

        if (NotIn().Match(text) is { Success: true } notIn)
            return Say(notIn, definition, language, words, f => string.Format(language.Culture, words["Condition.OtherThan"].Value, Choices(f, notIn.Groups["list"].Value, language, words)));
        if (In().Match(text) is { Success: true } inList)
            return Say(inList, definition, language, words, f => Choices(f, inList.Groups["list"].Value, language, words));
        if (Comparison().Match(text) is { Success: true } comparison)
        {
            var op = comparison.Groups["op"].Value;
            var value = comparison.Groups["value"].Value;
            return Say(comparison, definition, language, words, f => (op, value) switch
            {
                ("==", "true") or ("!=", "false") => words["Condition.Yes"].Value,
                ("==", "false") or ("!=", "true") => words["Condition.No"].Value,
                ("==", _) when value.StartsWith('"') => Choice(f, value.Trim('"'), language),
                ("!=", _) when value.StartsWith('"') => string.Format(language.Culture, words["Condition.OtherThan"].Value, Choice(f, value.Trim('"'), language)),
                (_, _) when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) =>
                    $"{Symbol(op)} {number.ToString("N0", language.Culture)}",
                _ => null,
            });
        }
        if (Empty().Match(text) is { Success: true } empty)
            return Say(empty, definition, language, words, _ => words[empty.Groups["not"].Success ? "Condition.Provided" : "Condition.NotProvided"].Value);
        if (Flag().Match(text) is { Success: true } flag)
        {
            return Say(flag, definition, language, words, f => f.Type == FieldType.Boolean || f.Type == FieldType.Consent
                ? words[flag.Groups["not"].Success ? "Condition.No" : "Condition.Yes"].Value
                : null);
        }
        return null;
    }

    private static string? Say(Match match, ProcedureDefinition definition, Language language, IStringLocalizer words, Func<FieldDefinition, string?> value)
    {
        if (definition.FindField(match.Groups["path"].Value) is not { Label: { } label } field || value(field) is not { } said)
            return null;
        return string.Format(language.Culture, words["Condition.Clause"].Value, label.Get(language.Code), said);
    }

    private static string Choices(FieldDefinition field, string list, Language language, IStringLocalizer words)
    {
        var values = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => Choice(field, v.Trim('"'), language)).ToList();
        return values.Count <= 1
            ? string.Join("", values)
            : $"{string.Join(", ", values[..^1])} {words["Condition.Or"].Value} {values[^1]}";
    }

    private static string Choice(FieldDefinition field, string value, Language language) =>
        field.Choices.FirstOrDefault(o => o.Value == value)?.Label.Get(language.Code) ?? value;

    private static string Symbol(string op) => op switch
    {
        ">=" => "≥",
        "<=" => "≤",
        "!=" => "≠",
        "==" => "=",
        _ => op,
    };

    /// <summary>Splits on a keyword outside quotes, brackets and parentheses.</summary>
    private static List<string> SplitTopLevel(string text, string keyword)
    {
        var parts = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && c is '(' or '[')
                depth++;
            else if (!quoted && c is ')' or ']')
                depth--;
            else if (!quoted && depth == 0 && c == ' ' && string.CompareOrdinal(text, i + 1, keyword, 0, keyword.Length) == 0
                && i + 1 + keyword.Length < text.Length && text[i + 1 + keyword.Length] == ' ')
            {
                parts.Add(text[start..i]);
                start = i + keyword.Length + 2;
                i = start - 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }

    private static bool Balanced(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0)
                return false;
        }
        return depth == 0;
    }

    private const string Path = @"(?<path>[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*)";

    [GeneratedRegex(@"^not\s*\(\s*" + Path + @"\s+in\s+\[(?<list>[^\]]*)\]\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex NotIn();

    [GeneratedRegex(@"^" + Path + @"\s+in\s+\[(?<list>[^\]]*)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex In();

    [GeneratedRegex(@"^" + Path + @"\s*(?<op>==|!=|>=|<=|>|<)\s*(?<value>""[^""]*""|true|false|-?[0-9]+(\.[0-9]+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();

    [GeneratedRegex(@"^(?<not>not\s+)?empty\(\s*" + Path + @"\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Empty();

    [GeneratedRegex(@"^(?<not>not\s+)?" + Path + "$", RegexOptions.CultureInvariant)]
    private static partial Regex Flag();
}
