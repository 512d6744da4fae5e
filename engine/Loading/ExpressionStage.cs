using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>
/// Compiles every expression of a definition against the fields it can see, and records what each
/// field depends on, for the linter's cycle and ordering rules. Runs after binding, before linting.
/// </summary>
internal sealed class ExpressionStage
{
    private readonly ProcedureDefinition _definition;
    private readonly ICollection<Diagnostic> _diagnostics;
    private readonly Dictionary<string, ExprType> _computed = new(StringComparer.Ordinal);
    private IExpressionScope _top = new ChainedScope(new Dictionary<string, ExprType>(), null);

    private ExpressionStage(ProcedureDefinition definition, ICollection<Diagnostic> diagnostics)
    {
        _definition = definition;
        _diagnostics = diagnostics;
    }

    /// <summary>For each field path: the field paths its condition and value expressions read.</summary>
    public Dictionary<string, List<Dependency>> Dependencies { get; } = new(StringComparer.Ordinal);

    public static ExpressionStage Run(ProcedureDefinition definition, ICollection<Diagnostic> diagnostics)
    {
        var stage = new ExpressionStage(definition, diagnostics);
        stage.CompileAll();
        return stage;
    }

    /// <summary>The scope of the whole application (what step conditions and document rules see).</summary>
    public IExpressionScope TopScope => _top;

    private void CompileAll()
    {
        // Computed fields first, with unknown types, so every other expression can use their real type.
        _top = BuildTopScope();
        var discard = new List<Diagnostic>();
        foreach (var (field, scope, _) in FieldsWithScopes())
        {
            if (field.Type == FieldType.Computed && field.Value is { } value
                && ExpressionCompiler.Compile(value.Text, scope, value.Span, null, discard, value.LineLengths) is { } compiled)
                _computed[field.Path] = compiled.Type;
        }
        _top = BuildTopScope();

        foreach (var (field, scope, section) in FieldsWithScopes())
            CompileField(field, scope, section);

        for (var i = 0; i < _definition.Sections.Count; i++)
            Compile(_definition.Sections[i].Visible, _top, ExprType.Boolean, null, $"section:{_definition.Sections[i].Id}", i);

        foreach (var document in _definition.Documents)
            Compile(document.Required.Expression, _top, ExprType.Boolean, null);

        foreach (var rule in _definition.Rules)
        {
            Compile(rule.When, _top, ExprType.Boolean, null);
            Compile(rule.Check, _top, ExprType.Boolean, null);
        }

        var stepScope = _top;
        foreach (var step in _definition.Steps)
        {
            Compile(step.When, stepScope, ExprType.Boolean, null);
            var own = new ChainedScope(FieldTypes.Members(step.Fields, _computed), stepScope);
            foreach (var (field, scope, _) in WithRows(step.Fields, own, -1))
                CompileField(field, scope, -1);
            // Later steps may read this step's reviewer fields as <step>.<field>.
            stepScope = new ChainedScope(new Dictionary<string, ExprType> { [step.Id] = ExprType.RecordOf(own.Local) }, stepScope);
        }
    }

    private ChainedScope BuildTopScope()
    {
        var names = new Dictionary<string, ExprType>(StringComparer.Ordinal);
        foreach (var section in _definition.Sections)
        {
            if (section.Include is not null)
                names.TryAdd(section.Id, ExprType.RecordOf(FieldTypes.Members(section.Fields, _computed)));
            else
            {
                foreach (var (name, type) in FieldTypes.Members(section.Fields, _computed))
                    names.TryAdd(name, type);
            }
        }
        return new ChainedScope(names, null);
    }

    /// <summary>Every applicant field with the scope its expressions see and its section's index.</summary>
    private IEnumerable<(FieldDefinition Field, IExpressionScope Scope, int Section)> FieldsWithScopes()
    {
        for (var i = 0; i < _definition.Sections.Count; i++)
        {
            var section = _definition.Sections[i];
            var scope = section.Include is null ? _top : new ChainedScope(FieldTypes.Members(section.Fields, _computed), _top);
            foreach (var item in WithRows(section.Fields, scope, i))
                yield return item;
        }
    }

    private IEnumerable<(FieldDefinition, IExpressionScope, int)> WithRows(IEnumerable<FieldDefinition> fields, IExpressionScope scope, int section)
    {
        foreach (var field in fields)
        {
            yield return (field, scope, section);
            if (field.Type == FieldType.Group)
            {
                var row = new ChainedScope(FieldTypes.Members(field.Fields, _computed), scope);
                foreach (var child in WithRows(field.Fields, row, section))
                    yield return child;
            }
        }
    }

    private void CompileField(FieldDefinition field, IExpressionScope scope, int section)
    {
        Compile(field.Visible, scope, ExprType.Boolean, field, field.Path, section);
        Compile(field.Required.Expression, scope, ExprType.Boolean, field, field.Path, section);
        if (field.Type == FieldType.Computed)
            Compile(field.Value, scope, null, field, field.Path, section, isValue: true);
        if (field.Type == FieldType.Date)
        {
            Compile(field.Min?.Expression, scope, ExprType.Date, field);
            Compile(field.Max?.Expression, scope, ExprType.Date, field);
        }
    }

    private void Compile(ExpressionSource? source, IExpressionScope scope, ExprType? expected, FieldDefinition? field, string? owner = null, int section = -1, bool isValue = false)
    {
        if (source is null)
            return;
        var found = new List<Diagnostic>();
        source.Compiled = ExpressionCompiler.Compile(source.Text, scope, source.Span, expected, found, source.LineLengths);
        foreach (var diagnostic in found)
            _diagnostics.Add(field?.IncludedFrom is { } from ? diagnostic with { IncludedFrom = from } : diagnostic);

        if (owner is null || source.Compiled is null)
            return;
        if (!Dependencies.TryGetValue(owner, out var list))
            Dependencies[owner] = list = [];
        foreach (var reference in source.Compiled.References)
            list.Add(new Dependency(Resolve(reference, scope, field), source, section, isValue));
    }

    /// <summary>The field path a reference reads, as the field index names it.</summary>
    private static string Resolve(IReadOnlyList<string> reference, IExpressionScope scope, FieldDefinition? field)
    {
        var name = reference[0];
        // Walk out through row and section scopes: a local name is a sibling of the field.
        if (field is not null)
        {
            var dot = field.Path.LastIndexOf('.');
            var parent = dot > 0 ? field.Path[..dot] : "";
            for (IExpressionScope? s = scope; s is ChainedScope chained; s = chained.Outer)
            {
                if (chained.Outer is not null && chained.Local.ContainsKey(name))
                    return (parent.Length > 0 ? parent + "." : "") + string.Join('.', reference);
                dot = parent.LastIndexOf('.');
                parent = dot > 0 ? parent[..dot] : "";
            }
        }
        return string.Join('.', reference);
    }
}

/// <summary>A field (or section) reads <see cref="Path"/> in <see cref="Source"/>.</summary>
internal sealed record Dependency(string Path, ExpressionSource Source, int Section, bool IsValue);
