using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Reviewing;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace EmploymentProcedures.Host.Notifying;

/// <summary>A reviewer's inbox as the summary counts it, with the inbox's own counts (<c>null</c> for staff, who have no inbox).</summary>
internal sealed record DigestInbox(int ToHandle, int Overdue, int DueSoon, int AwaitingReply);

/// <summary>
/// Writes one person's daily summary (<see cref="DailySummaries"/>) in their language: the notifications since their previous
/// one grouped by file (the file's name and link as their notifications page gives them, then each line as the page says it,
/// with its time), the counts of their inbox today with a link to each view, then why they get it. A plain-text part and an
/// HTML part (right to left in Arabic), the headers of every e-mail of the portal, and a Message-Id made of the account and
/// the day: a summary sent again after a crash is the same e-mail (and the same file in the pickup folder).
/// </summary>
internal sealed class DigestMail(IStringLocalizer<Strings> strings, NotificationMail mail)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public MimeMessage Write(MailRecipient to, DateOnly day, IReadOnlyList<NotificationLine> lines, int total, DigestInbox? inbox)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(lines);
        var language = to.Language;
        return NotificationMail.InLanguage(language, () =>
        {
            var culture = language.Culture;
            string Say(string key, params object[] values) => string.Format(culture, strings[key].Value, values);
            var files = lines.GroupBy(l => l.Href).ToList();
            var subject = Say("Digest.Subject", day.ToString("D", culture), total.ToString("N0", culture), files.Count.ToString("N0", culture));
            var greeting = Say("Mail.Greeting", to.Name);
            var account = mail.Absolute(NotificationMail.AccountPage);
            var separator = strings["Notifications.Separator"].Value;
            var why = strings["Digest.Why"].Value;

            var message = mail.Start(language, new MailboxAddress(to.Name, to.Email), subject, MessageId(to.AccountId, day));
            message.Headers.Add("List-Unsubscribe", "<" + account + ">");

            var text = new StringBuilder().AppendLine(greeting).AppendLine().AppendLine(strings["Digest.Intro"].Value);
            var html = NotificationMail.HtmlStart(language, subject, greeting)
                .Append("<p>").Append(Html.Encode(strings["Digest.Intro"].Value)).Append("</p>");
            foreach (var file in files)
            {
                var link = mail.Absolute(file.Key);
                var about = file.First().About;
                text.AppendLine().AppendLine(about).AppendLine(link.AbsoluteUri);
                html.Append("<h2 style=\"font-size:1.1em;margin-block:1.25em 0.25em;\"><a href=\"").Append(Html.Encode(link.AbsoluteUri)).Append("\">")
                    .Append(Html.Encode(about)).Append("</a></h2><ul style=\"margin:0;padding-inline-start:1.25em;\">");
                foreach (var line in file)
                {
                    var at = line.At.ToString("g", culture);
                    text.Append("- ").Append(at).Append(separator).AppendLine(line.Sentence);
                    html.Append("<li><span style=\"color:#555;\">").Append(Html.Encode(at)).Append("</span>").Append(Html.Encode(separator))
                        .Append(Html.Encode(line.Sentence));
                    if (line.Message is { } written)
                    {
                        text.Append("  ").Append(line.MessageLabel).Append(separator).AppendLine(written.ReplaceLineEndings(" "));
                        html.Append("<br>").Append(Html.Encode(line.MessageLabel ?? "")).Append(Html.Encode(separator))
                            .Append("<span dir=\"auto\" style=\"white-space:pre-wrap;\">").Append(Html.Encode(written)).Append("</span>");
                    }
                    html.Append("</li>");
                }
                html.Append("</ul>");
            }
            if (total > lines.Count)
            {
                var more = Say("Digest.More", lines.Count.ToString("N0", culture), total.ToString("N0", culture));
                var page = mail.Absolute("notifications");
                text.AppendLine().AppendLine(more).AppendLine(page.AbsoluteUri);
                html.Append("<p><a href=\"").Append(Html.Encode(page.AbsoluteUri)).Append("\">").Append(Html.Encode(more)).Append("</a></p>");
            }
            if (inbox is not null)
                Inbox(text, html, inbox, culture, Say);
            mail.TextFooter(text, why, account);
            html.Append(mail.Footer(why, account));

            message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
            return message;
        });
    }

    /// <summary>The inbox's counts, each a link to the inbox showing those files.</summary>
    private void Inbox(StringBuilder text, StringBuilder html, DigestInbox inbox, CultureInfo culture, Func<string, object[], string> say)
    {
        var title = strings["Digest.InboxTitle"].Value;
        var views = new (string Key, int Count, string Query)[]
        {
            ("Digest.ToHandle", inbox.ToHandle, "?status=in_review"),
            ("Digest.Overdue", inbox.Overdue, "?urgency=overdue"),
            ("Digest.DueSoon", inbox.DueSoon, "?urgency=due_soon"),
            ("Digest.AwaitingReply", inbox.AwaitingReply, "?reply=" + InboxAddress.AwaitingReplyValue),
        };
        var open = mail.Absolute(InboxAddress.Path);
        text.AppendLine().AppendLine(title);
        html.Append("<h2 style=\"font-size:1.1em;margin-block:1.5em 0.25em;\">").Append(Html.Encode(title)).Append("</h2><ul style=\"margin:0;padding-inline-start:1.25em;\">");
        foreach (var (key, count, query) in views)
        {
            var said = say(key, [count.ToString("N0", culture)]);
            var link = mail.Absolute(InboxAddress.Path + query);
            text.Append("- ").Append(said).Append(" <").Append(link.AbsoluteUri).AppendLine(">");
            html.Append("<li><a href=\"").Append(Html.Encode(link.AbsoluteUri)).Append("\">").Append(Html.Encode(said)).Append("</a></li>");
        }
        text.AppendLine(strings["Digest.OpenInbox"].Value + strings["Notifications.Separator"].Value + open.AbsoluteUri);
        html.Append("</ul><p><a href=\"").Append(Html.Encode(open.AbsoluteUri)).Append("\">").Append(Html.Encode(strings["Digest.OpenInbox"].Value)).Append("</a></p>");
    }

    /// <summary>The same for one account and one day, whatever the summary holds: a summary sent again is recognised as the same.</summary>
    private string MessageId(string accountId, DateOnly day) =>
        FormattableString.Invariant($"digest-{day:yyyyMMdd}-{NotificationMail.Person(accountId)}@{mail.MailHost}");
}
