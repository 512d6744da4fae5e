using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

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
        endpoints.MapPost("/language", async (HttpContext context, [FromForm] string language, [FromForm] string? returnUrl, UserManager<Account> users, SignInManager<Account> signIn) =>
        {
            var chosen = Languages.Find(language) ?? Languages.Default;
            SetLanguageCookie(context, chosen);
            if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } account)
            {
                account.PreferredLanguage = chosen.Code;
                await users.UpdateAsync(account);
                await signIn.RefreshSignInAsync(account);
            }
            return Results.LocalRedirect(LocalUrl(returnUrl));
        });

        endpoints.MapPost("/account/sign-out", async ([FromForm] string? returnUrl, SignInManager<Account> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LocalUrl(returnUrl));
        });
        return endpoints;
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

    /// <summary>A return address on this site (never another one: no open redirect), else the home page.</summary>
    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
