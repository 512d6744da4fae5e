using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>Who must act now on an application: one pending-work row per role, for the inbox.</summary>
internal static class Assignments
{
    public static List<PendingWork> For(BusinessCalendar calendar, ProcedureDefinition definition, Application application, IReadOnlyDictionary<string, RoleDefinition> roles, DateOnly? legalDue)
    {
        if (application.Status != ApplicationStatus.InReview || definition.Steps.FirstOrDefault(s => s.Id == application.Step) is not { } step)
            return [];
        var due = DueDates.Step(calendar, definition, step, application) ?? legalDue ?? DateOnly.MaxValue;
        return step.Roles
            .Distinct(StringComparer.Ordinal)
            // In a parallel step, a role that has given its opinion has nothing left to do.
            .Where(role => step.Parallel is null || application.Opinions.All(o => o.Role != role))
            .Select(role => new PendingWork
            {
                ApplicationId = application.Id,
                Role = role,
                Territory = Territory(definition, step, role, application, roles),
                DueOn = due,
                ProcedureId = application.ProcedureId,
                Step = step.Id,
                Reference = application.Reference,
                ApplicantName = application.ApplicantName,
                SubmittedOn = application.SubmittedOn,
            })
            .ToList();
    }

    /// <summary>The province whose reviewers act, as <see cref="Workflow.Workflow"/> decides who is in territory.</summary>
    private static string Territory(ProcedureDefinition definition, StepDefinition step, string role, Application application, IReadOnlyDictionary<string, RoleDefinition> roles)
    {
        if (definition.Routing is null)
            return PendingWork.Everywhere;
        var territorial = step.Territorial ?? (roles.TryGetValue(role, out var known) && known.Territorial);
        return !territorial ? PendingWork.Everywhere : application.Province ?? PendingWork.NoProvince;
    }
}
