using EmploymentProcedures.Host.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Localization;

namespace EmploymentProcedures.Host.Components.Account;

/// <summary>
/// The page an e-mailed link opens speaks the language of the e-mail (the account's) when the browser has never chosen
/// one: a person who reads Arabic is not met by a French page on another device.
/// </summary>
internal static class LinkLanguage
{
    /// <summary>
    /// When <paramref name="account"/>'s language is not the page's and the browser has chosen none, remembers it for the
    /// browser and opens the page again in it (a GET only: a post is answered in the language it came in).
    /// </summary>
    public static void Follow(HttpContext http, NavigationManager navigation, Accounts.Account account)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(navigation);
        ArgumentNullException.ThrowIfNull(account);
        if (HttpMethods.IsGet(http.Request.Method)
            && !http.Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName)
            && Languages.Find(account.PreferredLanguage) is { } language && language != Languages.Current)
        {
            PortalEndpoints.SetLanguageCookie(http, language);
            navigation.NavigateTo(navigation.Uri, forceLoad: true);
        }
    }
}
