using EmploymentProcedures.Host.Operations;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// Removes the accounts people signed up for and never confirmed, once <c>Portal:UnconfirmedAccountLifetime</c> (7 days)
/// has passed since the sign-up, so that an address typed by mistake is not held for ever: its owner can then sign up
/// with it. Runs at the start and every <c>Portal:SweepInterval</c> (zero turns it off). Such an account never signed in,
/// so nothing else refers to it. The same round deletes the drafts a closed account still owns (<see cref="AccountClosure.FinishAsync"/>).
/// Its deletes are conditional and safe twice, but with several instances it runs on the one holding its lease
/// (<see cref="LeasedJob"/>): every instance reading all the unconfirmed accounts each round would gain nothing.
/// </summary>
internal sealed partial class UnconfirmedAccountSweep(
    IServiceScopeFactory scopes, TimeProvider clock, PortalOptions settings, InstanceLeases leases, ILogger<UnconfirmedAccountSweep> logger)
    : LeasedJob(leases, clock)
{
    /// <summary>Removes the accounts whose sign-up is older than the lifetime and still unconfirmed; gives how many.</summary>
    public static async Task<int> RemoveExpiredAsync(AccountsDb db, DateTimeOffset now, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // SQLite cannot compare the stored offsets: the few unconfirmed accounts are read and the old ones picked here.
        var waiting = await db.Users.AsNoTracking().Where(a => !a.EmailConfirmed && a.SignedUpAt != null).ToListAsync(cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var account in waiting.Where(a => a.SignedUpAt!.Value + lifetime <= now))
        {
            // Only as read: an account confirmed (or signed up for again) since has a new concurrency stamp and stays. One
            // such account neither fails the round nor keeps the others.
            var stamp = account.ConcurrencyStamp;
            removed += await db.Users.Where(a => a.Id == account.Id && !a.EmailConfirmed && a.ConcurrencyStamp == stamp)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        return removed;
    }

    /// <summary>The lease's name.</summary>
    public const string Name = "unconfirmed-accounts";

    public override string Job => Name;

    protected override TimeSpan Period => settings.SweepInterval;

    protected internal override async Task RoundAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var removed = await RemoveExpiredAsync(scope.ServiceProvider.GetRequiredService<AccountsDb>(), Clock.GetUtcNow(), settings.UnconfirmedAccountLifetime, cancellationToken)
                .ConfigureAwait(false);
            if (removed > 0)
                Removed(removed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(e);
        }
        // Apart: a failure above does not keep a closure a crash interrupted (or a draft saved by a session that had
        // not yet noticed it) from being finished here.
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var drafts = await scope.ServiceProvider.GetRequiredService<AccountClosure>().FinishAsync(cancellationToken).ConfigureAwait(false);
            if (drafts > 0)
                ClosedDrafts(drafts);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ClosuresFailed(e);
        }
    }

    protected override void RoundFailed(Exception exception) => Failed(exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} account(s) whose address was never confirmed were removed")]
    private partial void Removed(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} draft(s) of closed accounts were deleted")]
    private partial void ClosedDrafts(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Removing the accounts whose address was never confirmed failed")]
    private partial void Failed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deleting the drafts of closed accounts failed; the next round tries again")]
    private partial void ClosuresFailed(Exception exception);
}
