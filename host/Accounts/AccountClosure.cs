using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>What an applicant's request to close their account came to.</summary>
internal enum ClosureOutcome
{
    /// <summary>The account is closed (now, or it already was).</summary>
    Closed,

    /// <summary>Applications are being processed: nothing was changed.</summary>
    Pending,

    /// <summary>Not an applicant's account (reviewers and staff are deactivated by an administrator): nothing was changed.</summary>
    NotAllowed,

    /// <summary>The account changed meanwhile (another session wrote it): nothing was changed, the person may try again.</summary>
    Conflict,
}

/// <summary>
/// An applicant closing their own account (law 09-08: their right to object, and to erasure where no legal obligation keeps
/// the data). Refused while applications are being processed (the administration owes a decision). Otherwise, across the two
/// stores in an order a crash cannot leave half done for the person:
/// <list type="number">
/// <item>one transaction of the accounts database makes the account unusable and anonymous: no password, its name and
/// address replaced by a tombstone (the user name becomes <c>closed-&lt;id&gt;</c>, no e-mail: the address is free to sign
/// up again), locked for ever, a new security stamp (every session ends), no e-mails, no sign-in times, <c>ClosedAt</c>; its
/// history records the closure and forgets the names and addresses its earlier entries held; the requests of the account
/// e-mails' queue about it or its address are dropped, and the last e-mail is queued (to the address, which the row holds
/// only until it is sent or given up). All of it or nothing: a failure or a crash inside leaves the account as it was,
/// its drafts untouched, and its owner may try again;</item>
/// <item>the drafts are deleted with their files (the engine's deletion of abandoned drafts: nothing else refers to them).
/// The account being closed already, nobody sees them any more; a failure here still tells the person their account is
/// closed, and the account sweep (<see cref="FinishAsync"/>, at the start and every <c>Portal:SweepInterval</c>) deletes
/// what a failure or a crash left, as it deletes a draft saved by a session that had not yet noticed the closure.</item>
/// </list>
/// Applications already closed stay: the administration keeps them until their retention ends, then erases them.
/// </summary>
internal sealed partial class AccountClosure(AccountsDb db, UserManager<Account> users, Applications applications, ProcedureCatalog catalog, PasswordMailQueue queue, TimeProvider clock, ILogger<AccountClosure> logger)
{
    /// <summary>The kind of <see cref="StaffChange"/> a closure records.</summary>
    public const string Closed = "closed";

    /// <summary>What the history keeps of a closed account's own name and addresses, and of who made its changes.</summary>
    public const string Forgotten = "—";

    /// <summary>The user name a closed account keeps (unique, like its id, and no address).</summary>
    public static string TombstoneUserName(string id) => "closed-" + id;

    /// <summary>Whether the account may close itself here: an applicant's (an agent is deactivated by an administrator).</summary>
    public bool MayClose(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return catalog.Library.Roles.TryGetValue(account.Role, out var role) && role.Kind == RoleKind.Applicant;
    }

    /// <summary>The applications that stop the closure: submitted and not decided.</summary>
    public Task<IReadOnlyList<ApplicationSummary>> PendingAsync(Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return applications.PendingOfAsync(account.Id, cancellationToken);
    }

    /// <summary>
    /// Closes <paramref name="account"/> (its password already checked by the caller), as described on the class. The
    /// account must be tracked by this scope's accounts context (read through its <c>UserManager</c>).
    /// </summary>
    public async Task<ClosureOutcome> CloseAsync(Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.ClosedAt is not null)
            return ClosureOutcome.Closed;
        if (!MayClose(account))
            return ClosureOutcome.NotAllowed;
        var outcome = await AnonymiseAsync(account, cancellationToken).ConfigureAwait(false);
        if (outcome != ClosureOutcome.Closed)
            return outcome;
        queue.Wake();
        try
        {
            // Not the request's token: the person may leave the page now, the closure is theirs already.
            await applications.DeleteDraftsOfAsync([account.Id], CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            DraftsLeft(e, account.Id);
        }
        return ClosureOutcome.Closed;
    }

    /// <summary>
    /// Deletes the drafts closed accounts still own (a crash between the closure's steps, or a save from a session that had
    /// not yet noticed); gives how many. Idempotent.
    /// </summary>
    public async Task<int> FinishAsync(CancellationToken cancellationToken = default)
    {
        var closed = await db.Users.AsNoTracking().Where(a => a.ClosedAt != null).Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return closed.Count == 0 ? 0 : await applications.DeleteDraftsOfAsync(closed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The accounts database's step: one transaction, or nothing when an application is being processed or the account
    /// changed since it was read.
    /// </summary>
    private async Task<ClosureOutcome> AnonymiseAsync(Account account, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var email = account.Email;
        var name = account.DisplayName;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Asked inside the transaction: SQLite's transaction holds the file's write lock from its start (the accounts and the
        // engine share the file), so no submission is stored between this answer and the closure. One from a session that
        // has not yet noticed the closure (its stamp is checked within Portal:SessionCheck) can still come before
        // CloseAsync deletes the drafts: the administration then processes it like any other, its notices going nowhere.
        if ((await applications.PendingOfAsync(account.Id, cancellationToken).ConfigureAwait(false)).Count > 0)
            return ClosureOutcome.Pending;

        // The history keeps what was done and when, not the names and addresses the person had.
        await db.StaffChanges.Where(c => c.AccountId == account.Id && (c.Field == "name" || c.Field == "email"))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.From, Forgotten).SetProperty(c => c.To, Forgotten), cancellationToken).ConfigureAwait(false);
        await db.StaffChanges.Where(c => c.AccountId == account.Id && c.ById == account.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ByName, Forgotten), cancellationToken).ConfigureAwait(false);
        // Requests of the queue about this account or its address (a change of address waiting, a notice): none goes now.
        await db.AccountMails.Where(r => r.AccountId == account.Id || (email != null && r.Email == email))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

        db.StaffChanges.Add(StaffChange.Of(account, Closed, account.Id, Forgotten, now.UtcDateTime));
        if (email is not null)
            db.AccountMails.Add(new PasswordMailRequest.AccountClosed(account.Id, email, name, account.PreferredLanguage).ToStored(now.UtcDateTime));

        account.ClosedAt = now;
        account.DisplayName = "";
        account.UserName = TombstoneUserName(account.Id);
        account.NormalizedUserName = users.NormalizeName(account.UserName);
        account.Email = null;
        account.NormalizedEmail = null;
        account.EmailConfirmed = false;
        account.PhoneNumber = null;
        account.PasswordHash = null;
        account.Provinces.Clear();
        account.Emails = EmailChoice.None;
        account.LockoutEnabled = true;
        account.LockoutEnd = DateTimeOffset.MaxValue;
        account.AccessFailedCount = 0;
        // Kept to warn the owner and find dormant agents: neither is of use once the account is closed.
        account.LastSignInAt = null;
        account.PreviousSignInAt = null;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            // Not through Identity's update: its validator wants an address, which a closed account no longer has. The
            // concurrency stamp still guards the write: a change saved meanwhile makes it fail, and nothing is kept.
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return ClosureOutcome.Closed;
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            return ClosureOutcome.Conflict;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {AccountId} is closed, but deleting its drafts failed: the account sweep deletes them")]
    private partial void DraftsLeft(Exception exception, string accountId);
}
