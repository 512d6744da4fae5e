using EmploymentProcedures.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using EmploymentProcedures.Host.Localization;

namespace EmploymentProcedures.Host.Notifying;

/// <summary>
/// Runs the dispatcher at the start and then every <see cref="MailOptions.DispatchInterval"/> (zero: never). While the
/// server is down it waits longer each time (the retry delays), then goes back to its interval once an e-mail gets through.
/// Every instance runs it, with no job lease (<see cref="Operations.LeasedJob"/>): the outbox claims each notification for one
/// round with a conditional update before sending it (and records each person's e-mail accepted), so two instances never
/// send the same one, and sending is shared between them rather than waiting on one.
/// </summary>
internal sealed partial class MailDispatch(MailDispatcher dispatcher, MailOptions options, TimeProvider clock, ILogger<MailDispatch> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.DispatchInterval;
        if (interval <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(interval, clock);
        var outages = 0;
        var pausedUntil = DateTimeOffset.MinValue;
        do
        {
            if (clock.GetUtcNow() < pausedUntil)
                continue;
            try
            {
                var report = await dispatcher.RunAsync(stoppingToken).ConfigureAwait(false);
                if (report.Claimed > 0)
                    Dispatched(report.Sent, report.Mails, report.Skipped, report.Failed, report.SetAside);
                if (report.Unavailable is not null)
                {
                    outages++;
                    pausedUntil = clock.GetUtcNow() + options.RetryDelay(outages);
                    Paused(pausedUntil);
                }
                else
                {
                    outages = 0;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                DispatchFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mails: {Sent} notification(s) sent in {Mails} e-mail(s), {Skipped} person(s) skipped (no address, no e-mail chosen, or told in their daily summary), {Failed} failed, {SetAside} set aside")]
    private partial void Dispatched(int sent, int mails, int skipped, int failed, int setAside);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail delivery is unavailable; the dispatcher tries again at {Until:u}")]
    private partial void Paused(DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Error, Message = "The e-mail dispatch failed; it runs again at the next interval")]
    private partial void DispatchFailed(Exception exception);
}

/// <summary>The e-mail services of the portal: SMTP when configured, otherwise the pickup folder under the data folder.</summary>
internal static class MailSetup
{
    public static IServiceCollection AddPortalMail(this IServiceCollection services, IConfiguration configuration, PortalOptions portal, string dataPath)
    {
        var options = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        services.AddSingleton(options);
        services.AddSingleton<IMailDelivery>(string.IsNullOrWhiteSpace(options.Smtp.Host)
            ? new PickupFolderDelivery(Path.GetFullPath(options.PickupPath, dataPath))
            : new SmtpDelivery(options.Smtp));
        services.AddSingleton(services => new Outbox(services.GetRequiredService<IDbContextFactory<ProceduresDb>>()));
        services.AddSingleton(services => new NotificationMail(
            services.GetRequiredService<IStringLocalizer<Strings>>(), services.GetRequiredService<TimeProvider>(), options, PublicUrl(portal.PublicUrl)));
        services.AddSingleton<MailDispatcher>();
        services.AddHostedService<MailDispatch>();
        // The daily summaries of the reviewers and staff who chose them: a leased job, sent by one instance.
        services.AddSingleton<DigestMail>();
        services.AddHostedService<DailySummaries>();
        return services;
    }

    /// <summary>The public address with a final slash, so that pages are added after its path base.</summary>
    public static Uri PublicUrl(string url) => new(url.TrimEnd('/') + "/", UriKind.Absolute);
}
