using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.MyApplications;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Reviewing;

/// <summary>
/// What a reviewer's page of one application shows: the same view the applicant's page reads, plus what
/// changed at the last resubmission, and what the reviewers recorded at the earlier steps.
/// </summary>
/// <param name="Changes">On a file back in review after a request for changes: each answer that changed, before and after.</param>
/// <param name="Claims">Who is working on the file now, one claim per role.</param>
/// <param name="Letters">The letters issued on the file, oldest first.</param>
/// <param name="Recorded">What the reviewers recorded in the fields of the steps before the current one (<c>ReviewerFields.RecordedBefore</c>).</param>
internal sealed record CaseView(ApplicationView View, IReadOnlyList<AnswerChange> Changes, IReadOnlyList<StepClaim> Claims, IReadOnlyList<IssuedLetter> Letters,
    IReadOnlyList<RecordedFields> Recorded)
{
    public Application Application => View.Application;

    /// <summary>The step being worked on, when the file is in review.</summary>
    public StepDefinition? CurrentStep => Application.Status == ApplicationStatus.InReview
        ? View.Definition.Steps.FirstOrDefault(s => s.Id == Application.Step)
        : null;

    /// <summary>
    /// The application for a reviewer who may see it; null for anyone else (an applicant, even its owner, is
    /// answered "not found" here: their page is /applications/{id}) or when the engine refuses (audited).
    /// </summary>
    public static async Task<CaseView?> LoadAsync(
        Guid id, Actor actor, Applications applications, DefinitionStore definitions, ProcedureLibrary library,
        Language language, IStringLocalizer strings, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind == RoleKind.Applicant)
            return null;
        var view = await ApplicationView.LoadAsync(id, actor, applications, definitions, library, language, strings, clock, cancellationToken);
        if (view is null)
            return null;
        var application = view.Application;
        var changes = application is { AnswersBeforeChanges: { } before, Status: not ApplicationStatus.ChangesRequested }
            ? AnswerDiff.Compare(before, application.Answers)
            : [];
        var claims = await applications.ClaimsAsync(id, actor, cancellationToken);
        var letters = await applications.IssuedAsync(id, actor, cancellationToken);
        return new CaseView(view, changes, claims.Value ?? [], letters.Value ?? [], ReviewerFields.RecordedBefore(view.Definition, application, actor));
    }
}
