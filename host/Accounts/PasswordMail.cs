using System.Globalization;
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
/// The e-mails about a password, in the account's language (right to left in Arabic), as a plain-text and an HTML part:
/// the link to choose a new one (asked for, or an invitation to a new account) and the notice that it was changed.
/// </summary>
internal sealed class PasswordMail(IStringLocalizer<Strings> strings, TimeProvider clock, MailOptions options, NotificationMail notifications, PortalOptions portal)
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
        strings["PasswordMail.ResetAction"].Value, link));

    public MimeMessage Invitation(Account account, Uri link, ProcedureLibrary library, string? invitedBy) => Write(account, "invitation", language => new(
        strings["PasswordMail.InvitationSubject"].Value,
        [
            string.IsNullOrWhiteSpace(invitedBy)
                ? Format(language, "PasswordMail.InvitationBody", RoleLabels.Of(library, account.Role, language))
                : Format(language, "PasswordMail.InvitationBodyBy", RoleLabels.Of(library, account.Role, language), invitedBy),
            Format(language, "PasswordMail.InvitationSignIn", account.Email),
            Valid(language, portal.InvitationLifetime),
        ],
        strings["PasswordMail.InvitationAction"].Value, link));

    public MimeMessage Changed(Account account) => Write(account, "changed", language => new(
        strings["PasswordMail.ChangedSubject"].Value,
        [
            Format(language, "PasswordMail.ChangedBody", account.Email, clock.GetLocalNow().ToString("f", language.Culture)),
            strings["PasswordMail.ChangedNotYou"].Value,
        ],
        strings["PasswordMail.ChangedAction"].Value, Absolute(ForgotPage)));

    /// <summary>What one e-mail says: its subject, its paragraphs, and its one link.</summary>
    private sealed record Texts(string Subject, string[] Paragraphs, string Action, Uri Link);

    /// <summary>One e-mail to the account: greeting, paragraphs, the link, and the portal's signature, read in its language.</summary>
    private MimeMessage Write(Account account, string kind, Func<Language, Texts> texts)
    {
        var language = Languages.Find(account.PreferredLanguage) ?? Languages.Default;
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language.Culture;
        try
        {
            var said = texts(language);
            var site = strings["Site.Name"].Value;
            var greeting = Format(language, "Mail.Greeting", account.DisplayName);
            var noReply = strings["PasswordMail.NoReply"].Value;

            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(string.IsNullOrWhiteSpace(options.FromName) ? site : options.FromName, options.From));
            message.To.Add(new MailboxAddress(account.DisplayName, account.Email ?? ""));
            message.Subject = said.Subject;
            message.Date = clock.GetUtcNow();
            var host = notifications.PublicUrl.IdnHost.Length == 0 ? "localhost" : notifications.PublicUrl.IdnHost;
            message.MessageId = $"password-{kind}-{Guid.NewGuid():N}@{host}";
            message.Headers.Add(HeaderId.ContentLanguage, language.Code);
            // An automatic message (RFC 3834): no out-of-office replies to it.
            message.Headers.Add("Auto-Submitted", "auto-generated");

            var text = new StringBuilder().AppendLine(greeting).AppendLine();
            foreach (var paragraph in said.Paragraphs)
                text.AppendLine(paragraph).AppendLine();
            text.AppendLine(said.Action + strings["Notifications.Separator"].Value + said.Link.AbsoluteUri)
                .AppendLine().AppendLine("-- ").AppendLine(site).AppendLine(noReply);

            var html = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{language.Code}\" dir=\"{language.Direction}\"><head><meta charset=\"utf-8\"><title>")
                .Append(Html.Encode(said.Subject)).Append("</title></head>")
                .Append("<body style=\"font-family:Arial,'Noto Sans Arabic',sans-serif;line-height:1.5;color:#1b1b1b;\">")
                .Append("<p>").Append(Html.Encode(greeting)).Append("</p>");
            foreach (var paragraph in said.Paragraphs)
                html.Append("<p>").Append(Html.Encode(paragraph)).Append("</p>");
            html.Append("<p><a href=\"").Append(Html.Encode(said.Link.AbsoluteUri)).Append("\">").Append(Html.Encode(said.Action)).Append("</a></p>")
                .Append("<hr><p style=\"font-size:small;color:#555;\">").Append(Html.Encode(site)).Append(" — ").Append(Html.Encode(noReply)).Append("</p></body></html>");

            message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
            return message;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private string Format(Language language, string key, params object?[] values) => string.Format(language.Culture, strings[key].Value, values);

    /// <summary>How long a reset link works (<c>Portal:ResetLinkLifetime</c>).</summary>
    public TimeSpan ResetLifetime => portal.ResetLinkLifetime;

    /// <summary>"This link works for 2 hours" / "7 days" / "30 minutes", and only once: from the provider's lifetime.</summary>
    public string Valid(Language language, TimeSpan lifetime) =>
        lifetime >= TimeSpan.FromDays(1) && lifetime.Ticks % TimeSpan.TicksPerDay == 0 ? Format(language, "PasswordMail.ValidDays", (int)lifetime.TotalDays)
        : lifetime >= TimeSpan.FromHours(1) ? Format(language, "PasswordMail.ValidHours", (int)Math.Ceiling(lifetime.TotalHours))
        : Format(language, "PasswordMail.ValidMinutes", (int)Math.Ceiling(lifetime.TotalMinutes));
}
