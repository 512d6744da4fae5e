using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using EmploymentProcedures.Engine.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;

namespace EmploymentProcedures.Host.Api;

/// <summary>
/// The partners' API's services and its place in the pipeline: the bearer scheme, the policy that accepts only it, the
/// per-client rate limit, the OpenAPI document, and problem documents rather than the portal's HTML error pages for
/// anything under <c>/api</c>.
/// </summary>
internal static class PartnerApi
{
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddPartnerApi(this IServiceCollection services, PortalOptions settings)
    {
        services.AddScoped<ApiClients>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton(services => new PartnerEvents(services.GetRequiredService<IDbContextFactory<ProceduresDb>>()));
        // Pushes follow no redirect (an address is what an administrator set, not where a server sends it) and connect only to
        // public addresses unless Portal:ApiWebhooksAllowHttp (WebhookAddresses).
        services.AddHttpClient(WebhookDispatcher.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = (context, cancellationToken) => WebhookAddresses.ConnectAsync(context.DnsEndPoint, settings.ApiWebhooksAllowHttp, cancellationToken),
            });
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService<WebhookDispatch>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        // Only the bearer scheme: the portal's cookie is never read on these routes.
        services.AddAuthorizationBuilder().AddPolicy(ApiEndpoints.Policy, p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser());
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(ApiEndpoints.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(ApiTokenAuthentication.ClientClaim)?.Value ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, settings.ApiRequestsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ApiProblems.RateLimited.ExecuteAsync(rejected.HttpContext);
            };
        });
        services.AddExceptionHandler<ApiExceptions>();
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, _, _) =>
            {
                // Each error response names the problem codes it may carry.
                foreach (var (status, response) in operation.Responses ?? [])
                {
                    var codes = ApiProblems.All.Where(p => p.Status.ToString(CultureInfo.InvariantCulture) == status).ToList();
                    if (codes.Count > 0 && response is OpenApiResponse described)
                        described.Description = "A problem document: " + string.Join("; ", codes.Select(p => $"`{p.Code}`: {p.Title}")) + ".";
                }
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>What the API's requests skip of the portal's pipeline: the HTML pages of statuses are not for programs.</summary>
    public static IApplicationBuilder UseProblemsUnderApi(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api") && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;
        return next(context);
    });

    public static IEndpointRouteBuilder MapPartnerApiDocument(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/api/{documentName}/openapi.json");
        return endpoints;
    }

    /// <summary>The document's title, what it is for, the bearer scheme required everywhere, and every problem type.</summary>
    private static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Employment procedures — partners' API",
            Version = "v1",
            Description = "Read-only access for partner administrations (DGSN, CNSS, ANAPEC...) to the results of the procedures "
                + "the ministry in charge of employment granted them. Authenticate with `Authorization: Bearer epk_…` (the token the "
                + "ministry's administrators gave you). Errors are RFC 9457 problem documents (application/problem+json) whose `type` is "
                + $"`{ApiProblems.TypePrefix}<code>` and whose `code` is one of: "
                + string.Join("; ", ApiProblems.All.Select(p => $"`{p.Code}` ({p.Status}: {p.Title})")) + ".",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "epk_<client id>_<secret>",
            Description = "The client's token, sent as `Authorization: Bearer <token>`. No cookie is accepted.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        document.Webhooks[ApiApplicationChanged.ChangedType] = ChangedWebhook();
    }

    /// <summary>The push a client with a webhook receives (OpenAPI 3.1 <c>webhooks</c>): what the portal posts to the client's address.</summary>
    private static OpenApiPathItem ChangedWebhook()
    {
        static OpenApiSchema Text(string description, bool nullable = false) =>
            new() { Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String, Description = description };
        static OpenApiParameter Header(string name, string description) =>
            new() { Name = name, In = ParameterLocation.Header, Required = true, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        var body = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An application of the client's grant changed. No personal data: read it with `GET /api/v1/applications/{reference}`.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["id"] = Text("The event's id (`evt_…`), the same as `webhook-id` and the same at each retry: handle each id once."),
                ["type"] = Text("Always `application.changed` within v1."),
                ["reference"] = Text("The application's reference."),
                ["procedure"] = Text("The procedure's id."),
                ["version"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The version of the procedure's definition the application was made on." },
                ["status"] = Text("in_review, changes_requested, approved, rejected, acknowledged or withdrawn."),
                ["currentStep"] = Text("The approval step it is at; null once closed.", nullable: true),
                ["province"] = Text("Its province's id; null for a procedure not routed by province.", nullable: true),
                ["changedAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "When it changed (UTC), as the list's `changedAt`." },
                ["erased"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Its personal data was erased at the end of its retention period." },
            },
            Required = new HashSet<string> { "id", "type", "reference", "procedure", "version", "status", "currentStep", "province", "changedAt", "erased" },
        };
        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Post] = new()
                {
                    OperationId = "applicationChanged",
                    Summary = "An application of the client's grant changed (pushed to the client's webhook)",
                    Description = "Posted to the https address the ministry's administrators registered for the client, signed the Standard Webhooks way: "
                        + "`webhook-signature` is `v1,` and base64 of HMAC-SHA256, keyed with the bytes of the signing secret (base64 after `whsec_`), over "
                        + "`{webhook-id}.{webhook-timestamp}.{body}`. Check it, and refuse a timestamp more than five minutes from your clock. Answer any 2xx "
                        + "within 10 seconds; anything else is retried after 1 minute, 5, 30, 2 hours, then every 6 hours for a day. Events are not "
                        + "ordered: compare `changedAt`, or read the application.",
                    Parameters =
                    [
                        Header("webhook-id", "The event's id (`evt_…`), as the body's `id`."),
                        Header("webhook-timestamp", "When it was sent, in Unix seconds."),
                        Header("webhook-signature", "`v1,<base64 of HMAC-SHA256>`."),
                    ],
                    RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = body } },
                    },
                    Responses = new OpenApiResponses
                    {
                        ["2XX"] = new OpenApiResponse { Description = "Received: not sent again." },
                        ["default"] = new OpenApiResponse { Description = "Anything else (or no answer within 10 seconds) is retried later." },
                    },
                    Security = [],
                },
            },
        };
    }
}

/// <summary>An error in an API request: a <c>server-error</c> problem document, not the portal's error page (the trace id is in the log).</summary>
internal sealed class ApiExceptions : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
            return false;
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await ApiProblems.ServerError.ExecuteAsync(httpContext);
        return true;
    }
}
