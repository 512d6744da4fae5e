namespace EmploymentProcedures.Host.Notifying;

/// <summary>
/// How far one account's daily summary has gone (<see cref="DailySummaries"/>): apart from the account's row, so the
/// summaries' bookkeeping never races a person saving their account page. Written only once an e-mail was accepted
/// (or there was nothing to tell), so a crash before that sends the same summary again.
/// </summary>
public sealed class MailDigest
{
    public string AccountId { get; set; } = "";

    /// <summary>The last notification a summary covered: the next one starts after it.</summary>
    public long UpTo { get; set; }

    /// <summary>The day (Morocco's) whose summary is done: sent, nothing new to tell, or given up after too many refusals.</summary>
    public DateOnly Day { get; set; }

    /// <summary>Times today's summary was refused; back to zero once one is accepted.</summary>
    public int Attempts { get; set; }

    /// <summary>After a refusal: not tried again before this time (UTC).</summary>
    public DateTime? RetryAt { get; set; }
}
