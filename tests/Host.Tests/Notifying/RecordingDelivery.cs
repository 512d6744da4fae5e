using EmploymentProcedures.Host.Notifying;
using MimeKit;

namespace EmploymentProcedures.Host.Tests.Notifying;

/// <summary>Keeps what it is given and answers as told (accepted by default), passing what it accepts on to <paramref name="inner"/> when given.</summary>
internal sealed class RecordingDelivery(Func<MimeMessage, Sent>? answer = null, IMailDelivery? inner = null) : IMailDelivery, IMailSession
{
    public List<MimeMessage> Tried { get; } = [];

    public List<MimeMessage> Messages { get; } = [];

    public IMailSession Open() => this;

    public async Task<Sent> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Tried.Add(message);
        if (inner is not null)
        {
            // Accepted by the way out first: an answer that throws is a crash after the server took it.
            await using var session = inner.Open();
            await session.SendAsync(message, cancellationToken);
        }
        var sent = answer?.Invoke(message) ?? Sent.Accepted;
        if (sent.Status == SentStatus.Accepted)
            Messages.Add(message);
        return sent;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
