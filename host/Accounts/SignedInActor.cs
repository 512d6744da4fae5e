using System.Security.Claims;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.AspNetCore.Components.Authorization;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// Turns the signed-in person into the engine's <see cref="Actor"/>: what pages hand to the workflow
/// (<c>PermittedActions</c>, commands). Scoped: one per circuit or request.
/// </summary>
public sealed class SignedInActor(AuthenticationStateProvider authentication, ProcedureCatalog catalog)
{
    /// <summary>The actor of the signed-in account, or null when nobody is signed in or the account's role is not in <c>roles.yaml</c>.</summary>
    public async Task<Actor?> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync().ConfigureAwait(false);
        return From(state.User, catalog.Library);
    }

    /// <summary>
    /// The actor a principal stands for. Its kind comes from <c>roles.yaml</c>, never from the cookie;
    /// provinces are kept only for reviewers of a territorial role, so an applicant or a central
    /// reviewer never acts as if bound to a territory. Its language is the one the person reads the
    /// portal in (the request's or the circuit's UI culture): an applicant's letters are issued in it.
    /// </summary>
    public static Actor? From(ClaimsPrincipal user, ProcedureLibrary library)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(library);
        if (user.Identity?.IsAuthenticated != true
            || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } id
            || user.FindFirstValue(PortalClaims.Role) is not { Length: > 0 } roleId
            || !library.Roles.TryGetValue(roleId, out var role))
        {
            return null;
        }

        var name = user.FindFirstValue(PortalClaims.DisplayName) is { Length: > 0 } displayName ? displayName : user.Identity.Name ?? id;
        return Of(id, name, role, user.FindAll(PortalClaims.Province).Select(c => c.Value)) with { Language = Localization.Languages.Current.Code };
    }

    /// <summary>
    /// The actor an account of <paramref name="role"/> stands for (signed in, or written to by e-mail): provinces are kept
    /// only for a reviewer of a territorial role.
    /// </summary>
    internal static Actor Of(string id, string name, RoleDefinition role, IEnumerable<string> provinces) =>
        new(id, name, role.Id, role.Kind, role is { Kind: RoleKind.Reviewer, Territorial: true }
            ? provinces.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            : []);
}
