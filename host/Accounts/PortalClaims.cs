using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>What the sign-in cookie says about an account besides its id and e-mail.</summary>
public static class PortalClaims
{
    public const string DisplayName = "ep:name";
    public const string Role = "ep:role";
    public const string Province = "ep:province";
    public const string Language = "ep:lang";
}

/// <summary>Puts the account's display name, role, provinces and language into the sign-in cookie.</summary>
internal sealed class AccountClaimsFactory(UserManager<Account> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(PortalClaims.Role, user.Role));
        identity.AddClaim(new Claim(PortalClaims.Language, user.PreferredLanguage));
        foreach (var province in user.Provinces)
            identity.AddClaim(new Claim(PortalClaims.Province, province));
        return identity;
    }
}
