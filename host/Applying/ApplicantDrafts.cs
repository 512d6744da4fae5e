using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Host.Applying;

/// <summary>Finding an applicant's draft again, and the page of the form where they carry on.</summary>
internal static class ApplicantDrafts
{
    /// <summary>The applicant's most recently changed draft of <paramref name="procedureId"/>, if they have one.</summary>
    public static async Task<Guid?> FindAsync(Applications applications, Actor applicant, string procedureId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(applications);
        for (var page = 0; ; page++)
        {
            var mine = await applications.MineAsync(applicant, page, cancellationToken).ConfigureAwait(false);
            if (mine.FirstOrDefault(a => a.Status == ApplicationStatus.Draft && a.ProcedureId == procedureId) is { } draft)
                return draft.Id;
            if (mine.Count < Applications.PageSize)
                return null;
        }
    }

    /// <summary>
    /// Where "continue" lands: the first page (in the form's order) that still has something missing or wrong,
    /// or, while changes are requested, the first page holding a reopened item; the last page when there is
    /// nothing left to do there (its button leads to the review). The form keeps the page in the URL, so a
    /// reload or a bookmark comes back to the page the person was on. A draft not saved since it was started with sections
    /// filled from an earlier application opens on its first page.
    /// </summary>
    public static string? ResumePage(ProcedureDefinition definition, Application application, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(application);
        var context = new EvaluationContext(today);
        var answers = VisibleAnswers.Prune(definition, application.Answers, context);
        var pages = FormPage.Of(definition, FormState.Evaluate(definition, answers, context));
        if (pages.Count == 0)
            return null;
        // A draft just started with sections filled from an earlier application, or from a prefilled link, opens on its first
        // page: the person reads what was filled, and where from, before anything else (a filled section has no error to
        // send them to; the link's notice lists what it left aside).
        if (application.Status == ApplicationStatus.Draft && application.Version == 0 && (application.Carried.Count > 0 || application.Prefilled is not null))
            return pages[0].Key;
        var wanted = application.Status == ApplicationStatus.ChangesRequested
            ? application.Reopened.Select(item => PageOf(definition, item))
            : SubmissionValidator.Validate(definition, new Submission(answers, application.Documents), context).Errors.Select(e => FormPage.KeyOf(definition, e));
        return FirstOf(definition, wanted) ?? pages[^1].Key;
    }

    /// <summary>The first page of the form, in its order, with an error of <paramref name="report"/>; null when there is none.</summary>
    public static string? FirstPageWithErrors(ProcedureDefinition definition, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(report);
        return FirstOf(definition, report.Errors.Select(e => FormPage.KeyOf(definition, e)));
    }

    private static string? FirstOf(ProcedureDefinition definition, IEnumerable<string?> keys)
    {
        var wanted = keys.OfType<string>().ToHashSet(StringComparer.Ordinal);
        return definition.Sections.Select(s => s.Id).Append(FormPage.DocumentsKey).FirstOrDefault(wanted.Contains);
    }

    /// <summary>The page of a field path or document id.</summary>
    public static string? PageOf(ProcedureDefinition definition, string item)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Documents.Any(d => d.Id == item)
            ? FormPage.DocumentsKey
            : FormPage.KeyOf(definition, new ValidationError(item, "", LocalizedText.Of("", "")));
    }

    /// <summary>What the reviewer wrote when they last asked for changes, if anything.</summary>
    public static async Task<string?> ReviewerMessageAsync(Applications applications, Guid id, Actor applicant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var history = await applications.HistoryAsync(id, applicant, cancellationToken).ConfigureAwait(false);
        return history.Value?.LastOrDefault(e => e.Kind == WorkflowEvents.ChangesRequested)?.Comment;
    }
}
