using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Components.Account;

/// <summary>
/// The checks of a form that asks for a link by e-mail ("forgotten password", a new confirmation link, a change of address) before the request
/// goes to the queue: an address of the right shape, then the limits per network address and per e-mail. Neither says
/// anything of who has an account: the shape is the address's own, and the limits count every address typed.
/// </summary>
internal static class LinkRequest
{
    /// <summary>
    /// Null when the link may be asked for; else what to say: on the e-mail field (<c>OnField</c>) or above the form (a
    /// refusal from the limits; too many from this network address also makes the answer 429).
    /// </summary>
    /// <param name="tooManyFromAddressKey">The text key saying the network address asked too often, which names the form's purpose.</param>
    public static (string Message, bool OnField)? Refusal(string email, AccountThrottle throttle, HttpContext http, IStringLocalizer<Strings> strings, string tooManyFromAddressKey)
    {
        ArgumentNullException.ThrowIfNull(throttle);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(strings);
        if (email.Length == 0)
            return (strings["SignUp.EmailRequired"], true);
        if (email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out _))
            return (strings["Identity.InvalidEmail"], true);
        var culture = Languages.Current.Culture;
        switch (throttle.PasswordLink(email, http.Connection.RemoteIpAddress))
        {
            case PasswordLinkQuota.TooManyFromAddress:
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return (string.Format(culture, strings[tooManyFromAddressKey].Value, throttle.PasswordLinksPerAddress), false);
            case PasswordLinkQuota.TooManyForEmail:
                return (string.Format(culture, strings["ForgotPassword.TooManyForEmail"].Value, throttle.PasswordLinksPerEmail), false);
            default:
                return null;
        }
    }
}
