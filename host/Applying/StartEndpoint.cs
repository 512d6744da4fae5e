using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Accounts;
using Microsoft.AspNetCore.Antiforgery;

namespace EmploymentProcedures.Host.Applying;

/// <summary>
/// <c>POST /apply/{procedureId}</c>, the procedure page's "start" button: resumes the signed-in applicant's draft of the
/// procedure, or starts one, then goes to its form. Only a post with the portal's antiforgery token starts anything (400
/// without it), so another site cannot make a signed-in person start a draft; <c>GET /apply/{procedureId}</c> (the page
/// <c>Apply</c>) only resumes. Anonymous: to sign-in, then back to that page. Another kind of account, or a start the
/// engine refuses: back to that page, which says why.
/// </summary>
internal static class StartEndpoint
{
    /// <summary>The query of <c>/apply/{procedureId}</c> after a start the engine refused (the database was busy).</summary>
    public const string RefusedQuery = "refused=1";

    public static IEndpointRouteBuilder MapStartEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/apply/{procedureId}", StartAsync)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            // Before the page of the same address, whose endpoint also takes posts (for Blazor's own forms).
            .WithOrder(-1);
        return endpoints;
    }

    private static async Task<IResult> StartAsync(string procedureId, HttpContext context, ProcedureCatalog catalog, Applications applications)
    {
        if (await PortalEndpoints.ValidFormAsync(context) is null)
            return Results.BadRequest();
        if (!catalog.Definitions.TryGetValue(procedureId, out var definition))
            return Results.NotFound();
        var page = "/apply/" + Uri.EscapeDataString(procedureId);
        if (SignedInActor.From(context.User, catalog.Library) is not { } actor)
            return Results.LocalRedirect("/account/sign-in?returnUrl=" + Uri.EscapeDataString(page));
        if (actor.Kind != RoleKind.Applicant || actor.Role != definition.Applicant)
            return Results.LocalRedirect(page);

        var id = await ApplicantDrafts.FindAsync(applications, actor, procedureId, context.RequestAborted);
        if (id is null)
            id = (await applications.StartAsync(procedureId, actor, context.RequestAborted)).Application?.Id;
        return Results.LocalRedirect(id is { } draft ? $"/applications/{draft}/form" : page + "?" + RefusedQuery);
    }
}
