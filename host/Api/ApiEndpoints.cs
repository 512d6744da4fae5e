using System.Buffers.Text;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.Net.Http.Headers;

namespace EmploymentProcedures.Host.Api;

/// <summary>
/// The partners' read-only API, <c>/api/v1</c>: the procedures a client may read, the submitted applications of those
/// procedures (and provinces) page by page, one application whole, and its files. Every route needs the client's bearer
/// token (<see cref="ApiTokenAuthentication"/>) and counts against its rate limit (<see cref="RateLimitPolicy"/>); the
/// engine decides what the client's grant covers (<see cref="PartnerAccess"/>), the same way the portal's pages ask it.
/// </summary>
internal static class ApiEndpoints
{
    public const string Base = "/api/v1";
    public const string Policy = "api-client";
    public const string RateLimitPolicy = "api-client";

    private const string ReferenceText = "The application's reference, as on the applicant's receipt (RI-2026-000123).";

    public static IEndpointRouteBuilder MapPartnerApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Base).RequireAuthorization(Policy).RequireRateLimiting(RateLimitPolicy).WithTags("Partners")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/procedures", ProceduresAsync).WithName("ListProcedures")
            .WithSummary("The procedures this client may read")
            .WithDescription("Each with its id, the version new applications are made on, its titles in French, Arabic and English, and its category.")
            .Produces<ApiProcedureList>();

        api.MapGet("/applications", ApplicationsAsync).WithName("ListApplications")
            .WithSummary("Submitted applications, page by page, in the order they last changed")
            .WithDescription("Only submitted applications (never drafts) of the procedures and provinces granted to this client. "
                + "Pages follow the time each application last changed, then its id: pass a page's `next` as `after` to read the next one; "
                + "an application that changes while you walk comes again at the end, so a walk misses nothing. To keep a copy in step, "
                + "remember when your last walk started and ask again with `changedSince`. No personal data: erased applications appear, marked `erased`. "
                + "List reads are counted per client, not written in each application's audit trail.")
            .Produces<ApiApplicationPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/applications/{reference}", ApplicationAsync).WithName("GetApplication")
            .WithSummary("One application whole: answers, documents, letters, decision")
            .WithDescription("The answers by the definition's field ids, typed (numbers, booleans, dates as yyyy-MM-dd, repeating groups as arrays); "
                + "answers to fields the form hid are never given. Each letter carries its `verificationCode`, the one printed at its foot: "
                + "a paper letter someone shows is the one issued when its code and reference are those given here. Each read is written in the application's audit trail with this client's name, "
                + "as the applicant's right of access covers who consulted the file. An application outside this client's grant is 404, as one that does not exist.")
            .Produces<ApiApplication>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/applications/{reference}/documents/{id}", DocumentAsync).WithName("GetDocument")
            .WithSummary("A file the applicant attached, as stored")
            .WithDescription("An attachment (application/octet-stream); its SHA-256 is in the application's `documents`. The read is audited.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/applications/{reference}/letters/{id}", LetterAsync).WithName("GetLetter")
            .WithSummary("A letter the administration issued, as issued (HTML)")
            .WithDescription("An attachment (application/octet-stream holding the letter's HTML page); its SHA-256 is in the application's `letters`. The read is audited.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Anything else under /api is a problem document too, never the portal's HTML "not found" page.
        endpoints.Map("/api/{**rest}", () => ApiProblems.NotFound).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ProceduresAsync(HttpContext context, DefinitionStore definitions)
    {
        var client = ApiTokenAuthentication.ClientOf(context)!;
        var items = new List<ApiProcedure>();
        foreach (var id in client.Procedures.Order(StringComparer.Ordinal))
        {
            if (await definitions.LatestAsync(id, context.RequestAborted) is { } latest)
                items.Add(new ApiProcedure(id, latest.Version, ApiText.Of(latest.Definition.Title), latest.Definition.Category));
        }
        return Results.Ok(new ApiProcedureList(items));
    }

    private static async Task<IResult> ApplicationsAsync(
        HttpContext context, Applications applications, ApiClients clients,
        [Description("A procedure id: only its applications (403 `procedure-not-granted` when this client is not granted it).")] string? procedure,
        [Description("Only applications in this status: in_review, changes_requested, approved, rejected, acknowledged or withdrawn.")] string? status,
        [Description("A province id: only its applications (403 `province-not-granted` when this client is limited to other provinces).")] string? province,
        [Description("An ISO 8601 time, such as 2026-11-30T08:00:00Z (UTC when no offset is given): only applications changed at or after it.")] string? changedSince,
        [Description("The `next` of the page before, unchanged: the page after it.")] string? after,
        [Description("Lines a page, from 1 to 100; 50 when absent; more than 100 is read as 100.")] string? limit)
    {
        var client = ApiTokenAuthentication.ClientOf(context)!;
        var access = ApiClients.AccessOf(client);
        if (procedure is not null && !access.Procedures.Contains(procedure))
            return ApiProblems.ProcedureNotGranted;
        if (province is not null && access.Provinces.Count > 0 && !access.Provinces.Contains(province))
            return ApiProblems.ProvinceNotGranted;
        ApplicationStatus? wanted = null;
        if (status is not null)
        {
            if (!ApplicationStatuses.ByName.TryGetValue(status, out var named) || named == ApplicationStatus.Draft)
                return ApiProblems.InvalidParameter("status", "One of in_review, changes_requested, approved, rejected, acknowledged, withdrawn.");
            wanted = named;
        }
        DateTime? since = null;
        if (changedSince is not null)
        {
            if (!DateTimeOffset.TryParse(changedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                return ApiProblems.InvalidParameter("changedSince", "An ISO 8601 date and time, such as 2026-11-30T08:00:00Z.");
            since = parsed.UtcDateTime;
        }
        PartnerCursor? cursor = null;
        if (after is not null && (cursor = ApiCursor.Parse(after)) is null)
            return ApiProblems.InvalidParameter("after", "The `next` of a page, unchanged.");
        var lines = PartnerFilter.DefaultLimit;
        if (limit is not null)
        {
            if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) || asked < 1)
                return ApiProblems.InvalidParameter("limit", "A whole number from 1 to 100.");
            lines = Math.Min(asked, PartnerFilter.MaxLimit);
        }

        var page = await applications.PartnerPageAsync(access, new PartnerFilter(procedure, wanted, province, since, cursor, lines), context.RequestAborted);
        await clients.RecordUseAsync(client.Id, list: true, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new ApiApplicationPage([.. page.Items.Select(ApiApplicationSummary.Of)], page.Next is { } next ? ApiCursor.Format(next) : null));
    }

    private static async Task<IResult> ApplicationAsync([Description(ReferenceText)] string reference, HttpContext context, Applications applications, ApiClients clients, DefinitionStore definitions)
    {
        var client = ApiTokenAuthentication.ClientOf(context)!;
        var found = await applications.PartnerGetAsync(ApiClients.AccessOf(client), reference, context.RequestAborted);
        if (found.Value is not { } application)
            return Refused(found.Refusal, ApiProblems.ApplicationNotFound);
        await clients.RecordUseAsync(client.Id, list: false, context.RequestAborted);
        var definition = await definitions.GetAsync(application.Summary.ProcedureId, application.Summary.DefinitionVersion, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Ok(ApiApplication.Of(application, definition));
    }

    private static Task<IResult> DocumentAsync([Description(ReferenceText)] string reference, [Description("The document's `id` in the application's `documents`.")] string id, HttpContext context, Applications applications, ApiClients clients) =>
        SendAsync(context, clients, id, number => applications.PartnerOpenDocumentAsync(ApiClients.AccessOf(ApiTokenAuthentication.ClientOf(context)!), reference, number, context.RequestAborted));

    private static Task<IResult> LetterAsync([Description(ReferenceText)] string reference, [Description("The letter's `id` in the application's `letters`.")] string id, HttpContext context, Applications applications, ApiClients clients) =>
        SendAsync(context, clients, id, number => applications.PartnerOpenLetterAsync(ApiClients.AccessOf(ApiTokenAuthentication.ClientOf(context)!), reference, number, context.RequestAborted));

    /// <summary>
    /// A file as the portal's own downloads send one: never cached, an attachment of no declared type (nosniff is on every
    /// response). An id that is not a number is the same 404 as one the application does not have.
    /// </summary>
    private static async Task<IResult> SendAsync(HttpContext context, ApiClients clients, string id, Func<long, Task<Outcome<PartnerFile>>> open)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return ApiProblems.FileNotFound;
        var opened = await open(number);
        if (opened.Value is not { } file)
            return Refused(opened.Refusal, opened.Refusal?.Code == RefusalCodes.NotYours ? ApiProblems.ApplicationNotFound : ApiProblems.FileNotFound);
        await clients.RecordUseAsync(ApiTokenAuthentication.ClientOf(context)!.Id, list: false, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Stream(file.Content, "application/octet-stream");
    }

    private static IResult Refused(Refusal? refusal, IResult otherwise) => refusal?.Code == RefusalCodes.Busy ? ApiProblems.Busy : otherwise;
}

/// <summary>
/// The list's cursor as partners see it: opaque text (base64url of the last line's change time and id), so its form can
/// change without breaking anyone who passes it back unchanged.
/// </summary>
internal static class ApiCursor
{
    public static string Format(PartnerCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var text = cursor.ChangedAt.Ticks.ToString(CultureInfo.InvariantCulture) + "." + cursor.Id.ToString("N");
        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes(text));
    }

    public static PartnerCursor? Parse(string text)
    {
        if (text.Length is 0 or > 100)
            return null;
        var bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, bytes, out _, out var written) != System.Buffers.OperationStatus.Done)
            return null;
        var parts = Encoding.ASCII.GetString(bytes, 0, written).Split('.');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
            && Guid.TryParseExact(parts[1], "N", out var id)
            ? new PartnerCursor(new DateTime(ticks, DateTimeKind.Utc), id)
            : null;
    }
}
