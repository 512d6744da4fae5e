using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>Who must act now on an application: one pending-work row per role, for the inbox.</summary>
internal static class Assignments
{
    public static List<PendingWork> For(BusinessCalendar calendar, ProcedureDefinition definition, Application application, Workflow.Workflow workflow, DateOnly? legalDue)
    {
        var assignees = workflow.Assignees(definition, application);
        if (assignees.Count == 0)
            return [];
        var step = definition.Steps.First(s => s.Id == application.Step);
        var due = DueDates.Step(calendar, definition, step, application) ?? legalDue ?? DateOnly.MaxValue;
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
