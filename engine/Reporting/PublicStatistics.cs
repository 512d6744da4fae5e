using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Reporting;

/// <summary>
/// The public processing statistics of every procedure: what anyone may read before applying. Read from the national
/// rows of the monthly figures the transitions keep (<see cref="Figures"/>), never from the applications: a few
/// hundred rows for twelve months, whatever the number of files, and the same after an erasure (which keeps the
/// figures). Nothing here depends on who asks.
/// </summary>
public sealed class PublicStatistics
{
    private readonly IDbContextFactory<ProceduresDb> _databases;
    private readonly TimeProvider _clock;

    public PublicStatistics(IDbContextFactory<ProceduresDb> databases, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(databases);
        _databases = databases;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The period the statistics cover today: the last twelve full months.</summary>
    public StatisticsPeriod CurrentPeriod => StatisticsPeriod.LastTwelveFullMonths(MoroccoTime.Today(_clock));

    /// <summary>Every procedure's counts and processing times over <paramref name="period"/>, all provinces together.</summary>
    public async Task<StatisticsTally> TallyAsync(StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (from, to) = (period.FirstMonth, period.LastMonth);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var counts = await db.MonthlyFigures.AsNoTracking()
            .Where(f => f.Province == MonthlyFigure.AllProvinces && f.Month >= from && f.Month <= to)
            .GroupBy(f => f.ProcedureId)
            .Select(g => new
            {
                ProcedureId = g.Key,
                Submitted = g.Sum(f => f.Submitted), Decided = g.Sum(f => f.Decided), Approved = g.Sum(f => f.Approved),
                Rejected = g.Sum(f => f.Rejected), Withdrawn = g.Sum(f => f.Withdrawn),
                WithDeadline = g.Sum(f => f.DecidedWithDeadline), InTime = g.Sum(f => f.DecidedInTime),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var histogram = await db.ProcessingTimes.AsNoTracking()
            .Where(t => t.Province == MonthlyFigure.AllProvinces && t.Month >= from && t.Month <= to)
            .GroupBy(t => new { t.ProcedureId, t.Calendar, t.Days })
            .Select(g => new { g.Key.ProcedureId, g.Key.Calendar, g.Key.Days, Count = g.Sum(t => t.Count) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var times = histogram.ToLookup(h => (h.ProcedureId, h.Calendar), h => (h.Days, h.Count));
        var procedures = counts.ToDictionary(
            c => c.ProcedureId,
            c => new ProcedureTally(c.Submitted, c.Decided, c.Approved, c.Rejected, c.Withdrawn, c.WithDeadline, c.InTime)
            {
                BusinessDays = [.. times[(c.ProcedureId, CalendarKind.Business)]],
                CalendarDays = [.. times[(c.ProcedureId, CalendarKind.Calendar)]],
            },
            StringComparer.Ordinal);
        return new StatisticsTally(period, _clock.GetLocalNow(), procedures);
    }
}
