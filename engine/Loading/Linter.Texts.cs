using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Loading;

internal sealed partial class Linter
{
    /// <summary>Every text an applicant or reviewer reads must exist in French and Arabic.</summary>
    private void CheckTexts()
    {
        RequireText(_definition.Title, "the procedure title", _definition.SpanOf("title"), null);
        RequireText(_definition.Summary, "the procedure summary", _definition.SpanOf("summary"), null);
        RequireText(_definition.Eligibility, "the eligibility text", _definition.SpanOf("eligibility"), null);

        foreach (var section in _definition.Sections)
        {
            if (section.Title is null)
                Report(DiagnosticCodes.MissingLabel, section.Span, $"section '{section.Id}'");
            RequireText(section.Title, $"the title of section '{section.Id}'", section.Span, null);
            RequireText(section.Help, $"the help of section '{section.Id}'", section.Span, null);
        }

        foreach (var field in _fields.Values.Select(f => f.Field).Concat(Flatten(_definition.Steps.SelectMany(s => s.Fields))))
        {
            var name = $"field '{field.Path}'";
            if (field.Label is null && field.Type != FieldType.Info)
                Report(DiagnosticCodes.MissingLabel, field, field.Span, name);
            RequireText(field.Label, $"the label of {name}", field.Span, field);
            RequireText(field.Help, $"the help of {name}", field.Span, field);
            RequireText(field.PatternMessage, $"the pattern message of {name}", field.Span, field);
            RequireText(field.Unit, $"the unit of {name}", field.Span, field);
            foreach (var option in field.Options)
                RequireText(option.Label, $"option '{option.Value}' of {name}", option.Span, field);
        }

        foreach (var document in _definition.Documents)
        {
            if (document.Label is null)
                Report(DiagnosticCodes.MissingLabel, document.Span, $"document '{document.Id}'");
            RequireText(document.Label, $"the label of document '{document.Id}'", document.Span, null);
            RequireText(document.Help, $"the help of document '{document.Id}'", document.Span, null);
        }

        foreach (var rule in _definition.Rules)
        {
            if (rule.Message is null)
                Report(DiagnosticCodes.MissingLabel, rule.Span, $"the message of rule '{rule.Id}'");
            RequireText(rule.Message, $"the message of rule '{rule.Id}'", rule.Span, null);
        }

        foreach (var step in _definition.Steps)
            RequireText(step.Title, $"the title of step '{step.Id}'", step.Span, null);
    }

    private void RequireText(LocalizedText? text, string what, SourceSpan span, FieldDefinition? field)
    {
        if (text is null)
            return;
        foreach (var language in LocalizedText.RequiredLanguages)
        {
            if (!text.Has(language))
            {
                var diagnostic = DiagnosticCodes.MissingTranslation.At(span, Capitalise(what), language == "fr" ? "French (fr)" : "Arabic (ar)");
                _diagnostics.Add(diagnostic with { IncludedFrom = field?.IncludedFrom });
            }
        }
        if (text.Has("fr") && text.Has("ar") && text.Get("fr") == text.Get("ar") && text.Get("fr").Any(char.IsLetter))
            _diagnostics.Add(DiagnosticCodes.DuplicateLegalText.At(span, Capitalise(what)) with { IncludedFrom = field?.IncludedFrom });
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
