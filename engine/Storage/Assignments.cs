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
                Territory = !assignee.Territorial ? PendingWork.Everywhere : application.Province ?? PendingWork.NoProvince,
                DueOn = due,
                ProcedureId = application.ProcedureId,
                Step = step.Id,
                Reference = application.Reference,
                ApplicantName = application.ApplicantName,
                SubmittedOn = application.SubmittedOn,
            })
            .ToList();
    }
}
