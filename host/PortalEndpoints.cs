using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace EmploymentProcedures.Host;

/// <summary>
/// The two actions that must be plain HTTP posts because they set cookies: choosing a language and
/// signing out. Both are forms with an antiforgery token (checked by <c>UseAntiforgery</c> for any
/// endpoint that reads a form).
/// </summary>
internal static class PortalEndpoints
{
    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/language", async (HttpContext context, UserManager<Account> users, SignInManager<Account> signIn) =>
        {
            if (await ValidFormAsync(context) is not { } form)
                return Results.BadRequest();
            var chosen = Languages.Find(form["language"]) ?? Languages.Default;
            SetLanguageCookie(context, chosen);
            if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } account)
            {
                account.PreferredLanguage = chosen.Code;
                await users.UpdateAsync(account);
                await signIn.RefreshSignInAsync(account);
            }
            return Results.LocalRedirect(LocalUrl(form["returnUrl"]));
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        endpoints.MapPost("/account/sign-out", async (HttpContext context, SignInManager<Account> signIn) =>
        {
            if (await ValidFormAsync(context) is not { } form)
                return Results.BadRequest();
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LocalUrl(form["returnUrl"]));
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }

    /// <summary>
    /// The posted form when its antiforgery token is valid, else null (a 400). The endpoints read the
    /// form themselves: binding it as parameters would throw on a bad token instead of answering 400.
    /// </summary>
    internal static async Task<IFormCollection?> ValidFormAsync(HttpContext context)
    {
        // The token first: even HasFormContentType touches the form, which throws once the token is known bad.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true } || !context.Request.HasFormContentType)
            return null;
        return await context.Request.ReadFormAsync(context.RequestAborted);
    }

    /// <summary>Remembers the language for a year, for this browser, signed in or not.</summary>
    public static void SetLanguageCookie(HttpContext context, Language language)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language.Culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                IsEssential = true,
            });
    }

    /// <summary>
    /// A return address on this site (never another one: no open redirect), else the home page. A control character
    /// is refused too: browsers drop a tab or a line break from an address, so <c>/&#9;/evil.example</c> would lead away,
    /// and ASP.NET Core's local redirect throws on one (an error page instead of the language chosen).
    /// </summary>
    public static string LocalUrl(string? url) => ReturnAddress(url) ?? "/";

    /// <summary>
    /// The longest return address carried through sign-up into the confirmation e-mail's link: a prefilled link may be
    /// long, and an e-mailed link of several kilobytes is cut or refused by some mail clients and servers.
    /// </summary>
    public const int MaximumReturnAddress = 2000;

    /// <summary>
    /// A return address worth carrying on to another page (sign-up, the confirmation e-mail): one <see cref="LocalUrl"/>
    /// would follow, other than the home page everyone lands on anyway, and at most <see cref="MaximumReturnAddress"/>
    /// characters; else null, and the page or link goes without it.
    /// </summary>
    public static string? CarriedReturnAddress(string? url) =>
        ReturnAddress(url) is { Length: > 1 and <= MaximumReturnAddress } local ? local : null;

    private static string? ReturnAddress(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.Any(char.IsControl)
            ? url
            : null;

    /// <summary><paramref name="page"/> with <c>returnUrl</c> added when <paramref name="returnUrl"/> is worth carrying (<see cref="CarriedReturnAddress"/>).</summary>
    public static string WithReturnAddress(string page, string? returnUrl) =>
        CarriedReturnAddress(returnUrl) is { } carried
            ? page + (page.Contains('?', StringComparison.Ordinal) ? '&' : '?') + "returnUrl=" + Uri.EscapeDataString(carried)
            : page;
}
