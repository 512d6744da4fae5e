namespace EmploymentProcedures.Host.Notifying;

/// <summary>
/// How the notifications are sent by e-mail: the <c>Mail</c> section of the configuration. With no
/// <c>Mail:Smtp:Host</c> the e-mails are written as <c>.eml</c> files into <see cref="PickupPath"/> (the demo's way).
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>How often the dispatcher looks for notifications to send; zero turns it off (tests drive it themselves).</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When, in Morocco's time, the daily summaries go to the reviewers and staff who chose them (<see cref="Notifying.DailySummaries"/>);
    /// zero turns them off (tests turn them on themselves).
    /// </summary>
    public TimeSpan DigestTime { get; set; } = new(7, 30, 0);

    /// <summary>How many notifications a summary lists at most; past that it says how many more the notifications page holds.</summary>
    public int DigestMaxLines { get; set; } = 200;

    /// <summary>How many notifications one batch claims.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>After this many failed attempts a notification is set aside (logged, never tried again by itself).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after a first failure; it doubles with each failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a batch's claim holds: another instance takes its notifications only after it lapses.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The sender's address.</summary>
    public string From { get; set; } = "no-reply@localhost";

    /// <summary>The sender's name; when empty, the portal's name in the reader's language.</summary>
    public string? FromName { get; set; }

    /// <summary>Where the e-mails go without SMTP, relative to the data folder.</summary>
    public string PickupPath { get; set; } = "mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The wait before the next try after <paramref name="failures"/> failures in a row (1, 2, 4... times the first, capped).</summary>
    public TimeSpan RetryDelay(int failures)
    {
        var doubling = Math.Min(Math.Max(failures, 1) - 1, 30);
        var delay = FirstRetryDelay * Math.Pow(2, doubling);
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}

/// <summary>The SMTP server (<c>Mail:Smtp</c>): used when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>
    /// <c>StartTls</c> (the default: the connection must be upgraded, or nothing is sent), <c>SslOnConnect</c> (port
    /// 465), <c>None</c> (a relay on the same machine or network only).
    /// </summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The account to authenticate with; none when empty.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>How long to wait for the server on each command.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public enum SmtpSecurity
{
    StartTls,
    SslOnConnect,
    None,
}
