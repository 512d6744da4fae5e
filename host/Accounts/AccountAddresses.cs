using Microsoft.AspNetCore.Identity;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// Whether an address may be an account's (its user name is its address): Identity's checks of the address's shape and of
/// the characters a user name allows, at sign-up and before a change of address is asked, so that a link is never sent
/// for an address the account could not take.
/// </summary>
internal static class AccountAddresses
{
    /// <summary>
    /// Identity's refusals of <paramref name="account"/>'s user name and address, except that another account has it: that
    /// is answered by e-mail to the address, never on a page.
    /// </summary>
    public static async Task<IReadOnlyList<IdentityError>> RefusalsAsync(UserManager<Account> users, Account account)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(account);
        var errors = new List<IdentityError>();
        foreach (var validator in users.UserValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, account).ConfigureAwait(false)).Errors
                .Where(e => e.Code is not (nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))));
        }
        return errors;
    }
}
