using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// A circuit can live for hours after its sign-in: every minute it checks that the account still
/// exists and its security stamp has not changed (password changed or reset, role or provinces changed by an
/// administrator), and signs the circuit out otherwise, as the cookie's own check does for each request
/// (<c>Portal:SessionCheck</c>).
/// </summary>
internal sealed class AccountRevalidation(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        if (await users.GetUserAsync(authenticationState.User).ConfigureAwait(false) is not { } account)
            return false;
        if (!users.SupportsUserSecurityStamp)
            return true;
        var stamp = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(account).ConfigureAwait(false);
    }
}
