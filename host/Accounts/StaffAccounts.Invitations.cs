using System.Net.Mail;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Host.Accounts;

/// <remarks>
/// An invited account has no password: it cannot sign in until its owner follows the invitation's link and chooses one
/// (<see cref="PasswordLinks"/>, valid 7 days); "send the invitation again" gives a new link while it has none. The
/// invitation goes through the account e-mails' queue (<see cref="PasswordMailQueue"/>), stored in the transaction that
/// opens the account or records the new invitation: a mail server down is tried again, and an invitation given up is on
/// <c>/admin/mail</c> with the other account e-mails, to send again. Its link is written when it is sent, never stored.
/// </remarks>
public sealed partial class StaffAccounts
{
    /// <summary>
    /// Opens an account for an agent, with no password, and queues the invitation's e-mail with it. Refused, field by field: a bad or
    /// already used e-mail (naming whose), no name, a role that is not a reviewer's or staff's, a territorial role without
    /// provinces.
    /// </summary>
    public async Task<StaffOutcome> InviteAsync(Actor? by, StaffInvitation invitation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        if (!MayManage(by))
            return StaffOutcome.NotAllowed;
        var errors = new List<StaffError>();
        var email = (invitation.Email ?? "").Trim();
        if (email.Length == 0)
            errors.Add(new StaffError("Email", "Staff.EmailRequired"));
        else if (!IsEmail(email))
            errors.Add(new StaffError("Email", "Staff.EmailInvalid"));
        else if (await _users.FindByEmailAsync(email).ConfigureAwait(false) is { } holder)
            errors.Add(new StaffError("Email", "Staff.EmailUsed", $"{holder.DisplayName} ({holder.Email})"));
        var name = CheckName(invitation.Name, errors);
        var (role, provinces) = CheckRole(invitation.Role, invitation.Provinces, errors);
        if (errors.Count > 0)
            return StaffOutcome.Refused([.. errors]);

        var account = new Account
        {
            UserName = email,
            Email = email,
            DisplayName = name,
            Role = role!.Id,
            Provinces = provinces,
            PreferredLanguage = Localization.Languages.Find(invitation.Language)?.Code ?? Localization.Languages.Default.Code,
        };
        await using (var transaction = await _db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            var created = await _users.CreateAsync(account).ConfigureAwait(false);
            if (!created.Succeeded)
                return StaffOutcome.Refused([.. created.Errors.Select(e => new StaffError("Email", "Staff.EmailInvalid"))]);
            _db.StaffChanges.Add(Change(by!, account, StaffChangeKinds.Invited, from: provinces.Count > 0 ? Joined(provinces) : null, to: role.Id));
            QueueInvitation(account, by!);
            await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        _mails.Wake();
        return StaffOutcome.Done(account);
    }

    /// <summary>A new invitation for an account still waiting for its password; nothing for any other.</summary>
    public async Task<StaffOutcome> InviteAgainAsync(Actor? by, string id, CancellationToken cancellationToken = default)
    {
        if (!MayManage(by))
            return StaffOutcome.NotAllowed;
        if (await _users.FindByIdAsync(id).ConfigureAwait(false) is not { } account)
            return StaffOutcome.Unknown;
        if (StaffQuery.StateOf(account) != StaffState.Invited)
            return StaffOutcome.Refused(new StaffError("", "Staff.NotInvited"));
        _db.StaffChanges.Add(Change(by!, account, StaffChangeKinds.InvitedAgain));
        QueueInvitation(account, by!);
        await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        _mails.Wake();
        return StaffOutcome.Done(account);
    }

    /// <summary>
    /// The first administrator of a deployment (<c>invite-administrator</c>): a new administrator account invited, or the
    /// invitation sent again to an administrator account that still has no password. Any other account with that e-mail is
    /// left as it is and named.
    /// </summary>
    internal async Task<StaffOutcome> InviteAdministratorAsync(string email, string name, CancellationToken cancellationToken = default)
    {
        if (await _users.FindByEmailAsync(email.Trim()).ConfigureAwait(false) is not { } existing)
            return await InviteAsync(CommandLine, new StaffInvitation(email, name, Administrator, [], Localization.Languages.Default.Code), cancellationToken).ConfigureAwait(false);
        if (existing.Role == Administrator && StaffQuery.StateOf(existing) == StaffState.Invited)
            return await InviteAgainAsync(CommandLine, existing.Id, cancellationToken).ConfigureAwait(false);
        return StaffOutcome.Refused(new StaffError("Email", "Staff.EmailUsed", $"{existing.DisplayName} ({existing.Email})"));
    }

    /// <summary>Who acts for <c>invite-administrator</c>: whoever could run a command on the server.</summary>
    private static readonly Actor CommandLine = new(StaffChangeKinds.CommandLine, "invite-administrator", Administrator, Engine.Definitions.RoleKind.Staff, []);

    /// <summary>The invitation's e-mail, naming the administrator (none when it comes from the command line), saved with the caller's changes.</summary>
    private void QueueInvitation(Account account, Actor by) =>
        _db.AccountMails.Add(new PasswordMailRequest.Invitation(account.Id, by.UserId == StaffChangeKinds.CommandLine ? null : by.Name).ToStored(_clock.GetUtcNow().UtcDateTime));

    /// <summary>An address alone (<c>agent@emploi.gov.ma</c>), as Identity and mail servers take it: no display name, no spaces.</summary>
    private static bool IsEmail(string email) =>
        email.Length <= 256 && MailAddress.TryCreate(email, out var address) && address.Address == email && address.DisplayName.Length == 0
        && email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && email.IndexOf('.', at) > at + 1 && !email.Any(char.IsWhiteSpace);
}
