using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Host.Notifying;
using Microsoft.AspNetCore.Identity;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>Why a person is sent a link to choose a password.</summary>
public enum PasswordLinkPurpose
{
    /// <summary>They asked for it ("forgotten password"): valid 2 hours.</summary>
    Reset,

    /// <summary>An administrator opened their account: valid 7 days; it also confirms the e-mail.</summary>
    Invitation,
}

/// <summary>
/// The links that let a person choose their password: written with Identity's token providers (one per purpose,
/// <see cref="PasswordTokens"/>), sent by e-mail in the account's language, opened by <c>/account/password</c>. A link
/// works once (it carries the security stamp, which choosing the password changes), never for a deactivated account,
/// and ends the account's other sessions.
/// </summary>
public sealed partial class PasswordLinks
{
    /// <summary>The page a link opens.</summary>
    public const string Page = "account/password";

    private readonly UserManager<Account> _users;
    private readonly IMailDelivery _delivery;
    private readonly PasswordMail _mail;
    private readonly ProcedureLibrary _library;
    private readonly AccountThrottle _throttle;
    private readonly ILogger<PasswordLinks> _logger;

    internal PasswordLinks(UserManager<Account> users, IMailDelivery delivery, PasswordMail mail, ProcedureLibrary library, AccountThrottle throttle, ILogger<PasswordLinks> logger)
    {
        _users = users;
        _delivery = delivery;
        _mail = mail;
        _library = library;
        _throttle = throttle;
        _logger = logger;
    }

    /// <summary>An account an administrator deactivated: locked out for ever. It gets no working link.</summary>
    public static bool IsDeactivated(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.LockoutEnd == DateTimeOffset.MaxValue;
    }

    /// <summary>
    /// E-mails the account a link to choose its password, in the account's <c>PreferredLanguage</c> (fr/ar/en,
    /// Arabic right to left): <see cref="PasswordLinkPurpose.Reset"/> ("you asked to change your password", valid 2 hours) or
    /// <see cref="PasswordLinkPurpose.Invitation"/> ("an account was opened for you on the portal as &lt;role&gt;; choose your
    /// password", valid 7 days; <paramref name="invitedBy"/> names the administrator). Returns the link (an absolute URI under
    /// <c>Portal:PublicUrl</c>), so a command can also print it. The e-mail is sent now, once: when the delivery refuses it,
    /// that is logged and the link is still returned.
    /// </summary>
    /// <exception cref="InvalidOperationException">The account is deactivated or has no e-mail address (a caller's mistake).</exception>
    public async Task<Uri> SendAsync(Account account, PasswordLinkPurpose purpose, string? invitedBy = null, CancellationToken cancellationToken = default) =>
        (await SendLinkAsync(account, purpose, invitedBy, cancellationToken).ConfigureAwait(false)).Link;

    /// <summary>As <see cref="SendAsync"/>, also giving what the delivery answered (the account e-mails' queue tries again).</summary>
    internal async Task<(Uri Link, Sent Sent)> SendLinkAsync(Account account, PasswordLinkPurpose purpose, string? invitedBy = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (IsDeactivated(account))
            throw new InvalidOperationException($"Account {account.Id} is deactivated: it gets no link to choose a password.");
        if (string.IsNullOrWhiteSpace(account.Email))
            throw new InvalidOperationException($"Account {account.Id} has no e-mail address to send a link to.");

        var link = await LinkAsync(account, purpose).ConfigureAwait(false);
        var message = purpose == PasswordLinkPurpose.Invitation
            ? _mail.Invitation(account, link, _library, invitedBy)
            : _mail.Reset(account, link);
        await using var session = _delivery.Open();
        var sent = await session.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (sent.Status != SentStatus.Accepted)
            NotSent(purpose, account.Id, sent.Reason);
        return (link, sent);
    }

    /// <summary>
    /// A new link for the account to choose its password, written now and sent nowhere (the invitation's command prints
    /// it); it works as the e-mailed ones do, until a password is chosen. Never stored.
    /// </summary>
    internal async Task<Uri> LinkAsync(Account account, PasswordLinkPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(account);
        var token = await _users.GenerateUserTokenAsync(account, PasswordTokens.Provider(purpose), PasswordTokens.Purpose(purpose)).ConfigureAwait(false);
        return _mail.Absolute(FormattableString.Invariant(
            $"{Page}?purpose={PurposeName(purpose)}&account={Uri.EscapeDataString(account.Id)}&token={Uri.EscapeDataString(token)}"));
    }

    /// <summary>The account a link names when the link works now (its token valid, the account active), else null.</summary>
    internal async Task<Account?> OpenAsync(PasswordLinkPurpose purpose, string? accountId, string? token)
    {
        if (string.IsNullOrEmpty(accountId) || string.IsNullOrEmpty(token) || await _users.FindByIdAsync(accountId).ConfigureAwait(false) is not { } account)
            return null;
        if (IsDeactivated(account) || !await _users.VerifyUserTokenAsync(account, PasswordTokens.Provider(purpose), PasswordTokens.Purpose(purpose), token).ConfigureAwait(false))
            return null;
        return account;
    }

    /// <summary>
    /// Sets the password of the account a working link opened: checked by the portal's rules first; then the e-mail is
    /// confirmed (the link was read in that mailbox), the lockout and failures cleared, and the security stamp changed, so
    /// the link and every other session stop working. A link used by another request meanwhile fails (the account's
    /// concurrency stamp), as does one that no longer works.
    /// </summary>
    internal async Task<IdentityResult> ChooseAsync(PasswordLinkPurpose purpose, string? accountId, string? token, string password)
    {
        if (await OpenAsync(purpose, accountId, token).ConfigureAwait(false) is not { } account)
            return IdentityResult.Failed(new IdentityError { Code = LinkNotWorking, Description = LinkNotWorking });
        var errors = new List<IdentityError>();
        foreach (var validator in _users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(_users, account, password).ConfigureAwait(false);
            errors.AddRange(checkedPassword.Errors);
        }
        if (errors.Count > 0)
            return IdentityResult.Failed([.. errors]);

        account.PasswordHash = _users.PasswordHasher.HashPassword(account, password);
        account.EmailConfirmed = true;
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        // One write: the new stamp with the hash, the confirmation and the cleared lockout.
        var saved = await _users.UpdateSecurityStampAsync(account).ConfigureAwait(false);
        if (saved.Succeeded)
            _throttle.Succeeded(account.Email ?? "");
        else if (saved.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            return IdentityResult.Failed(new IdentityError { Code = LinkNotWorking, Description = LinkNotWorking });
        return saved;
    }

    /// <summary>The code of the refusal of a link that expired, was used, or was never written by the portal.</summary>
    internal const string LinkNotWorking = "LinkNotWorking";

    internal static string PurposeName(PasswordLinkPurpose purpose) => purpose == PasswordLinkPurpose.Invitation ? "invitation" : "reset";

    internal static PasswordLinkPurpose? PurposeOf(string? name) => name switch
    {
        "reset" => PasswordLinkPurpose.Reset,
        "invitation" => PasswordLinkPurpose.Invitation,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Purpose} e-mail to account {AccountId} was not sent: {Reason}")]
    private partial void NotSent(PasswordLinkPurpose purpose, string accountId, string? reason);
}
