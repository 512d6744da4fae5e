using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace EmploymentProcedures.Host.Notifying;

/// <summary>
/// Sends through an SMTP server with MailKit: one connection per batch, opened at the first message, authenticated when a
/// user is configured, opened again if the server dropped it. A refused recipient or message (an SMTP reply to that
/// message) is the notification's failure; anything else (unreachable, TLS, authentication, "service not available") is
/// the server's, and stops the batch.
/// </summary>
internal sealed class SmtpDelivery(SmtpOptions options) : IMailDelivery
{
    public IMailSession Open() => new Session(options);

    private sealed class Session(SmtpOptions options) : IMailSession
    {
        private readonly SmtpClient _client = new() { Timeout = (int)options.Timeout.TotalMilliseconds };

        public async Task<Sent> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await _client.ConnectAsync(options.Host ?? "localhost", options.Port, Socket(options.Security), cancellationToken).ConfigureAwait(false);
                    if (!string.IsNullOrEmpty(options.User))
                        await _client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken).ConfigureAwait(false);
                }
                await _client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                return Sent.Accepted;
            }
            catch (SmtpCommandException e) when (e.ErrorCode != SmtpErrorCode.UnexpectedStatusCode && e.StatusCode != SmtpStatusCode.ServiceNotAvailable)
            {
                return Sent.Refused(FormattableString.Invariant($"{(int)e.StatusCode} {e.Message}"));
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or SocketException
                or ServiceNotConnectedException or ServiceNotAuthenticatedException or MailKit.Security.AuthenticationException
                or SslHandshakeException or System.Security.Authentication.AuthenticationException or TimeoutException)
            {
                await CloseAsync().ConfigureAwait(false);
                return Sent.Unavailable(e.Message);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await CloseAsync().ConfigureAwait(false);
            _client.Dispose();
        }

        private async Task CloseAsync()
        {
            if (!_client.IsConnected)
                return;
            try
            {
                await _client.DisconnectAsync(quit: true, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
            {
                // The connection is being dropped anyway.
            }
        }
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
