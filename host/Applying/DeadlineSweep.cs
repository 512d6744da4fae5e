using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Operations;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host.Applying;

/// <summary>
/// Runs the engine's deadline sweep (<see cref="Applications.SweepAsync"/>) soon after the start, then every
/// <see cref="PortalOptions.SweepInterval"/>: lapsed deadlines get their <c>on_deadline</c> outcome and
/// reviewers are told of files due soon. The sweep is idempotent, so several instances or a restart do no harm;
/// one failed round is logged and the next one tries again. Each round's outcome goes to <see cref="SweepRecord"/> for <c>/health/ready</c>.
/// </summary>
internal sealed partial class DeadlineSweep(
    Applications applications, TimeProvider clock, IOptions<PortalOptions> options, SweepRecord record, ILogger<DeadlineSweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SweepInterval;
        if (interval <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                var report = await applications.SweepAsync(MoroccoTime.Today(clock), stoppingToken).ConfigureAwait(false);
                Swept(report.Lapsed, report.Warned);
                record.Succeeded(clock.GetUtcNow());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                SweepFailed(e);
                record.Failed();
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline sweep: {Lapsed} application(s) decided by their deadline, {Warned} due soon")]
    private partial void Swept(int lapsed, int warned);

    [LoggerMessage(Level = LogLevel.Error, Message = "The deadline sweep failed; it runs again at the next interval")]
    private partial void SweepFailed(Exception exception);
}
