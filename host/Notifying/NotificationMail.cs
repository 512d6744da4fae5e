using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.MyApplications;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace EmploymentProcedures.Host.Notifying;

/// <summary>
/// Writes the e-mail telling one person of one notification, in their language: the same line as their notifications page
/// (<see cref="NotificationLines"/>: which file, what happened, the text written to them), an absolute link to the file's
/// page, and why they get it with where to stop it. A plain-text part and an HTML part (right to left in Arabic). The
/// Message-Id is the same each time the notification is sent to that person, so a copy sent again after a failure can be
/// recognised as one.
/// </summary>
internal sealed class NotificationMail(IStringLocalizer<Strings> strings, TimeProvider clock, MailOptions options, Uri publicUrl)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public Uri PublicUrl { get; } = publicUrl;

    /// <summary>The page where a person stops (or starts again) the e-mails.</summary>
    public const string AccountPage = "account";

    public MimeMessage Write(DueNotification notification, MailRecipient to, ProcedureTexts? texts)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(to);
        var language = to.Language;
        return InLanguage(language, () =>
        {
            var line = NotificationLines.Line(notification.Item, to.Reader, texts, language, strings, clock);
            var link = Absolute(line.Href);
            var account = Absolute(AccountPage);
            var what = line.About + strings["Notifications.Separator"].Value + line.Sentence;
            var at = line.At.ToString("f", language.Culture);
            var greeting = string.Format(language.Culture, strings["Mail.Greeting"].Value, to.Name);
            // An applicant unticks a box; reviewers and staff may also choose the daily summary.
            var why = strings[to.Reader.Kind == RoleKind.Applicant ? "Mail.Why" : "Mail.WhyStaff"].Value;

            var message = Start(language, new MailboxAddress(to.Name, to.Email), what, MessageId(notification.Item.Id, to.AccountId));
            message.Headers.Add("List-Unsubscribe", "<" + account + ">");

            var text = new StringBuilder()
                .AppendLine(greeting).AppendLine()
                .AppendLine(what)
                .AppendLine(at);
            if (line.Message is { } written)
                text.AppendLine().AppendLine(line.MessageLabel + strings["Notifications.Separator"].Value.TrimEnd()).AppendLine(written);
            text.AppendLine()
                .AppendLine(strings["Mail.Open"].Value + strings["Notifications.Separator"].Value + link);
            TextFooter(text, why, account);

            var html = HtmlStart(language, what, greeting)
                .Append("<p><strong>").Append(Html.Encode(line.About)).Append("</strong>").Append(Html.Encode(strings["Notifications.Separator"].Value))
                .Append(Html.Encode(line.Sentence)).Append("</p>")
                .Append("<p style=\"color:#555;\">").Append(Html.Encode(at)).Append("</p>");
            if (line.Message is { } shown)
            {
                html.Append("<p>").Append(Html.Encode(line.MessageLabel ?? "")).Append("</p>")
                    .Append("<blockquote dir=\"auto\" style=\"white-space:pre-wrap;border-inline-start:4px solid #999;margin:0;padding:0 1em;\">")
                    .Append(Html.Encode(shown)).Append("</blockquote>");
            }
            html.Append("<p><a href=\"").Append(Html.Encode(link.AbsoluteUri)).Append("\">").Append(Html.Encode(strings["Mail.Open"].Value)).Append("</a></p>")
                .Append(Footer(why, account));

            message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
            return message;
        });
    }

    /// <summary>Runs <paramref name="write"/> with the portal's texts read in <paramref name="language"/>, as the reader's own request would read them.</summary>
    internal static T InLanguage<T>(Language language, Func<T> write)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language.Culture;
        try
        {
            return write();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    /// <summary>The same for work that awaits (the culture flows into what it awaits, and the caller's is put back).</summary>
    internal static async Task<T> InLanguageAsync<T>(Language language, Func<Task<T>> write)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language.Culture;
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    /// <summary>
    /// An automatic e-mail of the portal to one person (call it <see cref="InLanguage"/>): the sender, the subject, the date,
    /// the id, the language, and RFC 3834's <c>Auto-Submitted</c> so no out-of-office reply comes back.
    /// </summary>
    internal MimeMessage Start(Language language, MailboxAddress to, string subject, string messageId)
    {
        var site = strings["Site.Name"].Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(string.IsNullOrWhiteSpace(options.FromName) ? site : options.FromName, options.From));
        message.To.Add(to);
        message.Subject = subject;
        message.Date = clock.GetUtcNow();
        message.MessageId = messageId;
        message.Headers.Add(HeaderId.ContentLanguage, language.Code);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    /// <summary>The HTML part's document up to the greeting: its language and direction, its title, the body's style.</summary>
    internal static StringBuilder HtmlStart(Language language, string title, string greeting) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{language.Code}\" dir=\"{language.Direction}\"><head><meta charset=\"utf-8\"><title>")
        .Append(Html.Encode(title)).Append("</title></head>")
        .Append("<body style=\"font-family:Arial,'Noto Sans Arabic',sans-serif;line-height:1.5;color:#1b1b1b;\">")
        .Append("<p>").Append(Html.Encode(greeting)).Append("</p>");

    /// <summary>The HTML part's end: "do not reply", why the person gets it and the account page where they change that.</summary>
    internal string Footer(string why, Uri account) => new StringBuilder()
        .Append("<hr><p style=\"font-size:small;color:#555;\">").Append(Html.Encode(strings["Mail.NoReply"].Value)).Append(' ')
        .Append(Html.Encode(why)).Append(" <a href=\"").Append(Html.Encode(account.AbsoluteUri)).Append("\">")
        .Append(Html.Encode(account.AbsoluteUri)).Append("</a></p></body></html>").ToString();

    /// <summary>The plain-text part's end, as <see cref="Footer"/>.</summary>
    internal StringBuilder TextFooter(StringBuilder text, string why, Uri account) => text
        .AppendLine().AppendLine("-- ").AppendLine(strings["Site.Name"].Value)
        .AppendLine(strings["Mail.NoReply"].Value)
        .AppendLine(why + " " + account);

    /// <summary>The host part of the e-mails' ids: the portal's public host.</summary>
    internal string MailHost => PublicUrl.IdnHost.Length == 0 ? "localhost" : PublicUrl.IdnHost;

    /// <summary>A page of the portal as an absolute address (<see cref="PublicUrl"/> may carry a path base).</summary>
    public Uri Absolute(string page) => new(PublicUrl, page.TrimStart('/'));

    /// <summary>The same for one notification and one person every time; the account's id is hashed, not shown.</summary>
    private string MessageId(long notificationId, string accountId) =>
        FormattableString.Invariant($"notification-{notificationId:D12}-{Person(accountId)}@{MailHost}");

    /// <summary>The account's id hashed: an e-mail's id names its person without showing who they are.</summary>
    internal static string Person(string accountId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(accountId)))[..16];
}
