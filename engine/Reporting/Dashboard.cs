using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Reporting;

/// <summary>
/// The figures of the dashboard for delegates, directors and administrators, restricted to the territory the
/// viewer covers: volumes per procedure and month, processing times against the legal deadline, and the backlog
/// per province and per step; each procedure's times in its legal deadline's unit. Volumes and times are read from the monthly figures each transition keeps
/// (<see cref="Figures"/>), a few thousand rows whatever the number of applications; the backlog is counted from
/// an index of the applications.
/// </summary>
/// <remarks>
/// Who sees what: the administrator and reviewers of central (non-territorial) roles the whole country; reviewers of
/// territorial roles their provinces only (not the files of procedures that are not routed, which no province owns);
/// applicants, analysts and external parties (governor's office, CNSS...) nothing.
/// </remarks>
public sealed class Dashboard
{
    private static readonly string[] PendingStatuses = [ApplicationStatus.InReview.Name(), ApplicationStatus.ChangesRequested.Name()];

    private readonly IDbContextFactory<ProceduresDb> _databases;
    private readonly DefinitionStore _definitions;
    private readonly TimeProvider _clock;

    public Dashboard(IDbContextFactory<ProceduresDb> databases, DefinitionStore definitions, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(definitions);
        _databases = databases;
        _definitions = definitions;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The figures of <paramref name="filter"/>'s period and provinces, within what <paramref name="viewer"/> covers; a refusal for those who see none.</summary>
    public async Task<Outcome<DashboardFigures>> FiguresAsync(Actor viewer, DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(filter);
        if (!Covers(viewer, out var covered))
            return Outcome.Refused<DashboardFigures>(Refusal.Of(RefusalCodes.NotAllowed));
        var provinces = covered is null
            ? (filter.Provinces.Count == 0 ? null : filter.Provinces.Distinct(StringComparer.Ordinal).ToList())
            : (filter.Provinces.Count == 0 ? covered : covered.Intersect(filter.Provinces, StringComparer.Ordinal).ToList());
        var (from, to) = (Figures.MonthOf(filter.From), Figures.MonthOf(filter.To));
        var procedures = filter.Procedures;
        var today = DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);
        var labels = await CatalogLabels.LoadAsync(_definitions, cancellationToken).ConfigureAwait(false);

        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var monthly = db.MonthlyFigures.AsNoTracking().Where(f => f.Month >= from && f.Month <= to);
        // Each procedure's times in its legal deadline's unit only: half the histogram's rows.
        var business = labels.ProceduresInBusinessDays();
        var times = db.ProcessingTimes.AsNoTracking().Where(t => t.Month >= from && t.Month <= to
            && (t.Calendar == CalendarKind.Business ? business.Contains(t.ProcedureId) : !business.Contains(t.ProcedureId)));
        var pending = db.Applications.AsNoTracking().Where(a => PendingStatuses.Contains(a.Status));
        if (provinces is null)
        {
            monthly = monthly.Where(f => f.Province == MonthlyFigure.AllProvinces);
            times = times.Where(t => t.Province == MonthlyFigure.AllProvinces);
        }
        else
        {
            monthly = monthly.Where(f => provinces.Contains(f.Province));
            times = times.Where(t => provinces.Contains(t.Province));
            var unrouted = provinces.Contains(PendingWork.Everywhere);
            pending = pending.Where(a => provinces.Contains(a.Province!) || (unrouted && a.Province == null));
        }
        if (procedures.Count > 0)
        {
            monthly = monthly.Where(f => procedures.Contains(f.ProcedureId));
            times = times.Where(t => procedures.Contains(t.ProcedureId));
            pending = pending.Where(a => procedures.Contains(a.ProcedureId));
        }

        var volumes = await monthly
            .GroupBy(f => new { f.ProcedureId, f.Month })
            .Select(g => new
            {
                g.Key.ProcedureId, g.Key.Month,
                Submitted = g.Sum(f => f.Submitted), Decided = g.Sum(f => f.Decided), Approved = g.Sum(f => f.Approved),
                Rejected = g.Sum(f => f.Rejected), Withdrawn = g.Sum(f => f.Withdrawn),
                WithDeadline = g.Sum(f => f.DecidedWithDeadline), InTime = g.Sum(f => f.DecidedInTime),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var histogram = await times
            .GroupBy(t => new { t.ProcedureId, t.Calendar, t.Days })
            .Select(g => new { g.Key.ProcedureId, g.Key.Calendar, g.Key.Days, Count = g.Sum(t => t.Count) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Grouped in the order of the index (Status, Province, ProcedureId, Step, DueOn), so no sort is needed.
        var backlog = await pending
            .GroupBy(a => new { a.Status, a.Province, a.ProcedureId, a.Step })
            .Select(g => new { g.Key.Province, g.Key.ProcedureId, g.Key.Step, g.Key.Status, Count = g.Count(), Overdue = g.Count(a => a.DueOn < today) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // Each procedure's times in its legal deadline's unit, as the public statistics give them.
        var days = histogram.ToLookup(h => (h.ProcedureId, h.Calendar), h => (h.Days, h.Count));
        var byProcedure = volumes.GroupBy(v => v.ProcedureId, StringComparer.Ordinal)
            .Select(g =>
            {
                var deadline = labels.Definition(g.Key)?.Deadline;
                var unit = ProcedureStatistics.UnitOf(deadline);
                var bins = days[(g.Key, unit)].ToList();
                return new ProcedurePerformance(g.Key, labels.Procedure(g.Key), deadline,
                    new Performance(g.Sum(v => v.Decided), Median(bins), unit, g.Sum(v => v.WithDeadline), g.Sum(v => v.InTime)));
            })
            .Where(p => p.Figures.Decided > 0)
            .OrderByDescending(p => p.Figures.Decided).ThenBy(p => p.ProcedureId, StringComparer.Ordinal)
            .ToList();
        // Together, one figure per unit: the share in time is a count of decisions against their own due dates, but a
        // median of business and calendar days at once would be in neither.
        var overall = new DecisionCounts(volumes.Sum(v => v.Decided), volumes.Sum(v => v.WithDeadline), volumes.Sum(v => v.InTime));
        var overallByUnit = byProcedure.GroupBy(p => p.Figures.DaysUnit).OrderBy(g => g.Key)
            .Select(g => new Performance(
                g.Sum(p => p.Figures.Decided),
                Median(g.SelectMany(p => days[(p.ProcedureId, g.Key)]).GroupBy(b => b.Days).Select(b => (b.Key, b.Sum(x => x.Count))).ToList()),
                g.Key, g.Sum(p => p.Figures.DecidedWithDeadline), g.Sum(p => p.Figures.DecidedInTime)))
            .ToList();

        var waiting = ApplicationStatus.ChangesRequested.Name();
        var lines = backlog.Select(b => (Province: b.Province ?? PendingWork.Everywhere, b.ProcedureId, Step: b.Step ?? "", Waiting: b.Status == waiting, b.Count,
            Overdue: b.Status == waiting ? 0 : b.Overdue)).ToList();
        var byProvince = lines.GroupBy(l => l.Province, StringComparer.Ordinal)
            .Select(g => new Backlog(g.Key, null, labels.Province(g.Key), g.Sum(l => l.Count), g.Sum(l => l.Overdue), g.Where(l => l.Waiting).Sum(l => l.Count)))
            .OrderByDescending(b => b.Pending).ThenBy(b => b.Key, StringComparer.Ordinal)
            .ToList();
        var byStep = lines.GroupBy(l => (l.ProcedureId, l.Step))
            .Select(g => new Backlog(g.Key.Step, g.Key.ProcedureId, StepLabel(labels, g.Key.ProcedureId, g.Key.Step),
                g.Sum(l => l.Count), g.Sum(l => l.Overdue), g.Where(l => l.Waiting).Sum(l => l.Count)))
            .OrderByDescending(b => b.Pending).ThenBy(b => b.ProcedureId, StringComparer.Ordinal).ThenBy(b => b.Key, StringComparer.Ordinal)
            .ToList();

        return Outcome.Of(new DashboardFigures(
            provinces, from, to,
            volumes.OrderBy(v => v.ProcedureId, StringComparer.Ordinal).ThenBy(v => v.Month)
                .Select(v => new MonthlyVolume(v.ProcedureId, v.Month, v.Submitted, v.Decided, v.Approved, v.Rejected, v.Withdrawn)).ToList(),
            byProcedure, overall, overallByUnit, byProvince, byStep));
    }

    /// <summary>
    /// Recomputes the monthly figures from the applications, replacing them: for a database that held applications
    /// before the figures were kept, or after a bulk load. Transitions keep them up to date otherwise.
    /// </summary>
    public async Task RebuildAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await Figures.RebuildAsync(db, _definitions.Library.Calendar, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Recomputes the figures when decisions were counted before calendar days were kept (a database migrated from a
    /// version without them: its histogram has business days only), so the public statistics have every decision's
    /// calendar days; does nothing otherwise, at the cost of two reads of a small table. True when it recomputed.
    /// </summary>
    public async Task<bool> CompleteAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var times = db.ProcessingTimes.AsNoTracking();
            if (!await times.AnyAsync(t => t.Calendar == CalendarKind.Business, cancellationToken).ConfigureAwait(false)
                || await times.AnyAsync(t => t.Calendar == CalendarKind.Calendar, cancellationToken).ConfigureAwait(false))
                return false;
        }
        await RebuildAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Whether <paramref name="viewer"/> sees figures, and which provinces (null: the whole country).</summary>
    private bool Covers(Actor viewer, out IReadOnlyList<string>? provinces)
    {
        provinces = null;
        switch (viewer.Kind)
        {
            case RoleKind.Staff:
                return viewer.IsSystem || viewer.Role == "administrator";
            case RoleKind.Reviewer when _definitions.Library.Roles.TryGetValue(viewer.Role, out var role) && !role.External:
                if (role.Territorial)
                    provinces = viewer.Provinces.Distinct(StringComparer.Ordinal).ToList();
                return true;
            default:
                return false;
        }
    }

    /// <summary>The median of a histogram of whole days (the mean of the two middle values for an even count); null when empty.</summary>
    internal static double? Median(IReadOnlyList<(int Days, int Count)> bins)
    {
        var total = bins.Sum(b => (long)b.Count);
        if (total == 0)
            return null;
        var (lower, upper) = ((total - 1) / 2, total / 2);
        int? low = null;
        long seen = 0;
        foreach (var (days, count) in bins.OrderBy(b => b.Days))
        {
            seen += count;
            if (low is null && seen > lower)
                low = days;
            if (seen > upper)
                return (low!.Value + days) / 2.0;
        }
        throw new InvalidOperationException("unreachable: the middle of a non-empty histogram");
    }

    private static LocalizedText StepLabel(CatalogLabels labels, string procedureId, string step)
    {
        var (procedure, title) = (labels.Procedure(procedureId), labels.Step(step, procedureId));
        return new LocalizedText(LocalizedText.Languages.ToDictionary(l => l, l => $"{procedure.Get(l)} — {title.Get(l)}", StringComparer.Ordinal));
    }
}
