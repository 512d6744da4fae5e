using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Notifying;

/// <summary>What a round of the daily summaries did: e-mails accepted, accounts with nothing new, refusals, whether the way out was down.</summary>
internal sealed record DigestReport(int Sent, int Empty, int Refused, string? Unavailable)
{
    public static readonly DigestReport Nothing = new(0, 0, 0, null);
}

/// <summary>
/// The daily summaries of the reviewers and staff who chose one (<see cref="EmailChoice.DailySummary"/>): once it is
/// <see cref="MailOptions.DigestTime"/> in Morocco, each such account not yet done today gets one e-mail listing the
/// notifications addressed to it since its previous summary (the notifications page's rule, which the per-notification
/// e-mails follow too: never a file it may not see), with its inbox's counts (<see cref="DigestMail"/>); nothing new, no
/// e-mail. A leased job (<see cref="LeasedJob"/>): one instance sends them. At least once: an account's progress
/// (<see cref="MailDigest"/>) moves only after its e-mail was accepted, so a crash in between sends the same e-mail again
/// (its Message-Id is the account's and the day's); a refused e-mail is tried again after the dispatcher's growing delays,
/// and after <see cref="MailOptions.MaxAttempts"/> given up for the day, its notifications staying for the next day's; a
/// server down stops the round, nothing counted, for the next one.
/// </summary>
internal sealed partial class DailySummaries(
    InstanceLeases leases, IServiceScopeFactory scopes, IMailDelivery delivery, DigestMail mail, Notifications notifications,
    Applications applications, DefinitionStore definitions, PublishedCatalog catalog, IStringLocalizer<Strings> strings,
    TimeProvider clock, MailOptions options, ILogger<DailySummaries> logger)
    : LeasedJob(leases, clock)
{
    /// <summary>The lease's name.</summary>
    public const string Name = "mail-digest";

    /// <summary>How often the job looks whether summaries are due (and renews its lease).</summary>
    public static readonly TimeSpan CheckPeriod = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A summary reaches the notifications written up to this long before it: one whose transaction is still open when the
    /// summary is read (its id taken, not yet visible) cannot be passed over, and comes in the next day's.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    public override string Job => Name;

    protected override TimeSpan Period => options.DigestTime > TimeSpan.Zero ? CheckPeriod : TimeSpan.Zero;

    protected internal override async Task RoundAsync(CancellationToken cancellationToken)
    {
        var report = await SendAsync(cancellationToken).ConfigureAwait(false);
        if (report.Sent + report.Refused > 0 || report.Unavailable is not null)
            Summarised(report.Sent, report.Empty, report.Refused, report.Unavailable ?? "");
    }

    protected override void RoundFailed(Exception exception) => Failed(exception);

    /// <summary>Sends the summaries due now, if it is past today's time; stops early when the server is down or half the lease is used.</summary>
    internal async Task<DigestReport> SendAsync(CancellationToken cancellationToken = default)
    {
        var started = Clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(started, Clock.LocalTimeZone);
        if (options.DigestTime <= TimeSpan.Zero || local.TimeOfDay < options.DigestTime)
            return DigestReport.Nothing;
        var today = DateOnly.FromDateTime(local.DateTime);
        var now = started.UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        var due = await DueAsync(accounts, today, now, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
            return DigestReport.Nothing;
        var upTo = await notifications.NewestAsync(now - Settle, cancellationToken).ConfigureAwait(false);
        // Past half the lease (three check periods), the rest waits for the next round, which renews it: another instance
        // never takes the job over while this one is still writing.
        var budget = InstanceLeases.PeriodsPerLease * CheckPeriod / 2;
        int sent = 0, empty = 0, refused = 0;
        var session = delivery.Open();
        await using (session.ConfigureAwait(false))
        {
            foreach (var (account, progress) in due)
            {
                if (Clock.GetUtcNow() - started > budget)
                    break;
                var from = Math.Max(progress?.UpTo ?? 0, account.DigestFrom);
                var outcome = await OneAsync(account, from, upTo, today, session, cancellationToken).ConfigureAwait(false);
                switch (outcome.Status)
                {
                    case null:
                        empty++;
                        await DoneAsync(accounts, account.Id, progress, Math.Max(from, upTo), today, cancellationToken).ConfigureAwait(false);
                        break;
                    case SentStatus.Accepted:
                        sent++;
                        await DoneAsync(accounts, account.Id, progress, Math.Max(from, upTo), today, cancellationToken).ConfigureAwait(false);
                        break;
                    case SentStatus.Refused:
                        refused++;
                        await RefusedAsync(accounts, account.Id, progress, today, outcome.Reason ?? "", cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        Unavailable(outcome.Reason ?? "");
                        return new DigestReport(sent, empty, refused, outcome.Reason ?? "");
                }
            }
        }
        return new DigestReport(sent, empty, refused, null);
    }

    /// <summary>The accounts whose summary is due: the summary chosen, not closed or deactivated, today's not done, not waiting after a refusal.</summary>
    private static async Task<List<(Account Account, MailDigest? Progress)>> DueAsync(AccountsDb accounts, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        var rows = await (
            from a in accounts.Users.AsNoTracking()
            where a.Emails == EmailChoice.DailySummary && a.ClosedAt == null
            join d in accounts.MailDigests.AsNoTracking() on a.Id equals d.AccountId into progress
            from d in progress.DefaultIfEmpty()
            where d == null || (d.Day < today && (d.RetryAt == null || d.RetryAt <= now))
            orderby a.Id
            select new { Account = a, Progress = d }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Where(r => !PasswordLinks.IsDeactivated(r.Account)).Select(r => (r.Account, (MailDigest?)r.Progress)).ToList();
    }

    /// <summary>Writes and sends one account's summary; a null status when there was nothing to tell (or nobody to tell it to).</summary>
    private async Task<(SentStatus? Status, string? Reason)> OneAsync(
        Account account, long from, long upTo, DateOnly today, IMailSession session, CancellationToken cancellationToken)
    {
        if (MailRecipients.Of(account, catalog.Catalog.Library) is not { } to || !EmailChoices.MaySummarise(to.Reader.Kind)
            || string.IsNullOrWhiteSpace(account.Email))
        {
            // Skipped is not failed (as for the dispatcher): nobody to write to, the day is done.
            return (null, null);
        }
        var span = await notifications.BetweenAsync(to.Reader, from, upTo, options.DigestMaxLines, cancellationToken).ConfigureAwait(false);
        if (span.Total == 0)
            return (null, null);
        MimeKit.MimeMessage message;
        try
        {
            // The lines' words are read in the reader's language, as their own notifications page reads them.
            var lines = await NotificationMail.InLanguageAsync(to.Language, () =>
                NotificationLines.OfAsync(span.Items, to.Reader, definitions, catalog.Catalog.Library, to.Language, strings, Clock, cancellationToken)).ConfigureAwait(false);
            message = mail.Write(to, today, lines, span.Total, await InboxAsync(to, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug in writing one summary must not stop the others': it counts as that summary's refusal.
            return (SentStatus.Refused, "the summary could not be written: " + e.Message);
        }
        var result = await session.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return (result.Status, result.Reason);
    }

    /// <summary>A reviewer's inbox as the inbox page counts it (its default view); none for staff.</summary>
    private async Task<DigestInbox?> InboxAsync(MailRecipient to, CancellationToken cancellationToken)
    {
        if (to.Reader.Kind != RoleKind.Reviewer)
            return null;
        var counts = (await applications.InboxAsync(to.Reader, InboxFilter.None, 0, cancellationToken).ConfigureAwait(false)).Counts;
        var toHandle = counts.Statuses.FirstOrDefault(s => s.Value == ApplicationStatus.InReview.Name())?.Count ?? 0;
        return new DigestInbox(toHandle, counts.Of(Urgency.Overdue), counts.Of(Urgency.DueSoon), counts.AwaitingReply);
    }

    /// <summary>
    /// Moves the account's progress past what its summary covered, once the e-mail was accepted (or there was nothing):
    /// only from what this round read, so two writers never move it twice.
    /// </summary>
    private static async Task DoneAsync(AccountsDb accounts, string accountId, MailDigest? read, long upTo, DateOnly today, CancellationToken cancellationToken)
    {
        if (read is null)
        {
            accounts.MailDigests.Add(new MailDigest { AccountId = accountId, UpTo = upTo, Day = today });
            await AddAsync(accounts, cancellationToken).ConfigureAwait(false);
            return;
        }
        await accounts.MailDigests.Where(d => d.AccountId == accountId && d.UpTo == read.UpTo && d.Day == read.Day)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.UpTo, upTo).SetProperty(d => d.Day, today)
                .SetProperty(d => d.Attempts, 0).SetProperty(d => d.RetryAt, (DateTime?)null), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counts a refusal and sets the next try, or gives the day up after the last attempt (its notifications stay for tomorrow's).</summary>
    private async Task RefusedAsync(AccountsDb accounts, string accountId, MailDigest? read, DateOnly today, string reason, CancellationToken cancellationToken)
    {
        var attempts = (read?.Attempts ?? 0) + 1;
        var last = attempts >= options.MaxAttempts;
        var retryAt = (Clock.GetUtcNow() + options.RetryDelay(attempts)).UtcDateTime;
        if (last)
            GivenUp(accountId, attempts, reason);
        else
            WillRetry(accountId, attempts, retryAt, reason);
        if (read is null)
        {
            // Nothing covered yet: the progress starts where the account chose the summary (the day not done).
            accounts.MailDigests.Add(new MailDigest { AccountId = accountId, Day = last ? today : DateOnly.MinValue, Attempts = last ? 0 : attempts, RetryAt = last ? null : retryAt });
            await AddAsync(accounts, cancellationToken).ConfigureAwait(false);
            return;
        }
        await accounts.MailDigests.Where(d => d.AccountId == accountId && d.UpTo == read.UpTo && d.Day == read.Day)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Day, last ? today : read.Day)
                .SetProperty(d => d.Attempts, last ? 0 : attempts).SetProperty(d => d.RetryAt, last ? null : retryAt), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a first progress row; another writer having added it meanwhile (the key refuses a second) leaves theirs.</summary>
    private static async Task AddAsync(AccountsDb accounts, CancellationToken cancellationToken)
    {
        try
        {
            await accounts.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            accounts.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily summaries: {Sent} sent, {Empty} with nothing new, {Refused} refused; server down: {Unavailable}")]
    private partial void Summarised(int sent, int empty, int refused, string unavailable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily summary of account {AccountId} refused (attempt {Attempts}), tried again at {RetryAt:u}: {Reason}")]
    private partial void WillRetry(string accountId, int attempts, DateTime retryAt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily summary of account {AccountId} given up for today after {Attempts} refusals; its notifications go into the next day's: {Reason}")]
    private partial void GivenUp(string accountId, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail delivery unavailable; the daily summaries left are sent at the next round: {Reason}")]
    private partial void Unavailable(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The daily summaries' round failed; the next round tries again")]
    private partial void Failed(Exception exception);
}
