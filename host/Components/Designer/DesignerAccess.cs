using System.Security.Claims;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace EmploymentProcedures.Host.Components.Designer;

/// <summary>
/// Who reaches the designer: analysts, who author and publish, and administrators, who may look but not
/// publish. The policy guards the pages' requests and the export; the pages check the actor again for
/// navigation inside a circuit, and publishing checks <see cref="MayPublish"/> on the server.
/// </summary>
public static class DesignerAccess
{
    public const string Policy = "designer";
    public const string Analyst = "analyst";
    public const string Administrator = "administrator";

    public static void Configure(AuthorizationPolicyBuilder policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.RequireAuthenticatedUser().RequireClaim(PortalClaims.Role, Analyst, Administrator);
    }

    public static bool MayLook(Actor? actor) => actor?.Role is Analyst or Administrator;

    public static bool MayPublish(Actor? actor) => actor?.Role is Analyst;

    internal static bool MayLook(ClaimsPrincipal user) => user.FindFirstValue(PortalClaims.Role) is Analyst or Administrator;
}
