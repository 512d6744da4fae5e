using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace EmploymentProcedures.Host.Tests.Api;

/// <summary>
/// A partner's webhook: a real HTTP listener on a free loopback port that keeps what it received and answers the statuses it
/// is told (then 204), each after <see cref="Delay"/>.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<int> _answers = new();

    public WebhookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://localhost:{port}/hooks/ep/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public TimeSpan Delay { get; set; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The next answers' statuses, in order (a 500's body is a page with a stack trace, as a server's error would be).</summary>
    public void Answer(params int[] statuses)
    {
        foreach (var status in statuses)
            _answers.Enqueue(status);
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                Requests.Enqueue(new Received(context.Request.HttpMethod, context.Request.ContentType, context.Request.Headers["webhook-id"],
                    context.Request.Headers["webhook-timestamp"], context.Request.Headers["webhook-signature"], body));
                await Task.Delay(Delay);
                var status = _answers.TryDequeue(out var next) ? next : 204;
                context.Response.StatusCode = status;
                if (status >= 400)
                {
                    var page = Encoding.UTF8.GetBytes("<html>\r\n<body>Erreur\tinterne\n   at Partner.Hooks.Receive() in /src/Hooks.cs:line 42\n" + new string('x', 2000) + "</body></html>");
                    await context.Response.OutputStream.WriteAsync(page);
                }
                context.Response.Close();
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    /// <summary>One request as the partner's server saw it.</summary>
    internal sealed record Received(string Method, string? ContentType, string? Id, string? Timestamp, string? Signature, string Body)
    {
        /// <summary>The Standard Webhooks check a partner makes: HMAC-SHA256 with the secret's bytes over <c>id.timestamp.body</c>, compared in constant time, and a recent timestamp.</summary>
        public bool IsSignedWith(string secret, DateTimeOffset now)
        {
            if (Id is null || Timestamp is null || Signature is null || !long.TryParse(Timestamp, out var seconds)
                || Math.Abs(now.ToUnixTimeSeconds() - seconds) > 300)
                return false;
            var key = Convert.FromBase64String(secret["whsec_".Length..]);
            var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}"))));
            return Signature.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
        }
    }
}
