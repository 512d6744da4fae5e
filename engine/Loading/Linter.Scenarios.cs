using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Loading;

internal sealed partial class Linter
{
    private void CheckScenarios()
    {
        if (_definition.Tests.Count < 2)
            Report(DiagnosticCodes.TooFewScenarios, _definition.Span, _definition.Tests.Count);

        // Duplicate step ids are reported by CheckIdentity; the first one wins here.
        var steps = _definition.Steps.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var documents = _definition.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var scenario in _definition.Tests)
        {
            var what = $"scenario '{scenario.Name}'";
            if (scenario.ExpectStatus is null && scenario.ExpectErrors is null)
                Report(DiagnosticCodes.ScenarioWithoutExpectation, scenario.Span, scenario.Name);

            CheckAnswers(scenario, scenario.Answers, "", scenario.Span);
            foreach (var document in scenario.Documents.Where(d => !documents.Contains(d)))
                Report(DiagnosticCodes.UnknownDocumentReference, scenario.Span, what, document, Suggestions.DidYouMean(document, documents));
            foreach (var error in scenario.ExpectErrors ?? [])
            {
                if (FieldAt(error) is null && !documents.Contains(error) && !_definition.Rules.Any(r => r.Id == error))
                    Report(DiagnosticCodes.UnknownFieldReference, scenario.Span, $"{what} (expect.errors)", error, Suggestions.DidYouMean(error, _fields.Keys.Concat(documents)));
            }
            if (scenario.ExpectStep is { } expectStep && !steps.ContainsKey(expectStep))
                Report(DiagnosticCodes.UnknownStepReference, scenario.Span, what, expectStep, Suggestions.DidYouMean(expectStep, steps.Keys));

            foreach (var action in scenario.Actions)
            {
                if (!steps.TryGetValue(action.Step, out var step))
                {
                    Report(DiagnosticCodes.UnknownStepReference, action.Span, what, action.Step, Suggestions.DidYouMean(action.Step, steps.Keys));
                    continue;
                }
                if (!step.Actions.Contains(action.Action))
                    Report(DiagnosticCodes.ActionNotOffered, action.Span, scenario.Name, action.Action.Name(), step.Id, string.Join(", ", step.Actions.Select(a => a.Name())));
                if (action.To is { } to && !steps.ContainsKey(to))
                    Report(DiagnosticCodes.UnknownStepReference, action.Span, what, to, Suggestions.DidYouMean(to, steps.Keys));
                foreach (var reopened in action.Reopen.Where(r => FieldAt(r) is null && !documents.Contains(r)))
                    Report(DiagnosticCodes.UnknownFieldReference, action.Span, $"{what} (reopen)", reopened, Suggestions.DidYouMean(reopened, _fields.Keys.Concat(documents)));
                // On a parallel step the action's role (the first role when it names none) fills the shared fields and its own.
                var role = action.Role ?? step.Role ?? (step.Parallel is { Roles: [var first, ..] } ? first : null);
                foreach (var key in action.Fields.Keys)
                {
                    var field = step.Fields.FirstOrDefault(f => f.Id == key);
                    if (field is null)
                        Report(DiagnosticCodes.UnknownFieldReference, action.Span, $"{what} (fields of step '{step.Id}')", key, Suggestions.DidYouMean(key, step.Fields.Select(f => f.Id)));
                    else if (field.Role is { } owner && owner != role)
                        Report(DiagnosticCodes.ScenarioFieldOfAnotherRole, action.Span, scenario.Name, key, step.Id, role, owner);
                }
                CheckAnswers(scenario, action.Answers, "", action.Span);
            }
        }
    }

    /// <summary>Scenario answers name real fields, and choices use real options.</summary>
    private void CheckAnswers(ScenarioDefinition scenario, Answers answers, string prefix, SourceSpan span)
    {
        foreach (var (key, value) in answers)
        {
            var path = prefix + key;
            var at = scenario.AnswerSpans.GetValueOrDefault(path, span);
            if (_fields.TryGetValue(path, out var found))
            {
                CheckOptionAnswer(scenario, found.Field, value, at);
                if (found.Field.Type == FieldType.Group && value is IReadOnlyList<object?> rows)
                {
                    foreach (var row in rows.OfType<Answers>())
                        CheckAnswers(scenario, row, path + ".", span);
                }
            }
            else if (_definition.Sections.Any(s => s.Include is not null && s.Id == path) && value is Answers nested)
            {
                CheckAnswers(scenario, nested, path + ".", span);
            }
            else
            {
                var known = prefix.Length == 0 ? _fields.Keys.Where(k => !k.Contains('.')).Concat(_definition.Sections.Where(s => s.Include is not null).Select(s => s.Id)) : _fields.Keys;
                Report(DiagnosticCodes.UnknownFieldReference, at, $"scenario '{scenario.Name}' (answers)", path, Suggestions.DidYouMean(path, known));
            }
        }
    }

    private void CheckOptionAnswer(ScenarioDefinition scenario, FieldDefinition field, object? value, SourceSpan span)
    {
        var allowed = field.ListId is { } listId && _library.Lists.TryGetValue(listId, out var list)
            ? list.Options.Select(o => o.Value).ToList()
            : field.Options.Select(o => o.Value).ToList();
        if (allowed.Count == 0 || field.Type is not (FieldType.Choice or FieldType.Multichoice))
            return;
        IEnumerable<string> values = value switch
        {
            string text => [text],
            IReadOnlyList<object?> items => items.OfType<string>(),
            _ => [],
        };
        foreach (var chosen in values.Where(v => !allowed.Contains(v)))
            Report(DiagnosticCodes.UnknownOptionValue, span, scenario.Name, field.Path, chosen, Suggestions.DidYouMean(chosen, allowed));
    }
}
