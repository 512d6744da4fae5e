using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// Who must act now on an application: one pending-work row per role, for the inbox. While changes are
/// requested, the roles of the step that asked keep a row too (status <c>changes_requested</c>, nothing due from
/// them), so the reviewer still finds the file in their inbox while it waits for the applicant.
/// </summary>
internal static class Assignments
{
    public static List<PendingWork> For(BusinessCalendar calendar, ProcedureDefinition definition, Application application, Workflow.Workflow workflow, DateOnly? legalDue)
    {
        var waiting = application.Status == ApplicationStatus.ChangesRequested;
        // The roles of the step that waits are those that would act on it were it in review again.
        var assignees = workflow.Assignees(definition, waiting ? application with { Status = ApplicationStatus.InReview, Opinions = [] } : application);
        if (assignees.Count == 0)
            return [];
        var step = definition.Steps.First(s => s.Id == application.Step);
        var due = waiting ? DateOnly.MaxValue : DueDates.Step(calendar, definition, step, application) ?? legalDue ?? DateOnly.MaxValue;
        var search = SearchKeys.For(definition, application);
        return assignees
            .Select(assignee => new PendingWork
            {
                ApplicationId = application.Id,
                Role = assignee.Role,
                Territory = Territory(assignee, application),
                DueOn = due,
                ProcedureId = application.ProcedureId,
                Step = step.Id,
                Reference = application.Reference,
                ApplicantName = application.ApplicantName,
                SubmittedOn = application.SubmittedOn,
                Status = application.Status.Name(),
                Province = application.Province ?? PendingWork.Everywhere,
                Search = search,
            })
            .ToList();
    }

    /// <summary>
    /// Who reads what the applicant writes: the roles that must act now, or while changes are requested, those of
    /// the step that asked for them (the ones that will act again on the resubmission); each with its territory.
    /// </summary>
    public static List<(string Role, string Territory)> Readers(ProcedureDefinition definition, Application application, Workflow.Workflow workflow)
    {
        var acting = application.Status == ApplicationStatus.ChangesRequested ? application with { Status = ApplicationStatus.InReview } : application;
        return workflow.Assignees(definition, acting).Select(a => (a.Role, Territory(a, application))).ToList();
    }

    private static string Territory(Assignee assignee, Application application) =>
        !assignee.Territorial ? PendingWork.Everywhere : application.Province ?? PendingWork.NoProvince;
}
