using EmploymentProcedures.Host.Notifying;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// What a person changes on their own account (law 09-08's rectification), each kept in the account's history
/// (<see cref="StaffChange"/>, by the person themselves): their name (applicants; an administrator changes a reviewer's),
/// and their e-mail address, moved only once a link e-mailed to the new address is used. The link is written when the
/// account e-mails' queue sends it (<see cref="PasswordMailQueue"/>), never stored; it carries the account's security
/// stamp and the new address, so it stops working once the address or the password changes. Scoped (one accounts context
/// per request).
/// </summary>
public sealed partial class AccountChanges
{
    /// <summary>The page a link to move an account to a new address opens.</summary>
    public const string Page = "account/email";

    /// <summary>The kind of <see cref="StaffChange"/> a download of one's data records.</summary>
    public const string DataExported = "data_exported";

    private readonly UserManager<Account> _users;
    private readonly AccountsDb _db;
    private readonly IMailDelivery _delivery;
    private readonly PasswordMail _mail;
    private readonly PasswordMailQueue _queue;
    private readonly TimeProvider _clock;
    private readonly ILogger<AccountChanges> _logger;

    internal AccountChanges(UserManager<Account> users, AccountsDb db, IMailDelivery delivery, PasswordMail mail, PasswordMailQueue queue, TimeProvider clock, ILogger<AccountChanges> logger)
    {
        _users = users;
        _db = db;
        _delivery = delivery;
        _mail = mail;
        _queue = queue;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Gives the account the name <paramref name="name"/> (already checked by <see cref="AccountNames"/>), in one write with
    /// its history entry and its search key; false when the write failed (the account changed meanwhile).
    /// </summary>
    internal async Task<bool> RenameAsync(Account account, string name)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.DisplayName == name)
            return true;
        var change = Record(account, StaffChangeKinds.Changed, "name", account.DisplayName, name);
        account.DisplayName = name;
        return await SaveAsync(account, change, renewStamp: false).ConfigureAwait(false);
    }

    /// <summary>Records in the account's history that its owner downloaded their data (who else would need to know: an administrator looking into a stolen session).</summary>
    internal async Task RecordExportAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        _db.StaffChanges.Add(Record(account, DataExported));
        await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends what a request to move <paramref name="accountId"/> to <paramref name="newEmail"/> calls for: the link to the
    /// new address; or, when another account has that address, the warning to that account's owner (the person asking was
    /// told the same either way); nothing for an account gone or deactivated meanwhile.
    /// </summary>
    internal async Task<Sent> SendAsync(string accountId, string newEmail, CancellationToken cancellationToken)
    {
        if (await _users.FindByIdAsync(accountId).ConfigureAwait(false) is not { Email: not null } account || PasswordLinks.IsDeactivated(account))
            return Sent.Accepted;
        if (await _users.FindByEmailAsync(newEmail).ConfigureAwait(false) is { } holder)
        {
            return holder.Id == account.Id || holder.Email is null || PasswordLinks.IsDeactivated(holder)
                ? Sent.Accepted
                : await SendAsync(_mail.EmailTaken(holder), cancellationToken).ConfigureAwait(false);
        }
        var token = await _users.GenerateUserTokenAsync(account, PasswordTokens.EmailChangeProvider, Purpose(newEmail)).ConfigureAwait(false);
        var link = _mail.Absolute(FormattableString.Invariant(
            $"{Page}?account={Uri.EscapeDataString(account.Id)}&email={Uri.EscapeDataString(newEmail)}&token={Uri.EscapeDataString(token)}"));
        return await SendAsync(_mail.EmailChangeLink(account, newEmail, link), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The account a link names when the link works now (its token written for this address and the account as it is: no
    /// address or password changed since, not expired), the account active; else null. Changes nothing.
    /// </summary>
    internal async Task<Account?> OpenAsync(string? accountId, string? newEmail, string? token)
    {
        if (string.IsNullOrEmpty(accountId) || string.IsNullOrWhiteSpace(newEmail) || string.IsNullOrEmpty(token)
            || await _users.FindByIdAsync(accountId).ConfigureAwait(false) is not { } account || PasswordLinks.IsDeactivated(account))
        {
            return null;
        }
        return await _users.VerifyUserTokenAsync(account, PasswordTokens.EmailChangeProvider, Purpose(newEmail), token).ConfigureAwait(false) ? account : null;
    }

    /// <summary>
    /// Moves the account a working link names to the link's address and gives the old one; null when the link no longer
    /// works, or another account took the address meanwhile. One write: the address (and the user name, which is the
    /// address), confirmed, with a new security stamp (the link and the account's other sessions stop working), its
    /// history entry, and the notice to the old address, which the account e-mails' queue sends.
    /// </summary>
    internal async Task<(Account Account, string OldEmail)?> ConfirmAsync(string? accountId, string? newEmail, string? token)
    {
        if (await OpenAsync(accountId, newEmail, token).ConfigureAwait(false) is not { Email: { } oldEmail } account)
            return null;
        var email = newEmail!.Trim();
        var change = Record(account, StaffChangeKinds.Changed, "email", oldEmail, email);
        account.Email = email;
        account.UserName = email;
        account.EmailConfirmed = true;
        var notice = new PasswordMailRequest.EmailChanged(account.Id, oldEmail).ToStored(_clock.GetUtcNow().UtcDateTime);
        _db.AccountMails.Add(notice);
        if (!await SaveAsync(account, change, renewStamp: true).ConfigureAwait(false))
        {
            _db.Entry(notice).State = EntityState.Detached;
            return null;
        }
        _queue.Wake();
        return (account, oldEmail);
    }

    /// <summary>The purpose written into a token: the new address as Identity normalises it, so the link moves to no other.</summary>
    private static string Purpose(string newEmail) => "change-email:" + newEmail.Trim().ToUpperInvariant();

    private async Task<bool> SaveAsync(Account account, StaffChange change, bool renewStamp)
    {
        _db.StaffChanges.Add(change);
        // Identity's update saves the history entry with the account (the same context), and checks the address is free.
        var saved = renewStamp
            ? await _users.UpdateSecurityStampAsync(account).ConfigureAwait(false)
            : await _users.UpdateAsync(account).ConfigureAwait(false);
        if (saved.Succeeded)
            return true;
        _db.Entry(change).State = EntityState.Detached;
        await _db.Entry(account).ReloadAsync().ConfigureAwait(false);
        return false;
    }

    private async Task<Sent> SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken)
    {
        await using var session = _delivery.Open();
        var sent = await session.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (sent.Status != SentStatus.Accepted)
            NotSent(sent.Reason);
        return sent;
    }

    /// <summary>A change the person made to their own account.</summary>
    private StaffChange Record(Account account, string kind, string? field = null, string? from = null, string? to = null) =>
        StaffChange.Of(account, kind, account.Id, account.DisplayName, _clock.GetUtcNow().UtcDateTime, field, from, to);

    [LoggerMessage(Level = LogLevel.Error, Message = "An e-mail about a change of address was not sent: {Reason}")]
    private partial void NotSent(string? reason);
}
