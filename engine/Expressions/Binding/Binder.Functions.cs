using System.Text.RegularExpressions;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Expressions.Runtime;
using EmploymentProcedures.Engine.Expressions.Syntax;

namespace EmploymentProcedures.Engine.Expressions.Binding;

/// <summary>Function calls: name and arity first, then the argument types of each function.</summary>
internal sealed partial class Binder
{
    private Bound BindCall(CallSyntax call)
    {
        if (FunctionCatalog.Arity(call.Name) is not { } arity)
        {
            Report(DiagnosticCodes.ExpressionUnknownFunction, call.Start, call.Name,
                Suggestions.DidYouMean(call.Name, FunctionCatalog.Names), string.Join(", ", FunctionCatalog.Names));
            return BindArgumentsForErrors(call);
        }
        var (min, max) = arity;
        if (call.Arguments.Count < min || call.Arguments.Count > max)
        {
            var takes = min == max ? Plural(min, "argument") : $"{min} or {Plural(max, "arguments")}";
            Report(DiagnosticCodes.ExpressionWrongArity, call.Start, call.Name, takes, call.Arguments.Count);
            return BindArgumentsForErrors(call);
        }

        if (FunctionCatalog.Simple.TryGetValue(call.Name, out var signature))
            return BindSimple(call, signature);
        return call.Name switch
        {
            "matches" => BindMatches(call),
            "min" or "max" => BindMinMax(call),
            _ => BindGroupFunction(call),
        };
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun.TrimEnd('s')}" : $"{count} {noun.TrimEnd('s')}s";

    /// <summary>Binds the arguments of a call that is already wrong, to report unknown fields inside it too.</summary>
    private Bound BindArgumentsForErrors(CallSyntax call)
    {
        _rows.Add(null);
        foreach (var argument in call.Arguments)
            Bind(argument);
        _rows.RemoveAt(_rows.Count - 1);
        return Unknown();
    }

    private Bound BindSimple(CallSyntax call, FunctionSignature signature)
    {
        var nodes = new Node[call.Arguments.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            var argument = Bind(call.Arguments[i]);
            nodes[i] = argument.Node;
            var kind = signature.Parameters[i];
            if (kind != TypeKind.Any)
                RequireArgument(call, i, argument.Type, WithArticle(KindType(kind)), kind);
        }
        return new Bound(signature.Returns, new CallNode(signature.Invoke, nodes));
    }

    private static ExprType KindType(TypeKind kind) => kind switch
    {
        TypeKind.Number => ExprType.Number,
        TypeKind.Date => ExprType.Date,
        TypeKind.Boolean => ExprType.Boolean,
        _ => ExprType.Text,
    };

    private bool RequireArgument(CallSyntax call, int index, ExprType actual, string needs, params TypeKind[] kinds)
    {
        if (actual.Kind is TypeKind.Null or TypeKind.Any || kinds.Contains(actual.Kind))
            return true;
        var argument = call.Arguments[index];
        Report(DiagnosticCodes.ExpressionArgumentType, argument.Start, index + 1, call.Name, needs, Describe(argument), WithArticle(actual));
        return false;
    }

    private Bound BindMatches(CallSyntax call)
    {
        var subject = Bind(call.Arguments[0]);
        RequireArgument(call, 0, subject.Type, "text", TypeKind.Text);

        var patternSyntax = call.Arguments[1];
        if (patternSyntax is not LiteralSyntax { Value.AsText: { } pattern })
        {
            Bind(patternSyntax);
            Report(DiagnosticCodes.ExpressionRegexNotLiteral, patternSyntax.Start, Describe(patternSyntax));
            return new Bound(ExprType.Boolean, NullNode);
        }

        try
        {
            // Parsed alone first, so an error message speaks of the pattern as the analyst wrote it.
            _ = new Regex(pattern, RegexOptions.CultureInvariant, ExpressionLimits.RegexTimeout);
            // The whole text must match: analysts write patterns for a complete value (an id, a phone number).
            var regex = new Regex($@"\A(?:{pattern})\z", RegexOptions.CultureInvariant, ExpressionLimits.RegexTimeout);
            return new Bound(ExprType.Boolean, new MatchesNode(subject.Node, regex));
        }
        catch (ArgumentException error)
        {
            var reason = error is RegexParseException parse ? parse.Error.ToString() : error.Message;
            Report(DiagnosticCodes.ExpressionInvalidRegex, patternSyntax.Start, Describe(patternSyntax), Readable(reason));
            return new Bound(ExprType.Boolean, NullNode);
        }
    }

    /// <summary>"InsufficientClosingParentheses" → "insufficient closing parentheses".</summary>
    private static string Readable(string reason) =>
        string.Concat(reason.Select((c, i) => char.IsUpper(c) && i > 0 ? $" {char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));

    private Bound BindMinMax(CallSyntax call)
    {
        var first = Bind(call.Arguments[0]);
        var second = Bind(call.Arguments[1]);
        var ok = RequireArgument(call, 0, first.Type, "a number or a date", TypeKind.Number, TypeKind.Date);
        ok &= RequireArgument(call, 1, second.Type, "a number or a date", TypeKind.Number, TypeKind.Date);
        var type = first.Type.Kind is TypeKind.Null or TypeKind.Any ? second.Type : first.Type;
        if (ok && !first.Type.IsCompatibleWith(second.Type))
        {
            RequireArgument(call, 1, second.Type, $"{WithArticle(first.Type)} like argument 1", first.Type.Kind);
            type = ExprType.Any;
        }
        if (!ok || type.Kind == TypeKind.Null)
            type = ExprType.Any;
        var function = call.Name == "min" ? (Func<Value[], EvaluationContext, Value>)Builtins.Min : Builtins.Max;
        return new Bound(type, new CallNode(function, [first.Node, second.Node]));
    }

    private Bound BindGroupFunction(CallSyntax call)
    {
        var function = call.Name switch
        {
            "count" => GroupFunction.Count,
            "any" => GroupFunction.Any,
            "all" => GroupFunction.All,
            _ => GroupFunction.Sum,
        };
        var group = Bind(call.Arguments[0]);
        if (call.Arguments.Count == 1)
        {
            RequireArgument(call, 0, group.Type, "a group or a list", TypeKind.Group, TypeKind.List);
            return new Bound(ExprType.Number, new GroupNode(function, group.Node, null));
        }

        var isGroup = RequireArgument(call, 0, group.Type, "a group (repeating rows)", TypeKind.Group);
        _rows.Add(isGroup && group.Type.Kind == TypeKind.Group ? group.Type.Members : null);
        var body = Bind(call.Arguments[1]);
        _rows.RemoveAt(_rows.Count - 1);

        var (bodyKind, returns) = function == GroupFunction.Sum ? (TypeKind.Number, ExprType.Number)
            : (TypeKind.Boolean, function == GroupFunction.Count ? ExprType.Number : ExprType.Boolean);
        var needs = bodyKind == TypeKind.Number ? "a number computed for each row" : "a condition (true/false) checked for each row";
        RequireArgument(call, 1, body.Type, needs, bodyKind);
        return new Bound(returns, new GroupNode(function, group.Node, body.Node));
    }
}
