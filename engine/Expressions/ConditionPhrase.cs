using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Expressions.Parsing;
using EmploymentProcedures.Engine.Expressions.Syntax;

namespace EmploymentProcedures.Engine.Expressions;

/// <summary>
/// Says a simple condition in words ("« Type de contrat » : CDD"), from the expression an analyst wrote in
/// <c>required:</c> or a step's <c>when:</c>, for the procedure page and the circuit diagram. Only the common
/// shapes are phrased: a boolean field, a comparison of a field with a literal, <c>in [...]</c>, <c>empty()</c>,
/// their negations, joined all by <c>and</c> or all by <c>or</c>. Anything else gives null, and the caller
/// says "in some cases" or shows the expression rather than guessing.
/// </summary>
public static class ConditionPhrase
{
    private static readonly Dictionary<string, (string Fr, string Ar, string En)> Words = new(StringComparer.Ordinal)
    {
        ["yes"] = ("oui", "نعم", "yes"),
        ["no"] = ("non", "لا", "no"),
        ["and"] = ("et", "و", "and"),
        ["or"] = ("ou", "أو", "or"),
        ["other_than"] = ("autre que {0}", "غير {0}", "other than {0}"),
        ["provided"] = ("renseigné", "مُدخَل", "provided"),
        ["not_provided"] = ("non renseigné", "غير مُدخَل", "not provided"),
        ["clause"] = ("« {0} » : {1}", "«{0}»: {1}", "\"{0}\": {1}"),
    };

    /// <summary>The condition in <paramref name="language"/> (<c>fr</c>, <c>ar</c> or <c>en</c>), or null when its shape cannot be said.</summary>
    public static string? Say(string expression, ProcedureDefinition definition, string language)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(language);
        if (expression.Length > ExpressionLimits.MaxLength)
            return null;
        var syntax = Parser.Parse(expression, new SourceMap(expression, SourceSpan.None("")), new List<Diagnostic>());
        if (syntax is null)
            return null;

        var ors = Operands(syntax, TokenKind.Or);
        var (clauses, joiner) = ors.Count > 1 ? (ors, "or") : (Operands(syntax, TokenKind.And), "and");
        var phrases = new List<string>();
        foreach (var clause in clauses)
        {
            if (IsJoin(clause) || Clause(clause, definition, language) is not { } phrase)
                return null;
            phrases.Add(phrase);
        }
        return string.Join($" {Word(joiner, language)} ", phrases);
    }

    /// <summary>The operands of a chain of one operator (<c>a or b or c</c>), or the expression itself.</summary>
    private static List<ExpressionSyntax> Operands(ExpressionSyntax syntax, TokenKind join) =>
        syntax is BinarySyntax binary && binary.Operator.Kind == join
            ? [.. Operands(binary.Left, join), .. Operands(binary.Right, join)]
            : [syntax];

    private static bool IsJoin(ExpressionSyntax syntax) => syntax is BinarySyntax { Operator.Kind: TokenKind.And or TokenKind.Or };

    private static string? Clause(ExpressionSyntax clause, ProcedureDefinition definition, string language)
    {
        switch (clause)
        {
            case UnarySyntax { Operator: TokenKind.Not, Operand: BinarySyntax { Operator.Kind: TokenKind.In, Left: ReferenceSyntax field, Right: ListSyntax list } }:
                return Say(field, definition, language, f => Choices(f, list, language) is { } choices ? Format("other_than", language, choices) : null);
            case BinarySyntax { Operator.Kind: TokenKind.In, Left: ReferenceSyntax field, Right: ListSyntax list }:
                return Say(field, definition, language, f => Choices(f, list, language));
            case BinarySyntax { Operator.Kind: TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual, Left: ReferenceSyntax field, Right: var right } comparison
                when Literal(right) is { } value:
                return Say(field, definition, language, f => Compared(f, comparison.Operator.Kind, value, language));
            case UnarySyntax { Operator: TokenKind.Not, Operand: CallSyntax { Name: "empty", Arguments: [ReferenceSyntax field] } }:
                return Say(field, definition, language, _ => Word("provided", language));
            case CallSyntax { Name: "empty", Arguments: [ReferenceSyntax field] }:
                return Say(field, definition, language, _ => Word("not_provided", language));
            case UnarySyntax { Operator: TokenKind.Not, Operand: ReferenceSyntax field }:
                return Say(field, definition, language, f => IsFlag(f) ? Word("no", language) : null);
            case ReferenceSyntax field:
                return Say(field, definition, language, f => IsFlag(f) ? Word("yes", language) : null);
            default:
                return null;
        }
    }

    private static string? Compared(FieldDefinition field, TokenKind op, Value value, string language) => (op, value.AsBoolean, value.AsText, value.AsNumber) switch
    {
        (TokenKind.Equal, true, _, _) or (TokenKind.NotEqual, false, _, _) => Word("yes", language),
        (TokenKind.Equal, false, _, _) or (TokenKind.NotEqual, true, _, _) => Word("no", language),
        (TokenKind.Equal, _, { } text, _) => Choice(field, text, language),
        (TokenKind.NotEqual, _, { } text, _) => Format("other_than", language, Choice(field, text, language)),
        (_, _, _, { } number) => $"{Symbol(op)} {number.ToString("N0", Wording.Culture(language))}",
        _ => null,
    };

    /// <summary>A literal text, boolean or number (a negative number is a minus before it).</summary>
    private static Value? Literal(ExpressionSyntax syntax) => syntax switch
    {
        LiteralSyntax { Value: var value } when value.AsText is not null || value.AsBoolean is not null || value.AsNumber is not null => value,
        UnarySyntax { Operator: TokenKind.Minus, Operand: LiteralSyntax { Value.AsNumber: { } number } } => Value.From(-number),
        _ => null,
    };

    private static string? Say(ReferenceSyntax reference, ProcedureDefinition definition, string language, Func<FieldDefinition, string?> value)
    {
        if (definition.FindField(string.Join('.', reference.Segments)) is not { Label: { } label } field || value(field) is not { } said)
            return null;
        return Format("clause", language, label.Get(language), said);
    }

    /// <summary>A yes/no field: a boolean, a consent, or a value computed as true or false.</summary>
    private static bool IsFlag(FieldDefinition field) =>
        field.Type is FieldType.Boolean or FieldType.Consent
        || (field.Type == FieldType.Computed && field.Value?.Compiled?.Type.Kind == TypeKind.Boolean);

    private static string? Choices(FieldDefinition field, ListSyntax list, string language)
    {
        var values = new List<string>();
        foreach (var item in list.Items)
        {
            if (Literal(item) is not { } literal)
                return null;
            values.Add(literal.AsText is { } text ? Choice(field, text, language) : literal.ToString());
        }
        return values.Count <= 1
            ? string.Join("", values)
            : $"{string.Join(", ", values[..^1])} {Word("or", language)} {values[^1]}";
    }

    private static string Choice(FieldDefinition field, string value, string language) =>
        field.Choices.FirstOrDefault(o => o.Value == value)?.Label.Get(language) ?? value;

    private static string Symbol(TokenKind op) => op switch
    {
        TokenKind.GreaterOrEqual => "≥",
        TokenKind.LessOrEqual => "≤",
        TokenKind.NotEqual => "≠",
        TokenKind.Equal => "=",
        TokenKind.Greater => ">",
        _ => "<",
    };

    private static string Word(string key, string language) => Words[key].In(language);

    private static string Format(string key, string language, params object[] args) =>
        string.Format(Wording.Culture(language), Word(key, language), args);
}
