using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.MyApplications;
using Microsoft.Extensions.Localization;
using EmploymentProcedures.Host.Localization;

namespace EmploymentProcedures.Host.Notifying;

/// <summary>What a dispatch did: notifications claimed and marked sent, e-mails accepted, people skipped, failures.</summary>
/// <param name="Unavailable">Why the way out (the SMTP server, the folder) was down, when it was: the batch stopped there.</param>
internal sealed record DispatchReport(int Claimed, int Sent, int Mails, int Skipped, int Failed, int SetAside, string? Unavailable)
{
    public static readonly DispatchReport Nothing = new(0, 0, 0, 0, 0, 0, null);

    public DispatchReport Add(DispatchReport other) => new(
        Claimed + other.Claimed, Sent + other.Sent, Mails + other.Mails, Skipped + other.Skipped, Failed + other.Failed,
        SetAside + other.SetAside, other.Unavailable ?? Unavailable);
}

/// <summary>
/// The outbox's dispatcher: claims the due notifications in order, writes each person they name an e-mail in their language
/// and marks a notification sent once all its e-mails were accepted. A refused e-mail (or one that could not be written)
/// leaves its notification unsent and tried again later, after a delay that doubles, and set aside after
/// <see cref="MailOptions.MaxAttempts"/>, so it never holds back the ones after it. When the server is down the batch stops
/// and gives back what it did not send, counting no attempt: an outage is nobody's notification's fault. Each person's
/// accepted e-mail is recorded with its notification's outcome, so a notification tried again is written only to the people
/// who have not received it.
/// </summary>
internal sealed partial class MailDispatcher(
    Outbox outbox, IServiceScopeFactory scopes, IMailDelivery delivery, NotificationMail mail, DefinitionStore definitions,
    PublishedCatalog catalog, IStringLocalizer<Strings> strings, TimeProvider clock, MailOptions options, ILogger<MailDispatcher> logger)
{
    /// <summary>Sends batches until none is full, or the server is down.</summary>
    public async Task<DispatchReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var total = DispatchReport.Nothing;
        while (true)
        {
            var batch = await RunBatchAsync(cancellationToken).ConfigureAwait(false);
            total = total.Add(batch);
            if (batch.Claimed < options.BatchSize || batch.Unavailable is not null || batch.Sent + batch.Failed == 0)
                return total;
        }
    }

    /// <summary>One batch: claim, send, mark.</summary>
    public async Task<DispatchReport> RunBatchAsync(CancellationToken cancellationToken = default)
    {
        var claim = Guid.NewGuid().ToString("N");
        var started = clock.GetUtcNow();
        var due = await outbox.ClaimAsync(claim, started.UtcDateTime, options.BatchSize, options.ClaimLease, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
            return DispatchReport.Nothing;

        var sent = new List<long>(due.Count);
        // Every e-mail accepted in this batch, recorded with the outcome of its notification: a retry skips those people.
        var delivered = new List<Delivery>();
        int mails = 0, skipped = 0, failed = 0, setAside = 0;
        string? unavailable = null;
        await using var scope = scopes.CreateAsyncScope();
        // With the daily summaries turned off, those who chose one get each notification rather than nothing.
        var recipients = new MailRecipients(scope.ServiceProvider.GetRequiredService<AccountsDb>(), catalog.Catalog.Library, summaries: options.DigestTime > TimeSpan.Zero);
        var session = delivery.Open();
        await using (session.ConfigureAwait(false))
        {
            try
            {
                foreach (var notification in due)
                {
                    // Past half the lease, what is left goes back for the next batch rather than risk another instance's.
                    if (clock.GetUtcNow() - started > options.ClaimLease / 2)
                        break;
                    var (outcome, written, people, reason) = await DeliverAsync(notification, recipients, session, delivered, cancellationToken).ConfigureAwait(false);
                    skipped += people;
                    if (outcome == SentStatus.Accepted)
                    {
                        sent.Add(notification.Item.Id);
                        mails += written;
                        continue;
                    }
                    if (outcome == SentStatus.Unavailable)
                    {
                        unavailable = reason;
                        DeliveryUnavailable(notification.Item.Id, reason ?? "");
                        break;
                    }
                    failed++;
                    var partly = delivered.Where(d => d.NotificationId == notification.Item.Id).ToList();
                    delivered.RemoveAll(d => d.NotificationId == notification.Item.Id);
                    if (await FailedAsync(notification, claim, reason ?? "", partly, cancellationToken).ConfigureAwait(false))
                        setAside++;
                }
            }
            finally
            {
                // Whatever happens (even a stop), what was accepted is marked and the rest is given back, with the e-mails
                // of it some people accepted before the server went down (or the stop came).
                if (sent.Count > 0 || delivered.Count > 0)
                    await outbox.MarkSentAsync(sent, clock.GetUtcNow().UtcDateTime, delivered, CancellationToken.None).ConfigureAwait(false);
                await outbox.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
            }
        }
        return new DispatchReport(due.Count, sent.Count, mails, skipped, failed, setAside, unavailable);
    }

    /// <summary>
    /// Writes and sends the notification's e-mails to the people who have not accepted one yet, adding each accepted one to
    /// <paramref name="delivered"/>; the first one not accepted decides.
    /// </summary>
    private async Task<(SentStatus Outcome, int Written, int Skipped, string? Reason)> DeliverAsync(
        DueNotification notification, MailRecipients recipients, IMailSession session, List<Delivery> delivered, CancellationToken cancellationToken)
    {
        var people = await recipients.ForAsync(notification, cancellationToken).ConfigureAwait(false);
        var to = people.To.Where(p => !notification.DeliveredTo.Contains(p.AccountId)).ToList();
        var definition = to.Count == 0 ? null
            : await definitions.GetAsync(notification.Item.ProcedureId, notification.Item.DefinitionVersion, cancellationToken).ConfigureAwait(false);
        var written = 0;
        foreach (var person in to)
        {
            MimeKit.MimeMessage message;
            try
            {
                var texts = definition is null ? null : new ProcedureTexts(definition, catalog.Catalog.Library, person.Language, strings);
                message = mail.Write(notification, person, texts);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug in writing one e-mail must not stop the others: it is that notification's failure.
                return (SentStatus.Refused, written, people.Skipped, "the e-mail could not be written: " + e.Message);
            }
            var result = await session.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (result.Status != SentStatus.Accepted)
                return (result.Status, written, people.Skipped, result.Reason);
            delivered.Add(new Delivery(notification.Item.Id, person.AccountId, clock.GetUtcNow().UtcDateTime));
            written++;
        }
        return (SentStatus.Accepted, written, people.Skipped, null);
    }

    /// <summary>Records the failure with its next try, or sets the notification aside after the last attempt; true when set aside.</summary>
    private async Task<bool> FailedAsync(DueNotification notification, string claim, string reason, List<Delivery> delivered, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var attempts = notification.Attempts + 1;
        var last = attempts >= options.MaxAttempts;
        var retryAt = last ? (DateTime?)null : (now + options.RetryDelay(attempts)).UtcDateTime;
        await outbox.FailedAsync(notification.Item.Id, claim, reason, now.UtcDateTime, retryAt, delivered, cancellationToken).ConfigureAwait(false);
        if (last)
            SetAside(notification.Item.Id, attempts, notification.DeliveredTo.Count + delivered.Count, reason);
        else
            WillRetry(notification.Item.Id, attempts, retryAt!.Value, reason);
        return last;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Id}: e-mail refused (attempt {Attempts}), tried again at {RetryAt:u}: {Reason}")]
    private partial void WillRetry(long id, int attempts, DateTime retryAt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {Id} set aside after {Attempts} failed attempts ({Delivered} of its e-mails had been accepted); it will not be sent unless an administrator sends it again (/admin/mail): {Reason}")]
    private partial void SetAside(long id, int attempts, int delivered, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail delivery unavailable at notification {Id}; the batch stops and is tried again later: {Reason}")]
    private partial void DeliveryUnavailable(long id, string reason);
}
