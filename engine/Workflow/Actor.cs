using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Workflow;

/// <summary>
/// Who asks: an applicant (by user id), a reviewer (a role and the provinces they cover), staff, or
/// the system itself (the deadline sweep). The host builds one from the signed-in account.
/// </summary>
/// <param name="Provinces">The provinces a territorial reviewer covers; empty for everyone else.</param>
public sealed record Actor(string UserId, string Name, string Role, RoleKind Kind, IReadOnlyList<string> Provinces)
{
    public const string SystemId = "system";

    /// <summary>The deadline sweep: acts only through <see cref="WorkflowCommand.LapseDeadline"/>.</summary>
    public static readonly Actor System = new(SystemId, "system", "system", RoleKind.Staff, []);

    public static Actor Applicant(string userId, string name, string role = "employer") => new(userId, name, role, RoleKind.Applicant, []);

    public static Actor Reviewer(string userId, string name, string role, params string[] provinces) => new(userId, name, role, RoleKind.Reviewer, provinces);

    public bool IsSystem => UserId == SystemId && Kind == RoleKind.Staff;
}
