using EmploymentProcedures.Engine.Storage;

namespace EmploymentProcedures.Host.Operations;

/// <summary>
/// This instance's name on the job leases (<see cref="JobLeases"/>): its host name and process id (<c>web-2/4711</c>),
/// unique among the instances running at one time; a restarted process is a new holder and waits for the lease of the one
/// that crashed to lapse.
/// </summary>
internal sealed class InstanceLeases
{
    /// <summary>How many of a job's periods its lease lasts: a round late by less than that keeps it.</summary>
    public const int PeriodsPerLease = 3;

    private readonly JobLeases _leases;

    public InstanceLeases(JobLeases leases)
        : this(leases, $"{Environment.MachineName}/{Environment.ProcessId}")
    {
    }

    /// <summary>Under another name: a second instance, for the tests of two instances in one process.</summary>
    internal InstanceLeases(JobLeases leases, string holder)
    {
        _leases = leases;
        Holder = holder;
    }

    public string Holder { get; }

    /// <summary>Takes or renews the lease on <paramref name="job"/> for three of its periods; false when another instance holds it.</summary>
    public Task<bool> HoldAsync(string job, TimeSpan period, CancellationToken cancellationToken) =>
        _leases.HoldAsync(job, Holder, PeriodsPerLease * period, cancellationToken);

    /// <summary>Gives the lease up (on a graceful stop), so another instance takes the job at its next round.</summary>
    public Task<bool> ReleaseAsync(string job) =>
        // Not cancelled with the stop that calls it: the point is to run during it.
        _leases.ReleaseAsync(job, Holder, CancellationToken.None);

    public Task<IReadOnlyList<JobLeaseView>> ListAsync(CancellationToken cancellationToken = default) => _leases.ListAsync(cancellationToken);
}

/// <summary>
/// A periodic job that must run on one instance at a time when several share the database: each tick, a round runs only
/// if this instance takes or renews the job's lease; the lease is given up when the portal stops, and lapses after three
/// periods when a holder crashes, for another instance to take. A failed round is logged and the next tick tries again.
/// </summary>
internal abstract class LeasedJob(InstanceLeases leases, TimeProvider clock) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    /// <summary>The lease's name, shown on the administrators' page of jobs.</summary>
    public abstract string Job { get; }

    /// <summary>The time between rounds; zero or less turns the job off.</summary>
    protected abstract TimeSpan Period { get; }

    /// <summary>One round of the job's work.</summary>
    protected internal abstract Task RoundAsync(CancellationToken cancellationToken);

    /// <summary>Called when a round threw (to log it).</summary>
    protected abstract void RoundFailed(Exception exception);

    /// <summary>Called when a tick found the lease with another instance (the round is that instance's).</summary>
    protected virtual void HeldElsewhere()
    {
    }

    /// <summary>Runs a round if this instance holds (or now takes) the lease; false, having done nothing, when another does.</summary>
    internal async Task<bool> RunIfHeldAsync(CancellationToken cancellationToken)
    {
        if (!await leases.HoldAsync(Job, Period, cancellationToken).ConfigureAwait(false))
        {
            HeldElsewhere();
            return false;
        }
        await RoundAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = Period;
        if (period <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(period, Clock);
        try
        {
            do
            {
                try
                {
                    await RunIfHeldAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    RoundFailed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        finally
        {
            await leases.ReleaseAsync(Job).ConfigureAwait(false);
        }
    }
}
