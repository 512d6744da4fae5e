using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Components.Account;

/// <summary>
/// The current password a form of the account page asks before a change (of password, of address), checked as a sign-in
/// would check it: a wrong one counts towards the account's lockout and the network address's failures, so a session left
/// open does not let anyone guess it, nor change the account without it.
/// </summary>
internal static class CurrentPassword
{
    /// <summary>Null when <paramref name="password"/> is the account's; else what to say under the field.</summary>
    public static async Task<string?> RefusalAsync(
        Accounts.Account account, string password, SignInManager<Accounts.Account> signIn, AccountThrottle throttle, HttpContext http, IStringLocalizer<Strings> strings)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(throttle);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(strings);
        var email = account.Email ?? "";
        var check = throttle.Locked(email) ? SignInResult.LockedOut : await signIn.CheckPasswordSignInAsync(account, password, lockoutOnFailure: true);
        if (!check.Succeeded && !check.IsLockedOut && throttle.Failed(email, http.Connection.RemoteIpAddress))
            check = SignInResult.LockedOut;
        if (check.IsLockedOut)
            return string.Format(Languages.Current.Culture, strings["SignIn.LockedOut"].Value, (int)AccountThrottle.Lockout.TotalMinutes);
        if (!check.Succeeded)
            return strings["ChangePassword.WrongCurrent"];
        throttle.Succeeded(email);
        return null;
    }
}
