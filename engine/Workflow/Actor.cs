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

    /// <summary>
    /// The language the person reads: <c>fr</c> (the default), <c>ar</c> or <c>en</c>; anything else reads as French.
    /// An applicant's is kept on their application, and its letters are issued in it.
    /// </summary>
    public string Language
    {
        get;
        init => field = LocalizedText.Languages.Contains(value) ? value : "fr";
    } = "fr";
}
