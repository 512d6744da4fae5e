using MimeKit;

namespace EmploymentProcedures.Host.Notifying;

/// <summary>Where the e-mails go: an SMTP server, or a pickup folder. One session per batch.</summary>
internal interface IMailDelivery
{
    IMailSession Open();
}

/// <summary>A batch's connection: each message is accepted, refused (that message or recipient), or the way is down.</summary>
internal interface IMailSession : IAsyncDisposable
{
    Task<Sent> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>What became of one message.</summary>
internal sealed record Sent(SentStatus Status, string? Reason = null)
{
    public static readonly Sent Accepted = new(SentStatus.Accepted);

    public static Sent Refused(string reason) => new(SentStatus.Refused, reason);

    public static Sent Unavailable(string reason) => new(SentStatus.Unavailable, reason);
}

internal enum SentStatus
{
    /// <summary>The server (or the folder) took it: it is now theirs to deliver.</summary>
    Accepted,

    /// <summary>This message or recipient was refused: the notification is tried again later, then set aside.</summary>
    Refused,

    /// <summary>The server cannot be reached or the folder written: nothing is the notification's fault; the batch stops.</summary>
    Unavailable,
}
