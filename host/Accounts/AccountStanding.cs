using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// The engine's question before each command a person sends (<see cref="IAccountStanding"/>): is their account neither
/// closed nor deactivated? One read of the account's row by its primary key, at the time of the command, in the
/// database every instance shares: an account closed in another tab, or deactivated by an administrator on another
/// instance, acts no more from a page opened before, without waiting for the circuit's revalidation
/// (<see cref="AccountRevalidation"/>, every minute), which then signs the page out. A lockout after wrong passwords is not a
/// deactivation: it stops sign-ins, not the session already open. An id no account has is not refused here: a usable
/// account is never deleted (a closure keeps its row, anonymised; only sign-ups never confirmed, which never signed in, are
/// removed), so such an actor is none of a signed-in person's (the engine's own, a test's), and the session check signs
/// out a principal whose account is gone.
/// </summary>
internal sealed class AccountStanding(IServiceScopeFactory scopes) : IAccountStanding
{
    public async Task<bool> IsActiveAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        var account = await db.Users.AsNoTracking().Where(a => a.Id == actor.UserId)
            .Select(a => new { a.ClosedAt, a.LockoutEnd }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return account is null || Active(account.ClosedAt, account.LockoutEnd);
    }

    /// <summary>Neither closed nor deactivated (locked out for ever); a lockout after wrong passwords ends, so it is not one.</summary>
    public static bool Active(DateTimeOffset? closedAt, DateTimeOffset? lockoutEnd) => closedAt is null && lockoutEnd != DateTimeOffset.MaxValue;
}
