using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Host.Reviewing;

/// <summary>
/// Who reaches the reviewers' pages, and where their links go. The inbox is every reviewer's; the dashboard is for
/// those who steer a service: provincial delegates, regional directors, the central directorates, the authority in
/// charge of labour and the administrator. What each sees is still decided by the engine (their provinces).
/// </summary>
internal static class ReviewerPages
{
    /// <summary>The roles of <c>roles.yaml</c> that see the dashboard, besides the administrator.</summary>
    public static readonly IReadOnlySet<string> DashboardRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        "provincial-delegate", "regional-director", "labour-directorate", "employment-directorate", "minister-delegate", "administrator",
    };

    public const string DashboardPath = "dashboard";

    public static bool MaySeeInbox(Actor? actor) => actor?.Kind == RoleKind.Reviewer;

    public static bool MaySeeDashboard(Actor? actor) => actor is not null && DashboardRoles.Contains(actor.Role);

    /// <summary>The reviewer's page of one application.</summary>
    public static string CaseUrl(Guid applicationId) => $"cases/{applicationId}";
}
