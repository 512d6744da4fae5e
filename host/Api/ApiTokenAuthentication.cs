using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EmploymentProcedures.Host.Api;

/// <summary>
/// The API's only way in: <c>Authorization: Bearer epk_…</c>, checked by <see cref="Api.ApiClients.AuthenticateAsync"/>. No
/// cookie is read (a person signed in to the portal gets nothing from the API), so no request can be forged from another
/// site and the API needs no antiforgery token. A missing, malformed, unknown, revoked or expired token gets the same
/// 401 with <c>WWW-Authenticate: Bearer</c> and a problem document; which of them it was is not said.
/// </summary>
internal sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiClients clients)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The claim carrying the client's id (its rate limit's partition).</summary>
    public const string ClientClaim = "api_client";

    /// <summary>The authenticated client, for the endpoints (one read of its row per request).</summary>
    public static ApiClient? ClientOf(HttpContext context) => context.Items.TryGetValue(typeof(ApiClient), out var client) ? client as ApiClient : null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
            return AuthenticateResult.NoResult();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("not a bearer token");
        var client = await clients.AuthenticateAsync(header[bearer.Length..].Trim(), Context.RequestAborted);
        if (client is null)
            return AuthenticateResult.Fail("token refused");
        Context.Items[typeof(ApiClient)] = client;
        var identity = new ClaimsIdentity([new Claim(ClientClaim, client.Id), new Claim(ClaimTypes.Name, client.Name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failed = Request.Headers.ContainsKey(HeaderNames.Authorization);
        Response.Headers.WWWAuthenticate = failed
            ? "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The token is unknown, revoked or expired.\""
            : "Bearer realm=\"api\"";
        return ApiProblems.Unauthorized(failed).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => ApiProblems.ProcedureNotGranted.ExecuteAsync(Context);
}
