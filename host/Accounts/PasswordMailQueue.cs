using System.Threading.Channels;
using EmploymentProcedures.Host.Notifying;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>An e-mail about an account that a request asked for and a background service sends.</summary>
internal abstract record PasswordMailRequest
{
    /// <summary>"Forgotten password" for an e-mail: a link goes only if an active account has that address.</summary>
    public sealed record Forgotten(string Email) : PasswordMailRequest;

    /// <summary>The account's password was just changed: it is told, in case it was not them.</summary>
    public sealed record Changed(string AccountId) : PasswordMailRequest;

    /// <summary>
    /// A sign-up, its checks passed and its password hashed: a new address gets its account (unconfirmed) and the link to
    /// confirm it; an address waiting for confirmation has its waiting sign-up replaced by this one and gets a new link (the
    /// earlier links stop working); an address with an account
    /// gets the notice that someone tried to sign up with it; a deactivated account gets nothing. The link carries
    /// <paramref name="ReturnUrl"/> on, the page the person was on their way to (a local address, or null).
    /// </summary>
    public sealed record SignUp(string Email, string DisplayName, string Role, string Language, string PasswordHash, string? ReturnUrl = null) : PasswordMailRequest;

    /// <summary>A new link to confirm an address, asked for again: sent only if an account waits for it; it carries <paramref name="ReturnUrl"/> on.</summary>
    public sealed record Confirm(string Email, string? ReturnUrl = null) : PasswordMailRequest;

    /// <summary>
    /// A person asked, with their password, to move their account to <paramref name="NewEmail"/>: the link confirming it goes
    /// to that address, unless another account has it, whose owner is then warned instead (the person is told the same).
    /// </summary>
    public sealed record ChangeEmail(string AccountId, string NewEmail) : PasswordMailRequest;

    /// <summary>The account's address was just changed: its old address is told, in case it was not its owner.</summary>
    public sealed record EmailChanged(string AccountId, string OldEmail) : PasswordMailRequest;

    /// <summary>
    /// Its owner closed the account: the last e-mail, to the address it had (<paramref name="Email"/>), greeting them by the
    /// name it had, in their language. The row holds them only until it is sent, or given up (both cleared then).
    /// </summary>
    public sealed record AccountClosed(string AccountId, string Email, string DisplayName, string Language) : PasswordMailRequest;

    /// <summary>
    /// An administrator opened the account for an agent (or the command line did, for the first administrator): the
    /// invitation with its link to choose a password goes while the account still has none; <paramref name="InvitedBy"/>
    /// names the administrator in it.
    /// </summary>
    public sealed record Invitation(string AccountId, string? InvitedBy) : PasswordMailRequest;

    /// <summary>The stored form of the request, due at once.</summary>
    public AccountMailRequest ToStored(DateTime now) => this switch
    {
        Forgotten r => new AccountMailRequest { Kind = AccountMailKinds.Forgotten, Email = r.Email, AskedAt = now, NextAttemptAt = now },
        Changed r => new AccountMailRequest { Kind = AccountMailKinds.Changed, AccountId = r.AccountId, AskedAt = now, NextAttemptAt = now },
        SignUp r => new AccountMailRequest
        {
            Kind = AccountMailKinds.SignUp, Email = r.Email, DisplayName = r.DisplayName, Role = r.Role, Language = r.Language,
            PasswordHash = r.PasswordHash, ReturnUrl = r.ReturnUrl, AskedAt = now, NextAttemptAt = now,
        },
        Confirm r => new AccountMailRequest { Kind = AccountMailKinds.Confirm, Email = r.Email, ReturnUrl = r.ReturnUrl, AskedAt = now, NextAttemptAt = now },
        ChangeEmail r => new AccountMailRequest { Kind = AccountMailKinds.EmailChange, AccountId = r.AccountId, Email = r.NewEmail, AskedAt = now, NextAttemptAt = now },
        EmailChanged r => new AccountMailRequest { Kind = AccountMailKinds.EmailChanged, AccountId = r.AccountId, Email = r.OldEmail, AskedAt = now, NextAttemptAt = now },
        AccountClosed r => new AccountMailRequest
        {
            Kind = AccountMailKinds.Closed, AccountId = r.AccountId, Email = r.Email, DisplayName = r.DisplayName, Language = r.Language, AskedAt = now, NextAttemptAt = now,
        },
        Invitation r => new AccountMailRequest { Kind = AccountMailKinds.Invitation, AccountId = r.AccountId, DisplayName = r.InvitedBy, AskedAt = now, NextAttemptAt = now },
        _ => throw new InvalidOperationException($"no stored form for {GetType().Name}"),
    };

    /// <summary>The request a stored row holds, or null for a row this version does not know.</summary>
    public static PasswordMailRequest? FromStored(AccountMailRequest stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored switch
        {
            { Kind: AccountMailKinds.Forgotten, Email: { } email } => new Forgotten(email),
            { Kind: AccountMailKinds.Changed, AccountId: { } id } => new Changed(id),
            { Kind: AccountMailKinds.SignUp, Email: { } email, DisplayName: { } name, Role: { } role, Language: { } language, PasswordHash: { } hash } =>
                new SignUp(email, name, role, language, hash, stored.ReturnUrl),
            { Kind: AccountMailKinds.Confirm, Email: { } email } => new Confirm(email, stored.ReturnUrl),
            { Kind: AccountMailKinds.EmailChange, AccountId: { } id, Email: { } email } => new ChangeEmail(id, email),
            { Kind: AccountMailKinds.EmailChanged, AccountId: { } id, Email: { } email } => new EmailChanged(id, email),
            { Kind: AccountMailKinds.Closed, AccountId: { } id, Email: { } email, Language: { } language } => new AccountClosed(id, email, stored.DisplayName ?? "", language),
            { Kind: AccountMailKinds.Invitation, AccountId: { } id } => new Invitation(id, stored.DisplayName),
            // A sign-up given up (its hash cleared) and then put back by hand: its account, if it was made, gets a new link.
            { Kind: AccountMailKinds.SignUp, Email: { } email, PasswordHash: null } => new Confirm(email, stored.ReturnUrl),
            _ => null,
        };
    }
}

/// <summary>
/// The e-mails about accounts that requests hand over rather than send (forgotten password, password changed, sign-up,
/// a new confirmation link, a change of address and its notice to the old address, a closed account's last e-mail, an
/// agent's invitation): a request answers at once and in the same words whether or not an account has the e-mail,
/// and looking the account up, writing its token and talking to the mail server happen here, after the answer, so the
/// time taken does not tell either. Each request is stored in the accounts database (<see cref="AccountMailRequest"/>,
/// one insert whatever the address) before the answer, and sent from there in the order asked, at least once: a request
/// waiting when the portal stops is sent after it starts again. An e-mail refused (or the server unreachable) is tried
/// again after <c>Mail:FirstRetryDelay</c>, doubling up to <c>Mail:MaxRetryDelay</c>, and given up after
/// <c>Mail:MaxAttempts</c> tries, logged and counted by <c>/health/ready</c>. Tokens and links are written when an
/// e-mail is sent, never stored. Every instance runs the queue, with no job lease (<see cref="Operations.LeasedJob"/>): a
/// round claims its requests row by row with a conditional update (<c>ClaimedBy</c>, <c>ClaimedUntil</c>), so no two
/// instances send the same one, and the instance that stored a request wakes at once to send it.
/// </summary>
internal sealed partial class PasswordMailQueue(IServiceScopeFactory scopes, MailOptions mail, TimeProvider clock, ILogger<PasswordMailQueue> logger)
    : BackgroundService
{
    /// <summary>How often the queue looks for requests when nothing wakes it (another instance's, or retries).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    private const int BatchSize = 20;

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Stores a request (one insert) and wakes the sender; the e-mail goes after the answer.</summary>
    public async Task EnqueueAsync(PasswordMailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
            db.AccountMails.Add(request.ToStored(clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Looks for requests now rather than at the next poll (an administrator put some back in the queue).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>The requests given up since <paramref name="since"/> (UTC): counted by the <c>mail</c> health check.</summary>
    public static Task<int> GivenUpSinceAsync(AccountsDb db, DateTime since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.AccountMails.CountAsync(r => r.GivenUpAt != null && r.GivenUpAt >= since, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = PollInterval;
            try
            {
                wait = await SendDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RoundFailed(e);
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(wait);
            try
            {
                await _wake.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The wait is over: look again.
            }
        }
    }

    /// <summary>Sends every request due now, oldest first; gives how long to wait before the next one falls due.</summary>
    internal async Task<TimeSpan> SendDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var claim = Guid.NewGuid().ToString("N");
            var started = clock.GetUtcNow().UtcDateTime;
            var due = await ClaimAsync(claim, started, cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var request in due)
                {
                    // Half the lease used: what is left goes back, so no other instance takes a row this one still sends.
                    if (clock.GetUtcNow().UtcDateTime - started > mail.ClaimLease / 2)
                        break;
                    await SendOneAsync(request, claim, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                await ReleaseAsync(claim).ConfigureAwait(false);
            }
            if (due.Count < BatchSize)
                break;
        }
        return await UntilNextAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Claims for the round <paramref name="claim"/> (a token unique to it) the oldest requests due: not given up, past
    /// their next attempt, claimed by nobody or by a round whose lease has lapsed (an instance that stopped). One UPDATE,
    /// whose condition is checked again on each row as it is written, so two instances on the same database never get the
    /// same request while a lease holds.
    /// </summary>
    internal async Task<IReadOnlyList<AccountMailRequest>> ClaimAsync(string claim, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claim);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        var due = db.AccountMails
            .Where(r => r.GivenUpAt == null && r.NextAttemptAt <= now && (r.ClaimedUntil == null || r.ClaimedUntil <= now))
            .OrderBy(r => r.Id).Take(BatchSize).Select(r => r.Id);
        var until = now + mail.ClaimLease;
        var claimed = await db.AccountMails
            .Where(r => due.Contains(r.Id) && r.GivenUpAt == null && (r.ClaimedUntil == null || r.ClaimedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, claim).SetProperty(r => r.ClaimedUntil, until), cancellationToken)
            .ConfigureAwait(false);
        if (claimed == 0)
            return [];
        return await db.AccountMails.AsNoTracking().Where(r => r.ClaimedBy == claim).OrderBy(r => r.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives back what the round <paramref name="claim"/> holds and did not finish, no attempt counted.</summary>
    internal async Task ReleaseAsync(string claim)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Not cancelled with the portal's stop: a stopping instance gives its rows back rather than leave them for the lease.
        await scope.ServiceProvider.GetRequiredService<AccountsDb>().AccountMails.Where(r => r.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, (string?)null).SetProperty(r => r.ClaimedUntil, (DateTime?)null), CancellationToken.None)
            .ConfigureAwait(false);
    }

    /// <summary>How long until a request falls due: its next attempt, or the lapse of another instance's claim on it.</summary>
    private async Task<TimeSpan> UntilNextAsync(CancellationToken cancellationToken)
    {
        await using var next = scopes.CreateAsyncScope();
        var waiting = next.ServiceProvider.GetRequiredService<AccountsDb>().AccountMails.Where(r => r.GivenUpAt == null);
        var unclaimed = await waiting.Where(r => r.ClaimedUntil == null).OrderBy(r => r.NextAttemptAt).Select(r => (DateTime?)r.NextAttemptAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var lapsing = await waiting.Where(r => r.ClaimedUntil != null).OrderBy(r => r.ClaimedUntil).Select(r => r.ClaimedUntil)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        DateTime? earliest = unclaimed is { } a && lapsing is { } b ? (a < b ? a : b) : unclaimed ?? lapsing;
        var untilDue = earliest is { } at ? at - clock.GetUtcNow().UtcDateTime : PollInterval;
        return untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue < PollInterval ? untilDue : PollInterval;
    }

    /// <summary>
    /// Sends one request claimed by <paramref name="claim"/>; deleted once done (or when there was nothing to send), else
    /// tried again later or given up, while the claim is still this round's (a lease taken over is the other's to count).
    /// </summary>
    private async Task SendOneAsync(AccountMailRequest stored, string claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AccountsDb>();
        Sent sent;
        try
        {
            sent = PasswordMailRequest.FromStored(stored) is { } request
                ? await SendAsync(services, request, cancellationToken).ConfigureAwait(false)
                : Sent.Refused($"a request of kind '{stored.Kind}' this version cannot send");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(stored.Id, stored.Kind, e);
            sent = Sent.Refused(e.GetType().Name);
        }

        // Deleted only after the e-mail was accepted: a crash in between sends it again (at least once).
        if (sent.Status == SentStatus.Accepted)
        {
            await db.AccountMails.Where(r => r.Id == stored.Id).ExecuteDeleteAsync(CancellationToken.None).ConfigureAwait(false);
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = stored.Attempts + 1;
        var error = sent.Reason is { Length: > ErrorLength } reason ? reason[..ErrorLength] : sent.Reason;
        var givenUp = attempts >= mail.MaxAttempts;
        DateTime? givenUpAt = givenUp ? now : null;
        var counted = await db.AccountMails.Where(r => r.Id == stored.Id && r.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Attempts, attempts)
                .SetProperty(r => r.LastError, error)
                .SetProperty(r => r.NextAttemptAt, now + mail.RetryDelay(attempts))
                .SetProperty(r => r.GivenUpAt, givenUpAt)
                .SetProperty(r => r.PasswordHash, r => givenUp ? null : r.PasswordHash)
                // A closed account's last e-mail holds the address and name it had: given up, they go.
                .SetProperty(r => r.Email, r => givenUp && r.Kind == AccountMailKinds.Closed ? null : r.Email)
                .SetProperty(r => r.DisplayName, r => givenUp && r.Kind == AccountMailKinds.Closed ? null : r.DisplayName)
                .SetProperty(r => r.ClaimedBy, (string?)null)
                .SetProperty(r => r.ClaimedUntil, (DateTime?)null), CancellationToken.None)
            .ConfigureAwait(false);
        if (counted > 0 && givenUp)
            GivenUp(stored.Id, stored.Kind, attempts, sent.Reason);
    }

    /// <summary>The longest error kept with a request (the rest is cut), as the outbox keeps its notifications'.</summary>
    public const int ErrorLength = 500;

    /// <summary>Looks the account up and sends what the request asks; Accepted also when there is nothing to send.</summary>
    private static async Task<Sent> SendAsync(IServiceProvider services, PasswordMailRequest request, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<Account>>();
        switch (request)
        {
            case PasswordMailRequest.Forgotten forgotten:
                if (await users.FindByEmailAsync(forgotten.Email).ConfigureAwait(false) is { Email: not null } account && !PasswordLinks.IsDeactivated(account))
                    return (await services.GetRequiredService<PasswordLinks>().SendLinkAsync(account, PasswordLinkPurpose.Reset, cancellationToken: cancellationToken).ConfigureAwait(false)).Sent;
                return Sent.Accepted;
            case PasswordMailRequest.Changed changed:
                if (await users.FindByIdAsync(changed.AccountId).ConfigureAwait(false) is { Email: not null } changedAccount)
                    return await SendMessageAsync(services, services.GetRequiredService<PasswordMail>().Changed(changedAccount), cancellationToken).ConfigureAwait(false);
                return Sent.Accepted;
            case PasswordMailRequest.SignUp signUp:
                return await SignUpAsync(services, signUp, cancellationToken).ConfigureAwait(false);
            case PasswordMailRequest.Confirm confirm:
                if (await users.FindByEmailAsync(confirm.Email).ConfigureAwait(false) is { } waiting && ConfirmationLinks.AwaitsConfirmation(waiting))
                    return await services.GetRequiredService<ConfirmationLinks>().SendAsync(waiting, confirm.ReturnUrl, cancellationToken).ConfigureAwait(false);
                return Sent.Accepted;
            case PasswordMailRequest.ChangeEmail change:
                return await services.GetRequiredService<AccountChanges>().SendAsync(change.AccountId, change.NewEmail, cancellationToken).ConfigureAwait(false);
            case PasswordMailRequest.AccountClosed closed:
                return await SendMessageAsync(services, services.GetRequiredService<PasswordMail>().AccountClosed(closed.Email, closed.DisplayName, closed.Language), cancellationToken).ConfigureAwait(false);
            case PasswordMailRequest.Invitation invitation:
                // Sent only while the account waits for its password: one chosen (through an earlier invitation's link),
                // deactivated or closed meanwhile has nothing to be invited to.
                if (await users.FindByIdAsync(invitation.AccountId).ConfigureAwait(false) is { Email: not null } invited && StaffQuery.StateOf(invited) == StaffState.Invited)
                    return (await services.GetRequiredService<PasswordLinks>().SendLinkAsync(invited, PasswordLinkPurpose.Invitation, invitation.InvitedBy, cancellationToken).ConfigureAwait(false)).Sent;
                return Sent.Accepted;
            case PasswordMailRequest.EmailChanged notice:
                if (await users.FindByIdAsync(notice.AccountId).ConfigureAwait(false) is { } moved)
                    return await SendMessageAsync(services, services.GetRequiredService<PasswordMail>().EmailChanged(moved, notice.OldEmail), cancellationToken).ConfigureAwait(false);
                return Sent.Accepted;
            default:
                throw new InvalidOperationException($"unknown request {request.GetType().Name}");
        }
    }

    private static async Task<Sent> SignUpAsync(IServiceProvider services, PasswordMailRequest.SignUp signUp, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<Account>>();
        var links = services.GetRequiredService<ConfirmationLinks>();
        var account = await users.FindByEmailAsync(signUp.Email).ConfigureAwait(false);
        if (account is null)
        {
            var created = links.New(signUp.Email, signUp.DisplayName, signUp.Role, signUp.Language, signUp.PasswordHash);
            var result = await users.CreateAsync(created).ConfigureAwait(false);
            if (result.Succeeded)
                return await links.SendAsync(created, signUp.ReturnUrl, cancellationToken).ConfigureAwait(false);
            // Another instance created it meanwhile: the address now has an account, answered as such below.
            account = await users.FindByEmailAsync(signUp.Email).ConfigureAwait(false);
            if (account is null)
                return Sent.Refused("the account could not be created: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
        if (ConfirmationLinks.AwaitsConfirmation(account))
        {
            // The latest sign-up is the one whose link its owner will open: it replaces the one waiting, in one write with a
            // new stamp, so a link of the earlier one no longer confirms an account with a password its owner did not choose.
            links.Replace(account, signUp.DisplayName, signUp.Role, signUp.Language, signUp.PasswordHash);
            var replaced = await users.UpdateSecurityStampAsync(account).ConfigureAwait(false);
            if (!replaced.Succeeded)
                return Sent.Refused("the waiting sign-up could not be replaced: " + string.Join("; ", replaced.Errors.Select(e => e.Code)));
            return await links.SendAsync(account, signUp.ReturnUrl, cancellationToken).ConfigureAwait(false);
        }
        if (PasswordLinks.IsDeactivated(account) || account.Email is null)
            return Sent.Accepted;
        return await SendMessageAsync(services, services.GetRequiredService<PasswordMail>().SignUpTaken(account), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Sent> SendMessageAsync(IServiceProvider services, MimeKit.MimeMessage message, CancellationToken cancellationToken)
    {
        await using var session = services.GetRequiredService<IMailDelivery>().Open();
        return await session.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending account e-mail request {Id} ({Kind}) failed")]
    private partial void Failed(long id, string kind, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Account e-mail request {Id} ({Kind}) was given up after {Attempts} attempts: {Reason}")]
    private partial void GivenUp(long id, string kind, int attempts, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of the account e-mails failed; it is tried again")]
    private partial void RoundFailed(Exception exception);
}
