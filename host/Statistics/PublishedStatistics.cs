using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Reporting;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host.Statistics;

/// <summary>
/// The public statistics as the portal serves them: the engine's tally of the current period, read once and kept in
/// memory for <see cref="Lifetime"/>, so a burst of anonymous visitors (the procedure pages, <c>/statistics</c> and its
/// CSV) costs the database one read every quarter of an hour rather than one per page. The period is part of what is
/// kept: on the first day of a month the next request reads the new period at once.
/// </summary>
/// <remarks>
/// Why a quarter of an hour: the period ends with the last full month, which no transition of today adds to, so its
/// figures change only on rare late events (a rebuild of the figures, a procedure published anew); a visitor may see
/// them a quarter of an hour late, never a figure of the month under way. The definitions are not kept: each page
/// applies the one it serves, so a new version's deadline shows at once.
/// </remarks>
public sealed class PublishedStatistics : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly PublicStatistics _statistics;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private Kept? _kept;

    public PublishedStatistics(PublicStatistics statistics, IOptions<PortalOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        // Portal.Build refuses a smaller one with the setting's name.
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Value.StatisticsThreshold, 1);
        _statistics = statistics;
        _clock = clock;
        Threshold = options.Value.StatisticsThreshold;
    }

    /// <summary>The fewest decisions behind a published figure (<c>Portal:StatisticsThreshold</c>).</summary>
    public int Threshold { get; }

    /// <summary>The tally of the current period, from memory when it was read less than <see cref="Lifetime"/> ago.</summary>
    public async Task<StatisticsTally> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var period = _statistics.CurrentPeriod;
        if (Fresh(Volatile.Read(ref _kept), period) is { } tally)
            return tally;
        // One read at a time: the visitors who arrive while it runs get its result.
        await _reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_kept, period) is { } read)
                return read;
            var fresh = await _statistics.TallyAsync(period, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _kept, new Kept(fresh, _clock.GetUtcNow() + Lifetime));
            return fresh;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>One procedure's figures as they may be published, from <see cref="CurrentAsync"/>.</summary>
    public async Task<(StatisticsTally Tally, ProcedureStatistics Figures)> OfAsync(ProcedureDefinition definition, CancellationToken cancellationToken = default)
    {
        var tally = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        return (tally, tally.For(definition, Threshold));
    }

    public void Dispose() => _reading.Dispose();

    private StatisticsTally? Fresh(Kept? kept, StatisticsPeriod period) =>
        kept is not null && kept.Tally.Period == period && _clock.GetUtcNow() < kept.Until ? kept.Tally : null;

    private sealed record Kept(StatisticsTally Tally, DateTimeOffset Until);
}
