using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Host.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Primitives;

namespace EmploymentProcedures.Host.Applying;

/// <summary>
/// <c>/procedures/{procedureId}/apply?f.field=value&amp;f.section.field=...&amp;f.group.1.field=...</c>, the prefilled link a
/// partner's or the ministry's page sends an applicant to: it starts a NEW draft with the link's values
/// (<see cref="PrefillLink"/>), never changes an existing one. Anonymous: to sign-in, and back here with the whole link. A
/// signed-in applicant with no draft of the procedure: the draft is started and the form opens on its first page, the
/// prefilled fields marked and the values left aside listed. One who has a draft already: <c>/apply/{procedureId}</c>
/// with the same values asks whether to start a new prefilled one (a post back here, with its antiforgery token) or go
/// on with theirs. A link with more than <see cref="PrefillLink.MaximumValues"/> values starts nothing: that page says
/// why. Another kind of account, a retired procedure, a busy database: that page too, which says why.
/// </summary>
/// <remarks>
/// Unlike the procedure page's "start" button, the link's GET starts a draft: that is what the link is for. It fills
/// nothing in an existing draft, submits nothing, and what it filled is marked and listed where the applicant reads it.
/// </remarks>
internal static class PrefillEndpoint
{
    /// <summary>The query of <c>/apply/{procedureId}</c> for a link carrying too many values (with <c>count</c>).</summary>
    public const string TooManyQuery = "prefill=too_many";

    public static IEndpointRouteBuilder MapPrefillEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/procedures/{procedureId}/apply", (string procedureId, HttpContext context, ProcedureCatalog catalog, Applications applications) =>
            StartAsync(procedureId, context, catalog, applications, Values(context.Request.Query), mayResume: true));
        endpoints.MapPost("/procedures/{procedureId}/apply", async (string procedureId, HttpContext context, ProcedureCatalog catalog, Applications applications) =>
            await PortalEndpoints.ValidFormAsync(context) is { } form
                ? await StartAsync(procedureId, context, catalog, applications, Values(form), mayResume: false)
                : Results.BadRequest())
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }

    /// <summary>The link's values, keys without <see cref="PrefillLink.Prefix"/>, in the order given; any other parameter is not the link's.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Values(IEnumerable<KeyValuePair<string, StringValues>> query) =>
        [.. query.Where(p => p.Key.StartsWith(PrefillLink.Prefix, StringComparison.Ordinal) && p.Key.Length > PrefillLink.Prefix.Length)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key[PrefillLink.Prefix.Length..], v ?? "")))];

    private static async Task<IResult> StartAsync(string procedureId, HttpContext context, ProcedureCatalog catalog, Applications applications,
        IReadOnlyList<KeyValuePair<string, string>> values, bool mayResume)
    {
        if (!catalog.Definitions.TryGetValue(procedureId, out var definition))
            return Results.NotFound();
        var page = "/apply/" + Uri.EscapeDataString(procedureId);
        if (SignedInActor.From(context.User, catalog.Library) is not { } actor)
        {
            // The whole link comes back after sign-in, so its values are not lost on the way.
            var link = PrefillLink.Address("", procedureId, values);
            return Results.LocalRedirect("/account/sign-in?returnUrl=" + Uri.EscapeDataString(link));
        }
        if (actor.Kind != RoleKind.Applicant || actor.Role != definition.Applicant)
            return Results.LocalRedirect(page);
        if (values.Count > PrefillLink.MaximumValues)
            return Results.LocalRedirect($"{page}?{TooManyQuery}&count={values.Count}");
        if (mayResume && await ApplicantDrafts.FindAsync(applications, actor, procedureId, context.RequestAborted) is not null)
            return Results.LocalRedirect(page + "?" + PrefillLink.Query(values));

        var id = (await applications.StartAsync(procedureId, actor, values, context.RequestAborted)).Application?.Id;
        return Results.LocalRedirect(id is { } draft ? $"/applications/{draft}/form" : page + "?" + StartEndpoint.RefusedQuery);
    }
}
