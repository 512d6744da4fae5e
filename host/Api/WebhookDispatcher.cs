using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host.Api;

/// <summary>What one round of the webhook dispatcher did.</summary>
internal readonly record struct WebhookRound(int Claimed, int Delivered, int Failed, int GivenUp, int Dropped);

/// <summary>
/// One round of pushes: claims the events due (<see cref="PartnerEvents.ClaimAsync"/>, so two instances never post the same one
/// while a claim holds), checks each one's client again (a revoked client, one past its last day, without a webhook, or whose
/// grant no longer covers the application gets nothing: the event is dropped with the reason), posts it signed
/// (<see cref="WebhookSigning"/>) and records the answer's status code or a short, cleaned error. Any 2xx is delivered; anything
/// else is retried after 1 minute, 5, 30, 2 hours, then every 6 hours until <see cref="PortalOptions.ApiWebhookGiveUpAfter"/>,
/// then given up. Events are not delivered in order per client: a failed one waits while the next go.
/// </summary>
internal sealed partial class WebhookDispatcher(
    PartnerEvents events, WebhookSecrets secrets, IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<PortalOptions> options, TimeProvider clock,
    ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "webhooks";

    /// <summary>The most events one round claims; sent four at a time.</summary>
    public const int BatchSize = 40;

    private const int Parallelism = 4;

    /// <summary>The error kept with a push not sent because the client's signing secret cannot be read (English, as the others).</summary>
    public const string UnreadableSecret = "not sent: the signing secret can no longer be read (data-protection keys lost or replaced); renew it on the client's page";

    /// <summary>The longest excerpt of a refusing answer's body kept with the error.</summary>
    public const int ExcerptLength = 120;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly TimeSpan[] Delays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];

    /// <summary>
    /// When to try again after the <paramref name="failures"/>-th failed attempt, or null to give up: 1, 5, 30 minutes, 2 hours,
    /// then 6 hours, the last delay cut so that the last attempt comes <paramref name="giveUpAfter"/> after the first failure.
    /// </summary>
    public static TimeSpan? RetryDelay(int failures, TimeSpan giveUpAfter)
    {
        var elapsed = TimeSpan.Zero;
        for (var i = 1; i < failures; i++)
            elapsed += Delays[Math.Min(i, Delays.Length) - 1];
        if (elapsed >= giveUpAfter)
            return null;
        var next = Delays[Math.Min(failures, Delays.Length) - 1];
        return next < giveUpAfter - elapsed ? next : giveUpAfter - elapsed;
    }

    public Task<WebhookRound> RunAsync(CancellationToken cancellationToken) => RunAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>A round as at <paramref name="now"/> (UTC): the events due then.</summary>
    public async Task<WebhookRound> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var claim = "webhooks-" + Guid.NewGuid().ToString("N")[..16];
        // Long enough for the whole batch at the timeout, four at a time, and more.
        var lease = settings.ApiWebhookTimeout * (BatchSize / Parallelism) + TimeSpan.FromMinutes(1);
        var batch = await events.ClaimAsync(claim, now, BatchSize, lease, cancellationToken);
        if (batch.Count == 0)
            return default;
        Dictionary<string, ApiClient> clients;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var ids = batch.Select(e => e.ClientId).Distinct().ToList();
            clients = await scope.ServiceProvider.GetRequiredService<AccountsDb>().ApiClients.AsNoTracking()
                .Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        }
        var today = MoroccoTime.Today(clock);
        int delivered = 0, failed = 0, givenUp = 0, dropped = 0;
        try
        {
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (item, token) =>
            {
                if (Refusal(clients.GetValueOrDefault(item.ClientId), item, today) is { } reason)
                {
                    await events.DroppedAsync(item.Id, claim, reason, now, token);
                    Interlocked.Increment(ref dropped);
                    return;
                }
                var client = clients[item.ClientId];
                // A secret the keys no longer open is never replaced by no signature: the attempt fails, and is retried
                // (signed with the new secret) once an administrator renews it on the client's page.
                var secret = secrets.Reveal(client.WebhookSecret);
                if (secret is null)
                    SecretUnreadable(client.Id);
                var (status, error) = secret is null ? (null, UnreadableSecret) : await PostAsync(client, secret, item, token);
                var at = clock.GetUtcNow().UtcDateTime;
                if (error is null)
                {
                    await events.DeliveredAsync(item.Id, claim, status!.Value, at, token);
                    Interlocked.Increment(ref delivered);
                    return;
                }
                var delay = RetryDelay(item.Attempts + 1, settings.ApiWebhookGiveUpAfter);
                // The next attempt counts from the round's time, so a test (or a late round) sees the schedule as written.
                await events.FailedAsync(item.Id, claim, status, error, at, delay is { } wait ? now + wait : null, token);
                Interlocked.Increment(ref failed);
                if (delay is null)
                {
                    Interlocked.Increment(ref givenUp);
                    GaveUp(ApiApplicationChanged.IdOf(item.Id), client.Id, item.Attempts + 1, error);
                }
            });
        }
        finally
        {
            // What a cancelled round did not settle goes back at once, no attempt counted.
            await events.ReleaseAsync(claim, CancellationToken.None);
        }
        return new WebhookRound(batch.Count, delivered, failed, givenUp, dropped);
    }

    /// <summary>Why <paramref name="client"/> gets the event no more (English, kept with it), or null when it does.</summary>
    private static string? Refusal(ApiClient? client, PartnerEventItem item, DateOnly today) => client switch
    {
        null => "the client no longer exists",
        { RevokedAt: not null } => "the client was revoked",
        { ExpiresOn: { } last } when today > last => "the client's token has expired",
        { WebhookUrl: null } or { WebhookSecret: null } => "the client no longer has a webhook",
        _ when !ApiClients.AccessOf(client).Covers(item.ProcedureId, item.Province, ApplicationStatuses.ByName[item.Status]) =>
            "the client's grant no longer covers the application",
        _ => null,
    };

    /// <summary>Posts the event; the answer's status code, and null or why it failed.</summary>
    private async Task<(int? Status, string? Error)> PostAsync(ApiClient client, string secret, PartnerEventItem item, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(ApiApplicationChanged.Of(item), Json);
        var id = ApiApplicationChanged.IdOf(item.Id);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, client.WebhookUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigning.Sign(secret, id, timestamp, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ApiWebhookTimeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return (status, null);
            return (status, $"HTTP {status}: {await ExcerptAsync(response, timeout.Token)}".TrimEnd(' ', ':'));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {options.Value.ApiWebhookTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException e)
        {
            return (null, Cleaned(e.InnerException is { } inner && inner.Message.Length > 0 ? $"{e.Message} ({inner.Message})" : e.Message, 250));
        }
    }

    /// <summary>The start of a refusing answer's body, on one line, without control characters; nothing more of it is kept.</summary>
    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[ExcerptLength * 4];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            return Cleaned(Encoding.UTF8.GetString(buffer, 0, read), ExcerptLength);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return "";
        }
    }

    /// <summary><paramref name="text"/> on one line: controls and runs of spaces made one space, cut to <paramref name="length"/> characters.</summary>
    internal static string Cleaned(string text, int length)
    {
        var cleaned = new StringBuilder(Math.Min(text.Length, length));
        foreach (var c in text)
        {
            if (cleaned.Length >= length)
                break;
            var shown = char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) ? ' ' : c;
            if (shown != ' ' || (cleaned.Length > 0 && cleaned[^1] != ' '))
                cleaned.Append(shown);
        }
        return cleaned.ToString().Trim();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook signing secret of API client {ClientId} cannot be read (data-protection keys lost or replaced): its pushes are not sent until an administrator renews it")]
    private partial void SecretUnreadable(string clientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook push {EventId} to API client {ClientId} given up after {Attempts} attempt(s): {Error}")]
    private partial void GaveUp(string eventId, string clientId, int attempts, string error);
}

/// <summary>
/// Runs the webhook dispatcher every <see cref="PortalOptions.ApiWebhookInterval"/> (zero: never) on every instance, with no job
/// lease: the events are claimed. At the start, and every ten minutes, it tells the engine again which clients listen.
/// </summary>
internal sealed partial class WebhookDispatch(WebhookDispatcher dispatcher, IServiceScopeFactory scopes, IOptions<PortalOptions> options, TimeProvider clock, ILogger<WebhookDispatch> logger)
    : BackgroundService
{
    private static readonly TimeSpan SynchronizeEvery = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ApiWebhookInterval;
        if (interval <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(interval, clock);
        var synchronized = DateTimeOffset.MinValue;
        do
        {
            try
            {
                if (clock.GetUtcNow() - synchronized >= SynchronizeEvery)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ApiClients>().SynchronizeListenersAsync(stoppingToken);
                    synchronized = clock.GetUtcNow();
                }
                var round = await dispatcher.RunAsync(stoppingToken);
                if (round.Claimed > 0)
                    Dispatched(round.Delivered, round.Failed, round.GivenUp, round.Dropped);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                DispatchFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhooks: {Delivered} push(es) delivered, {Failed} failed, {GivenUp} given up, {Dropped} dropped (client no longer covered)")]
    private partial void Dispatched(int delivered, int failed, int givenUp, int dropped);

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook dispatch failed; it runs again at the next interval")]
    private partial void DispatchFailed(Exception exception);
}
