using EmploymentProcedures.Host.Notifying;
using Microsoft.AspNetCore.Identity;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// The links that confirm the e-mail address of an account a person signed up for: written with their own token provider
/// (<see cref="PasswordTokens.ConfirmationProvider"/>, <c>Portal:ConfirmationLinkLifetime</c>), sent in the account's
/// language, opened by <c>/account/confirm</c> on any device, where the person presses "activate" (a post: opening the
/// link alone, as a mail filter that fetches links does, confirms nothing). Confirming renews the security stamp the token carries, so a
/// link works once. Until then the account cannot sign in; it is removed once <c>Portal:UnconfirmedAccountLifetime</c>
/// has passed (<see cref="UnconfirmedAccountSweep"/>).
/// </summary>
public sealed partial class ConfirmationLinks
{
    /// <summary>The page a link opens, and where a new link is asked for.</summary>
    public const string Page = "account/confirm";

    private readonly UserManager<Account> _users;
    private readonly IMailDelivery _delivery;
    private readonly PasswordMail _mail;
    private readonly TimeProvider _clock;
    private readonly ILogger<ConfirmationLinks> _logger;

    internal ConfirmationLinks(UserManager<Account> users, IMailDelivery delivery, PasswordMail mail, TimeProvider clock, ILogger<ConfirmationLinks> logger)
    {
        _users = users;
        _delivery = delivery;
        _mail = mail;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// An account the person signed up for and whose address is not confirmed yet (never one an administrator invited:
    /// its invitation link proves the address, and it has no password to sign in with).
    /// </summary>
    public static bool AwaitsConfirmation(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.SignedUpAt is not null && !account.EmailConfirmed && !PasswordLinks.IsDeactivated(account);
    }

    /// <summary>The account a sign-up creates: not confirmed, its password already hashed, in the page's language.</summary>
    internal Account New(string email, string displayName, string role, string language, string passwordHash) => new()
    {
        UserName = email,
        Email = email,
        DisplayName = displayName,
        Role = role,
        PreferredLanguage = language,
        PasswordHash = passwordHash,
        SignedUpAt = _clock.GetUtcNow(),
    };

    /// <summary>
    /// A new sign-up with the address of <paramref name="account"/>, still waiting for its confirmation, replaces the one
    /// waiting: its name, kind, language, password and sign-up time become the new sign-up's. Nothing proved who chose the
    /// first password, so it must not outlive a later sign-up: else whoever typed someone's address first would sign in to
    /// the account its owner confirms. The caller renews the security stamp with the change, so earlier links stop working.
    /// </summary>
    internal void Replace(Account account, string displayName, string role, string language, string passwordHash)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!AwaitsConfirmation(account))
            throw new InvalidOperationException($"Account {account.Id} is not waiting for its address to be confirmed.");
        account.DisplayName = displayName;
        account.Role = role;
        account.PreferredLanguage = language;
        account.PasswordHash = passwordHash;
        account.SignedUpAt = _clock.GetUtcNow();
    }

    /// <summary>
    /// E-mails the account a new link to confirm its address; gives what the delivery answered. The link carries
    /// <paramref name="returnUrl"/>, the page the person was on their way to, when it is a local address of at most
    /// <see cref="PortalEndpoints.MaximumReturnAddress"/> characters (a longer one is left out: the link stays one a mail
    /// client keeps whole); the confirmation page then offers the way on to it.
    /// </summary>
    internal async Task<Sent> SendAsync(Account account, string? returnUrl = null, CancellationToken cancellationToken = default)
    {
        if (!AwaitsConfirmation(account) || string.IsNullOrWhiteSpace(account.Email))
            throw new InvalidOperationException($"Account {account.Id} is not waiting for its address to be confirmed.");
        var token = await _users.GenerateUserTokenAsync(account, PasswordTokens.ConfirmationProvider, PasswordTokens.ConfirmationPurpose).ConfigureAwait(false);
        var link = _mail.Absolute(PortalEndpoints.WithReturnAddress(
            FormattableString.Invariant($"{Page}?account={Uri.EscapeDataString(account.Id)}&token={Uri.EscapeDataString(token)}"), returnUrl));
        await using var session = _delivery.Open();
        var sent = await session.SendAsync(_mail.Confirmation(account, link), cancellationToken).ConfigureAwait(false);
        if (sent.Status != SentStatus.Accepted)
            NotSent(account.Id, sent.Reason);
        return sent;
    }

    /// <summary>
    /// The account a link names when the link works now (its token valid, the account still waiting for its address to be
    /// confirmed), confirming nothing: what the page a link opens shows before the person presses "activate"; else null.
    /// </summary>
    internal async Task<Account?> WaitingForAsync(string? accountId, string? token)
    {
        if (string.IsNullOrEmpty(accountId) || string.IsNullOrEmpty(token) || await _users.FindByIdAsync(accountId).ConfigureAwait(false) is not { } account)
            return null;
        return AwaitsConfirmation(account)
            && await _users.VerifyUserTokenAsync(account, PasswordTokens.ConfirmationProvider, PasswordTokens.ConfirmationPurpose, token).ConfigureAwait(false)
            ? account
            : null;
    }

    /// <summary>
    /// Confirms the address of the account a link names when the link works now (its token valid, the account still
    /// waiting), and gives the account; else null (expired, used, forged, or used by another request meanwhile).
    /// </summary>
    internal async Task<Account?> ConfirmAsync(string? accountId, string? token)
    {
        if (await WaitingForAsync(accountId, token).ConfigureAwait(false) is not { } account)
            return null;
        account.EmailConfirmed = true;
        // One write: the confirmation with a new stamp, so this link stops working (another request using it fails on the
        // account's concurrency stamp).
        var saved = await _users.UpdateSecurityStampAsync(account).ConfigureAwait(false);
        return saved.Succeeded ? account : null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The link confirming account {AccountId}'s address was not sent: {Reason}")]
    private partial void NotSent(string accountId, string? reason);
}
