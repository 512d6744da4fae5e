using System.Text;
using MimeKit;

namespace EmploymentProcedures.Host.Notifying;

/// <summary>
/// Writes each e-mail as a <c>.eml</c> file (a whole MIME message, as a mail server would have received it) into a folder:
/// the demo's mailbox, and what a pickup-directory relay reads. The name comes from the Message-Id, so a notification sent
/// again after a crash replaces its file rather than adding a second; the file appears whole (written aside, then moved).
/// </summary>
internal sealed class PickupFolderDelivery(string folder) : IMailDelivery, IMailSession
{
    public string Folder { get; } = folder;

    public IMailSession Open() => this;

    public async Task<Sent> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var path = Path.Combine(Folder, FileName(message.MessageId ?? Guid.NewGuid().ToString("N")));
        var writing = path + ".tmp";
        try
        {
            Directory.CreateDirectory(Folder);
            await message.WriteToAsync(writing, cancellationToken).ConfigureAwait(false);
            File.Move(writing, path, overwrite: true);
            return Sent.Accepted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Sent.Unavailable(e.Message);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The Message-Id's letters, digits, dots and dashes, and <c>.eml</c>.</summary>
    internal static string FileName(string messageId)
    {
        var name = new StringBuilder(messageId.Length + 4);
        foreach (var c in messageId.Split('@')[0])
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_');
        return name.Append(".eml").ToString();
    }
}
