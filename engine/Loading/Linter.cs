using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>
/// The semantic rules of the definition language: references, identities, translations, field
/// shapes, the circuit and the scenarios. Each rule adds located diagnostics and never stops the others.
/// </summary>
internal sealed partial class Linter
{
    private readonly ProcedureDefinition _definition;
    private readonly ProcedureLibrary _library;
    private readonly ExpressionStage _expressions;
    private readonly ICollection<Diagnostic> _diagnostics;
    private readonly Dictionary<string, (FieldDefinition Field, int Section)> _fields = new(StringComparer.Ordinal);

    private Linter(ProcedureDefinition definition, ProcedureLibrary library, ExpressionStage expressions, ICollection<Diagnostic> diagnostics)
    {
        _definition = definition;
        _library = library;
        _expressions = expressions;
        _diagnostics = diagnostics;
        for (var i = 0; i < definition.Sections.Count; i++)
        {
            foreach (var field in Flatten(definition.Sections[i].Fields))
                _fields.TryAdd(field.Path, (field, i));
        }
    }

    public static void Run(ProcedureDefinition definition, ProcedureLibrary library, ExpressionStage expressions, string fileName, ICollection<Diagnostic> diagnostics)
    {
        var linter = new Linter(definition, library, expressions, diagnostics);
        linter.CheckIdentity(fileName);
        linter.CheckTexts();
        linter.CheckPrivacy();
        linter.CheckSections();
        linter.CheckFields();
        linter.CheckDependencies();
        linter.CheckDocumentsAndRules();
        linter.CheckSteps();
        linter.CheckOutputs();
        linter.CheckLabels();
        linter.CheckScenarios();
    }

    private void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) =>
        _diagnostics.Add(descriptor.At(span, args));

    private void Report(DiagnosticDescriptor descriptor, FieldDefinition field, SourceSpan span, params object?[] args) =>
        _diagnostics.Add(descriptor.At(span, args) with { IncludedFrom = field.IncludedFrom });

    internal static IEnumerable<FieldDefinition> Flatten(IEnumerable<FieldDefinition> fields) =>
        fields.SelectMany(f => (IEnumerable<FieldDefinition>)[f, .. Flatten(f.Fields)]);

    /// <summary>The field a dotted path reads: the path itself, or the record field it is a member of (an address's province).</summary>
    private FieldDefinition? FieldAt(string path)
    {
        for (var candidate = path; ; candidate = candidate[..candidate.LastIndexOf('.')])
        {
            if (_fields.TryGetValue(candidate, out var found))
                return found.Field;
            if (!candidate.Contains('.'))
                return null;
        }
    }

    private void CheckIdentity(string fileName)
    {
        var expected = Path.GetFileNameWithoutExtension(fileName);
        if (expected.Length > 0 && expected != _definition.Id)
            Report(DiagnosticCodes.IdNotFileName, _definition.Span with { Line = 1, Column = 1 }, _definition.Id, expected);

        if (_definition.Category.Length > 0 && _library.Categories.Count > 0 && !_library.Categories.ContainsKey(_definition.Category))
            Report(DiagnosticCodes.UnknownCategory, _definition.SpanOf("category"), _definition.Category, Suggestions.DidYouMean(_definition.Category, _library.Categories.Keys));

        var applicants = _library.Roles.Values.Where(r => r.Kind == RoleKind.Applicant).Select(r => r.Id).ToList();
        if (_definition.Applicant.Length > 0 && _library.Roles.Count > 0 && !applicants.Contains(_definition.Applicant))
            Report(DiagnosticCodes.UnknownApplicant, _definition.SpanOf("applicant"), _definition.Applicant, Suggestions.DidYouMean(_definition.Applicant, applicants));

        CheckUnique("section", _definition.Sections.Select(s => (s.Id, s.Span)));
        CheckUnique("document", _definition.Documents.Select(d => (d.Id, d.Span)));
        CheckUnique("rule", _definition.Rules.Select(r => (r.Id, r.Span)));
        CheckUnique("step", _definition.Steps.Select(s => (s.Id, s.Span)));
        CheckUnique("scenario", _definition.Tests.Select(t => (t.Name, t.Span)));
        // Top-level names share one namespace: plain fields and included sections.
        var topNames = _definition.Sections.SelectMany(s => s.Include is null ? s.Fields.Select(f => (f.Id, f.Span)) : [(s.Id, s.Span)]);
        CheckUnique("field", topNames);
        foreach (var section in _definition.Sections.Where(s => s.Include is not null))
            CheckUnique("field", section.Fields.Select(f => (f.Id, f.Span)));
        foreach (var field in _fields.Values.Select(f => f.Field).Where(f => f.Type == FieldType.Group))
            CheckUnique("field", field.Fields.Select(f => (f.Id, f.Span)));
        foreach (var step in _definition.Steps)
            CheckUnique("field", step.Fields.Select(f => (f.Id, f.Span)));
    }

    private void CheckUnique(string noun, IEnumerable<(string Id, SourceSpan Span)> items)
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var (id, span) in items)
        {
            if (id.Length == 0)
                continue;
            if (seen.TryGetValue(id, out var first))
                Report(DiagnosticCodes.DuplicateId, span, noun, id, first.Line);
            else
                seen[id] = span;
        }
    }

    private void CheckSections()
    {
        foreach (var section in _definition.Sections)
        {
            if (section.Include is { } include)
            {
                if (!_library.Fragments.ContainsKey(include))
                    Report(DiagnosticCodes.UnknownFragment, section.Span, include, Suggestions.DidYouMean(include, _library.Fragments.Keys));
                else if (section.Fields.Any(f => f.IncludedFrom is null))
                    Report(DiagnosticCodes.IncludeWithFields, section.Span, section.Id, include);
                if (section.Carry is not null && _library.Fragments.TryGetValue(include, out var fragment) && !fragment.Carried)
                    Report(DiagnosticCodes.CarryNoneOnUncarried, section.Span, section.Id, include);
            }
            else if (section.Fields.Count == 0)
            {
                Report(DiagnosticCodes.SectionWithoutFields, section.Span, section.Id);
            }
            if (section.Include is null && section.Carry is { } carry)
                Report(DiagnosticCodes.CarryWithoutInclude, section.Span, section.Id, carry);
            if (section.Visible is { Text: "false" })
                Report(DiagnosticCodes.ConstantNeverVisible, section.Visible.Span, $"section '{section.Id}'");
        }
    }
}
