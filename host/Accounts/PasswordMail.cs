using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Notifying;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// The e-mails about an account, in the account's language (right to left in Arabic), as a plain-text and an HTML part:
/// the link to choose a new password (asked for, or an invitation to a new account), the notice that it was changed, the
/// link that confirms a new account's address, the notice to an account's owner that someone tried to sign up with it,
/// and for a change of address the link to the new one, the notice to the old one, and the warning to an address taken.
/// </summary>
internal sealed class PasswordMail(IStringLocalizer<Strings> strings, TimeProvider clock, NotificationMail notifications, PortalOptions portal)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The page where a person asks for a new link.</summary>
    public const string ForgotPage = "account/forgot-password";

    public Uri Absolute(string page) => notifications.Absolute(page);

    public MimeMessage Reset(Account account, Uri link) => Write(account, "reset", language => new(
        strings["PasswordMail.ResetSubject"].Value,
        [
            Format(language, "PasswordMail.ResetBody", account.Email),
            Valid(language, portal.ResetLinkLifetime),
            strings["PasswordMail.ResetIgnore"].Value,
        ],
        [(strings["PasswordMail.ResetAction"].Value, link)]));

    public MimeMessage Invitation(Account account, Uri link, ProcedureLibrary library, string? invitedBy) => Write(account, "invitation", language => new(
        strings["PasswordMail.InvitationSubject"].Value,
        [
            string.IsNullOrWhiteSpace(invitedBy)
                ? Format(language, "PasswordMail.InvitationBody", RoleLabels.Of(library, account.Role, language))
                : Format(language, "PasswordMail.InvitationBodyBy", RoleLabels.Of(library, account.Role, language), invitedBy),
            Format(language, "PasswordMail.InvitationSignIn", account.Email),
            Valid(language, portal.InvitationLifetime),
        ],
        [(strings["PasswordMail.InvitationAction"].Value, link)]));

    public MimeMessage Changed(Account account) => Write(account, "changed", language => new(
        strings["PasswordMail.ChangedSubject"].Value,
        [
            Format(language, "PasswordMail.ChangedBody", account.Email, clock.GetLocalNow().ToString("f", language.Culture)),
            strings["PasswordMail.ChangedNotYou"].Value,
        ],
        [(strings["PasswordMail.ChangedAction"].Value, Absolute(ForgotPage))]));

    /// <summary>The link that confirms the address of an account the person just signed up for.</summary>
    public MimeMessage Confirmation(Account account, Uri link) => Write(account, "confirmation", language => new(
        strings["SignUpMail.ConfirmSubject"].Value,
        [
            Format(language, "SignUpMail.ConfirmBody", account.Email),
            Valid(language, portal.ConfirmationLinkLifetime),
            strings["SignUpMail.ConfirmIgnore"].Value,
        ],
        [(strings["SignUpMail.ConfirmAction"].Value, link)]));

    /// <summary>To an account's owner: someone tried to sign up with its address (no account was created).</summary>
    public MimeMessage SignUpTaken(Account account) => Write(account, "taken", language => new(
        strings["SignUpMail.TakenSubject"].Value,
        [
            Format(language, "SignUpMail.TakenBody", account.Email),
            strings["SignUpMail.TakenNotYou"].Value,
        ],
        [(strings["SignUpMail.TakenSignIn"].Value, Absolute(SignInPage)), (strings["PasswordMail.ChangedAction"].Value, Absolute(ForgotPage))]));

    /// <summary>The sign-in page.</summary>
    public const string SignInPage = "account/sign-in";

    /// <summary>To the new address a person asked to move their account to: the link that makes the move (written to that address).</summary>
    public MimeMessage EmailChangeLink(Account account, string newEmail, Uri link) => Write(account, "email-change", language => new(
        strings["EmailChangeMail.LinkSubject"].Value,
        [
            Format(language, "EmailChangeMail.LinkBody", account.Email, newEmail),
            Valid(language, portal.ConfirmationLinkLifetime),
            strings["EmailChangeMail.LinkIgnore"].Value,
        ],
        [(strings["EmailChangeMail.LinkAction"].Value, link)]), to: newEmail);

    /// <summary>
    /// To the old address of an account just moved to another: what changed and when, so that a move made from a stolen
    /// session does not go unseen by the owner.
    /// </summary>
    public MimeMessage EmailChanged(Account account, string oldEmail) => Write(account, "email-changed", language => new(
        strings["EmailChangeMail.ChangedSubject"].Value,
        [
            Format(language, "EmailChangeMail.ChangedBody", oldEmail, account.Email, clock.GetLocalNow().ToString("f", language.Culture)),
            strings["EmailChangeMail.ChangedNotYou"].Value,
        ],
        []), to: oldEmail);

    /// <summary>To an account's owner: someone asked to move another account to this address (nothing was changed).</summary>
    public MimeMessage EmailTaken(Account owner) => Write(owner, "email-taken", language => new(
        strings["EmailChangeMail.TakenSubject"].Value,
        [
            Format(language, "EmailChangeMail.TakenBody", owner.Email),
            strings["EmailChangeMail.TakenNotYou"].Value,
        ],
        [(strings["SignUpMail.TakenSignIn"].Value, Absolute(SignInPage))]));

    /// <summary>
    /// The last e-mail to the address of an account its owner closed (the account no longer holds the address, the name or
    /// the language: the queue's row does, until this is sent): it is closed, what happens to its applications, and what to
    /// do if it was not them.
    /// </summary>
    public MimeMessage AccountClosed(string email, string name, string language) =>
        Write(new Account { Email = email, DisplayName = name, PreferredLanguage = language }, "closed", lang => new(
            strings["ClosureMail.Subject"].Value,
            [
                Format(lang, "ClosureMail.Body", email, clock.GetLocalNow().ToString("f", lang.Culture)),
                strings["ClosureMail.Kept"].Value,
                strings["ClosureMail.NotYou"].Value,
            ],
            []));

    /// <summary>What one e-mail says: its subject, its paragraphs, and its links (what each one does, and where).</summary>
    private sealed record Texts(string Subject, string[] Paragraphs, (string Action, Uri Link)[] Links);

    /// <summary>
    /// One e-mail to the account (at <paramref name="to"/> when given, else its address): greeting, paragraphs, the link,
    /// and the portal's signature, read in its language.
    /// </summary>
    private MimeMessage Write(Account account, string kind, Func<Language, Texts> texts, string? to = null)
    {
        var language = Languages.Find(account.PreferredLanguage) ?? Languages.Default;
        return NotificationMail.InLanguage(language, () =>
        {
            var said = texts(language);
            var site = strings["Site.Name"].Value;
            var greeting = Format(language, "Mail.Greeting", account.DisplayName);
            var noReply = strings["PasswordMail.NoReply"].Value;

            var message = notifications.Start(language, new MailboxAddress(account.DisplayName, to ?? account.Email ?? ""), said.Subject,
                $"password-{kind}-{Guid.NewGuid():N}@{notifications.MailHost}");

            var text = new StringBuilder().AppendLine(greeting).AppendLine();
            foreach (var paragraph in said.Paragraphs)
                text.AppendLine(paragraph).AppendLine();
            foreach (var (action, link) in said.Links)
                text.AppendLine(action + strings["Notifications.Separator"].Value + link.AbsoluteUri).AppendLine();
            text.AppendLine("-- ").AppendLine(site).AppendLine(noReply);

            var html = NotificationMail.HtmlStart(language, said.Subject, greeting);
            foreach (var paragraph in said.Paragraphs)
                html.Append("<p>").Append(Html.Encode(paragraph)).Append("</p>");
            foreach (var (action, link) in said.Links)
                html.Append("<p><a href=\"").Append(Html.Encode(link.AbsoluteUri)).Append("\">").Append(Html.Encode(action)).Append("</a></p>");
            html.Append("<hr><p style=\"font-size:small;color:#555;\">").Append(Html.Encode(site)).Append(" — ").Append(Html.Encode(noReply)).Append("</p></body></html>");

            message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
            return message;
        });
    }

    private string Format(Language language, string key, params object?[] values) => string.Format(language.Culture, strings[key].Value, values);

    /// <summary>How long a reset link works (<c>Portal:ResetLinkLifetime</c>).</summary>
    public TimeSpan ResetLifetime => portal.ResetLinkLifetime;

    /// <summary>How long a link confirming a new account's address works (<c>Portal:ConfirmationLinkLifetime</c>).</summary>
    public TimeSpan ConfirmationLifetime => portal.ConfirmationLinkLifetime;

    /// <summary>"This link works for 2 hours" / "7 days" / "30 minutes", and only once: from the provider's lifetime.</summary>
    public string Valid(Language language, TimeSpan lifetime) =>
        lifetime >= TimeSpan.FromDays(1) && lifetime.Ticks % TimeSpan.TicksPerDay == 0 ? Format(language, "PasswordMail.ValidDays", (int)lifetime.TotalDays)
        : lifetime >= TimeSpan.FromHours(1) ? Format(language, "PasswordMail.ValidHours", (int)Math.Ceiling(lifetime.TotalHours))
        : Format(language, "PasswordMail.ValidMinutes", (int)Math.Ceiling(lifetime.TotalMinutes));
}
