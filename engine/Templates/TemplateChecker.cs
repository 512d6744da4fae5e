using EmploymentProcedures.Engine.Diagnostics;
using Scriban.Syntax;
using ScribanSpan = Scriban.Parsing.SourceSpan;

namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// The load-time check of a parsed template: every name it reads must be in the document model, a
/// loop or assignment of its own, or an allowed function (EP0502); constructs a letter does not need
/// and that would defeat the check or the sandbox are refused (EP0504). Walks Scriban's syntax tree
/// once, following the model's shape through member paths, indexers and <c>for</c> loops.
/// </summary>
internal sealed class TemplateChecker
{
    private const string NoCodeOfItsOwn = "a letter is markup with values; write the markup out";
    private const string WriteFullPath = "write the full name, e.g. application.reference";

    private static readonly RecordShape Model = (RecordShape)ModelObjects.Shape;
    private static readonly RecordShape Builtins = (RecordShape)Shape.Of(SafeBuiltins.Object);

    private readonly string _path;
    private readonly ICollection<Diagnostic> _diagnostics;
    private readonly Dictionary<string, Shape> _locals = new(StringComparer.Ordinal);

    private TemplateChecker(string path, ICollection<Diagnostic> diagnostics)
    {
        _path = path;
        _diagnostics = diagnostics;
    }

    public static void Check(ScriptPage page, string path, ICollection<Diagnostic> diagnostics) =>
        new TemplateChecker(path, diagnostics).Walk(page);

    private void Walk(ScriptNode? node)
    {
        switch (node)
        {
            case null:
                return;
            case ScriptFunction function:
                Report(DiagnosticCodes.TemplateNotAllowed, function.Span, "'func'", NoCodeOfItsOwn);
                return;
            case ScriptImportStatement import:
                Report(DiagnosticCodes.TemplateNotAllowed, import.Span, "'import'", WriteFullPath);
                return;
            case ScriptWithStatement with:
                Report(DiagnosticCodes.TemplateNotAllowed, with.Span, "'with'", WriteFullPath);
                return;
            case ScriptForStatement loop:
                var element = Resolve(loop.Iterator) is ListShape list ? list.Element : Shape.Any;
                foreach (var argument in loop.NamedArguments ?? [])
                    Resolve(argument.Value);
                WithBindings([(loop.Variable, element), (loop is ScriptTableRowStatement ? "tablerow" : "for", Shape.Any)], () => Walk(loop.Body));
                Walk(loop.Else);
                return;
            case ScriptWhileStatement loop:
                Resolve(loop.Condition);
                WithBindings([("while", Shape.Any)], () => Walk(loop.Body));
                return;
            case ScriptCaptureStatement capture:
                Walk(capture.Body);
                Assign(capture.Target, Shape.Scalar);
                return;
            case ScriptExpression expression:
                Resolve(expression);
                return;
            default:
                foreach (var child in node.Children)
                    Walk(child);
                return;
        }
    }

    /// <summary>Checks an expression and gives what it holds, as far as it can be followed.</summary>
    private Shape Resolve(ScriptExpression? expression)
    {
        switch (expression)
        {
            case null:
                return Shape.Any;
            case ScriptVariableGlobal variable:
                return Lookup(variable);
            case ScriptVariableLocal:
                return Shape.Any;
            case ScriptMemberExpression member:
                return Member(Resolve(member.Target), member);
            case ScriptIndexerExpression indexer:
                var target = Resolve(indexer.Target);
                Resolve(indexer.Index);
                return target is ListShape list ? list.Element : Shape.Any;
            case ScriptNestedExpression nested:
                return Resolve(nested.Expression);
            case ScriptAssignExpression assign:
                Assign(assign.Target, Resolve(assign.Value));
                return Shape.Any;
            case ScriptAnonymousFunction anonymous:
                Report(DiagnosticCodes.TemplateNotAllowed, anonymous.Span, "'do ... end'", NoCodeOfItsOwn);
                return Shape.Any;
            case ScriptNamedArgument named:
                Resolve(named.Value);
                return Shape.Any;
            case ScriptObjectInitializerExpression initializer:
                foreach (var member in initializer.Members)
                    Resolve(member.Value);
                return Shape.Any;
            default:
                foreach (var child in expression.Children)
                    Walk(child);
                return Shape.Any;
        }
    }

    private Shape Lookup(ScriptVariable variable)
    {
        var name = variable.Name;
        if (_locals.TryGetValue(name, out var local))
            return local;
        if (Model.Members.TryGetValue(name, out var shape) || Builtins.Members.TryGetValue(name, out shape))
            return shape;
        if (SafeBuiltins.Forbidden.TryGetValue(name, out var reason))
            Report(DiagnosticCodes.TemplateNotAllowed, variable.Span, $"'{name}'", reason);
        else
            Report(DiagnosticCodes.TemplateUnknownMember, variable.Span, "the document model", name,
                Suggestions.DidYouMean(name, _locals.Keys.Concat(Model.Members.Keys).Concat(Builtins.Members.Keys)), Names(Model));
        return Shape.Any;
    }

    private Shape Member(Shape target, ScriptMemberExpression member)
    {
        var name = member.Member?.Name ?? "";
        var at = member.Member?.Span ?? member.Span;
        var path = PathOf(member.Target);
        switch (target)
        {
            case RecordShape record when record.Members.TryGetValue(name, out var shape):
                return shape;
            case RecordShape record:
                if (path is not null && SafeBuiltins.Forbidden.TryGetValue(path + "." + name, out var reason))
                    Report(DiagnosticCodes.TemplateNotAllowed, at, $"'{path}.{name}'", reason);
                else
                    Report(DiagnosticCodes.TemplateUnknownMember, at, path is null ? "this value" : $"'{path}'", name, Suggestions.DidYouMean(name, record.Members.Keys), Names(record));
                return Shape.Any;
            case ListShape when name == "size":
            case ScalarShape when name == "size":
                return Shape.Scalar;
            case ListShape:
                Report(DiagnosticCodes.TemplateUnknownMember, at, path is null ? "this list" : $"the list '{path}'", name, "",
                    $"size (read its items with 'for item in {path ?? "..."}')");
                return Shape.Any;
            case ScalarShape:
                Report(DiagnosticCodes.TemplateUnknownMember, at, path is null ? "this value" : $"the value '{path}'", name, "", "size");
                return Shape.Any;
            default:
                return Shape.Any;
        }
    }

    private void Assign(ScriptExpression? target, Shape value)
    {
        if (target is ScriptVariableGlobal variable)
            _locals[variable.Name] = value;
        else
            Resolve(target);
    }

    /// <summary>Binds loop variables while <paramref name="body"/> is checked, then restores what they meant before.</summary>
    private void WithBindings(IEnumerable<(object? Variable, Shape Shape)> bindings, Action body)
    {
        var saved = new List<(string Name, Shape? Shape)>();
        foreach (var (variable, shape) in bindings)
        {
            var name = variable switch
            {
                ScriptVariable v => v.Name,
                string s => s,
                _ => null,
            };
            if (name is null)
                continue;
            saved.Add((name, _locals.GetValueOrDefault(name)));
            _locals[name] = shape;
        }
        body();
        foreach (var (name, shape) in saved)
        {
            if (shape is null)
                _locals.Remove(name);
            else
                _locals[name] = shape;
        }
    }

    /// <summary>The dotted name of a path such as <c>application.reference</c> or <c>sections[]</c>, for messages.</summary>
    private static string? PathOf(ScriptExpression? expression) => expression switch
    {
        ScriptVariable variable => variable.Name,
        ScriptMemberExpression member => PathOf(member.Target) is { } target && member.Member is { } name ? target + "." + name.Name : null,
        ScriptIndexerExpression indexer => PathOf(indexer.Target) is { } target ? target + "[]" : null,
        ScriptNestedExpression nested => PathOf(nested.Expression),
        _ => null,
    };

    private static string Names(RecordShape record) => string.Join(", ", record.Members.Keys.Order(StringComparer.Ordinal));

    private void Report(DiagnosticDescriptor descriptor, ScribanSpan span, params object?[] args) =>
        _diagnostics.Add(descriptor.At(new SourceSpan(_path, span.Start.Line + 1, span.Start.Column + 1), args));
}
