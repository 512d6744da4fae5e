using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Loading;

internal sealed partial class Linter
{
    /// <summary>The shortest and longest retention the language accepts, in months.</summary>
    private const int MinRetentionMonths = 12, MaxRetentionMonths = 50 * 12;

    /// <summary>Law 09-08: every procedure says what its personal data is for, who receives it and how long it is kept.</summary>
    private void CheckPrivacy()
    {
        if (_definition.Privacy is not { } privacy)
        {
            Report(DiagnosticCodes.PrivacyMissing, _definition.Span with { Line = 1, Column = 1 });
            return;
        }

        if (privacy.Purpose is null)
            Report(DiagnosticCodes.PrivacyKeyMissing, privacy.Span, "purpose", "say in French and Arabic what the data is used for (instructing the request, issuing the decision, the ministry's statistics...)");
        RequireText(privacy.Purpose, "the privacy purpose", _definition.SpanOf("privacy"), null);
        RequireText(privacy.Recipients, "the privacy recipients", _definition.SpanOf("privacy"), null);
        if (privacy.Recipients is null)
            Report(DiagnosticCodes.PrivacyWithoutRecipients, privacy.Span);

        if (privacy.RetentionText is null)
            Report(DiagnosticCodes.PrivacyKeyMissing, privacy.Span, "retention", "say how long a closed file is kept before its personal data is erased, such as '5y' or '10y'");
        else if (privacy.Retention is not { } retention)
            Report(DiagnosticCodes.RetentionUnreadable, privacy.RetentionSpan, privacy.RetentionText);
        else if (retention.TotalMonths < MinRetentionMonths)
            Report(DiagnosticCodes.RetentionTooShort, privacy.RetentionSpan, privacy.RetentionText);
        else if (retention.TotalMonths > MaxRetentionMonths)
            Report(DiagnosticCodes.RetentionTooLong, privacy.RetentionSpan, privacy.RetentionText);
    }
}
