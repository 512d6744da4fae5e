using System.Net;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Host.Accounts;

namespace EmploymentProcedures.Host.Verification;

/// <summary>
/// The public verification of a letter by its code, for anyone and without an account: the page <c>/verify</c> and
/// <c>/verify/{code}</c> (what the letter's QR code opens), and the letter itself as issued,
/// <c>GET /verify/{code}/letter</c>, which the page shows in a sandboxed frame. A code that is no letter's, malformed or
/// unknown, gets one and the same answer, and counts against the visitor's network address (<see cref="AccountThrottle"/>):
/// past the limit the address checks no code at all for the hour, so a hit tells nothing either.
/// </summary>
internal static class LetterChecks
{
    public const string LetterRoute = "/verify/{code}/letter";

    /// <summary>
    /// The letter goes out as issued, in a sandbox (an origin of its own, no script, nothing fetched), framed only by the
    /// portal's own verification page; this policy replaces the portal's for that response.
    /// </summary>
    public const string LetterContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

    /// <summary>The page of a code (relative to the base href).</summary>
    public static string PageUrl(VerificationCode code) => $"{VerificationBlock.Page}/{code}";

    /// <summary>The letter of a code, as issued (relative to the base href).</summary>
    public static string LetterUrl(VerificationCode code) => $"{VerificationBlock.Page}/{code}/letter";

    /// <summary>What <paramref name="typed"/> gives the visitor at <paramref name="address"/>.</summary>
    public static async Task<LetterCheck> CheckAsync(Applications applications, AccountThrottle throttle, IPAddress? address, string? typed, CancellationToken cancellationToken)
    {
        if (throttle.TooManyVerificationMisses(address))
            return new LetterCheck.TooMany(throttle.VerificationMissesPerAddress);
        if (await applications.CheckLetterAsync(typed, cancellationToken) is { } found)
            return new LetterCheck.Found(found);
        throttle.VerificationMissed(address);
        return new LetterCheck.Unknown();
    }

    public static IEndpointRouteBuilder MapLetterChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LetterRoute, async (string code, HttpContext context, Applications applications, AccountThrottle throttle) =>
        {
            var headers = context.Response.Headers;
            headers["X-Robots-Tag"] = "noindex, nofollow";
            headers.CacheControl = "no-store";
            var check = await CheckAsync(applications, throttle, context.Connection.RemoteIpAddress, code, context.RequestAborted);
            if (check is LetterCheck.TooMany)
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            if (check is not LetterCheck.Found { Letter.Content: { } html })
                return Results.NotFound();
            headers.ContentSecurityPolicy = LetterContentSecurityPolicy;
            headers.XFrameOptions = "SAMEORIGIN";
            return Results.Bytes(html, "text/html; charset=utf-8");
        });
        return endpoints;
    }
}

/// <summary>What a verification gives: the letter, no letter, or no check for now.</summary>
internal abstract record LetterCheck
{
    private LetterCheck()
    {
    }

    public sealed record Found(CheckedLetter Letter) : LetterCheck;

    /// <summary>Malformed or unknown alike.</summary>
    public sealed record Unknown : LetterCheck;

    public sealed record TooMany(int PerHour) : LetterCheck;
}
