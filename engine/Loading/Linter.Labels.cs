using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Loading;

internal sealed partial class Linter
{
    /// <summary>The reviewers' labels: unique ids, a title in French and Arabic, a colour of the palette, and not too many.</summary>
    private void CheckLabels()
    {
        var labels = _definition.Labels;
        if (labels.Count > LabelDefinition.MaxPerProcedure)
            Report(DiagnosticCodes.TooManyLabels, _definition.SpanOf("labels"), labels.Count, LabelDefinition.MaxPerProcedure);
        CheckUnique("label", labels.Select(l => (l.Id, l.Span)));
        foreach (var label in labels)
        {
            RequireText(label.Title, $"the title of label '{label.Id}'", label.Span, null);
            if (label.Colour.Length > 0 && !LabelDefinition.Colours.Contains(label.Colour, StringComparer.Ordinal))
                Report(DiagnosticCodes.UnknownLabelColour, label.Span, label.Id, label.Colour,
                    Suggestions.DidYouMean(label.Colour, LabelDefinition.Colours), string.Join(", ", LabelDefinition.Colours));
        }
    }
}
