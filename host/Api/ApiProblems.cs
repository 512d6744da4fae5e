using Microsoft.AspNetCore.Mvc;

namespace EmploymentProcedures.Host.Api;

/// <summary>
/// The API's errors, as RFC 9457 problem documents (<c>application/problem+json</c>): a stable <c>type</c> (a URN, one per
/// kind of error, never changed once published) and the same <c>code</c> for programs to branch on, an English
/// <c>title</c> (an API is read by programs and by the developers who write them, whatever their language: the portal's
/// French, Arabic and English are for people), the HTTP status, and for a bad parameter which one and why.
/// </summary>
internal static class ApiProblems
{
    public const string TypePrefix = "urn:employment-procedures:api:problem:";

    /// <summary>Every problem the API answers, by code: the OpenAPI document lists them.</summary>
    public static readonly IReadOnlyList<(string Code, int Status, string Title)> All =
    [
        ("authentication-required", StatusCodes.Status401Unauthorized, "A bearer token is required"),
        ("invalid-token", StatusCodes.Status401Unauthorized, "The bearer token is unknown, revoked or expired"),
        ("procedure-not-granted", StatusCodes.Status403Forbidden, "This client is not granted that procedure"),
        ("province-not-granted", StatusCodes.Status403Forbidden, "This client is not granted that province"),
        ("application-not-found", StatusCodes.Status404NotFound, "No application with that reference is readable by this client"),
        ("file-not-found", StatusCodes.Status404NotFound, "The application has no such document or letter"),
        ("not-found", StatusCodes.Status404NotFound, "No such API resource"),
        ("invalid-parameter", StatusCodes.Status400BadRequest, "A query parameter is invalid"),
        ("rate-limited", StatusCodes.Status429TooManyRequests, "Too many requests: wait for the time Retry-After says"),
        ("busy", StatusCodes.Status503ServiceUnavailable, "The service is busy: try again shortly"),
        ("server-error", StatusCodes.Status500InternalServerError, "The request failed on the server"),
    ];

    public static IResult Unauthorized(bool tokenGiven) => Of(tokenGiven ? "invalid-token" : "authentication-required");

    public static IResult ProcedureNotGranted => Of("procedure-not-granted");

    public static IResult ProvinceNotGranted => Of("province-not-granted");

    public static IResult ApplicationNotFound => Of("application-not-found");

    public static IResult FileNotFound => Of("file-not-found");

    public static IResult NotFound => Of("not-found");

    public static IResult Busy => Of("busy");

    public static IResult RateLimited => Of("rate-limited");

    public static IResult ServerError => Of("server-error");

    /// <summary>A bad query parameter: which one (<c>parameter</c>) and what it should be (<c>detail</c>).</summary>
    public static IResult InvalidParameter(string parameter, string detail) => Of("invalid-parameter", detail, new Dictionary<string, object?> { ["parameter"] = parameter });

    public static ProblemDetails Details(string code, string? detail = null)
    {
        var (_, status, title) = All.Single(p => p.Code == code);
        var problem = new ProblemDetails { Type = TypePrefix + code, Title = title, Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        return problem;
    }

    private static IResult Of(string code, string? detail = null, Dictionary<string, object?>? extensions = null)
    {
        var problem = Details(code, detail);
        foreach (var (key, value) in extensions ?? [])
            problem.Extensions[key] = value;
        return Results.Problem(problem);
    }
}
