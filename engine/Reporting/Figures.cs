using System.Linq.Expressions;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Reporting;

/// <summary>
/// Keeps the dashboard's monthly figures (<see cref="MonthlyFigure"/>, <see cref="ProcessingTime"/>): each transition
/// adds what it changed in its own transaction, so a figure exists iff the transition committed; <see cref="RebuildAsync"/>
/// recomputes them all from the applications with the same rules.
/// </summary>
internal static class Figures
{
    /// <summary>One application's contribution to one month's row: a submission, a decision or a withdrawal.</summary>
    internal sealed record Change(DateOnly Month, string ProcedureId, string Province)
    {
        public int Submitted { get; init; }
        public int Decided { get; init; }
        public int Approved { get; init; }
        public int Rejected { get; init; }
        public int Withdrawn { get; init; }
        public int DecidedWithDeadline { get; init; }
        public int DecidedInTime { get; init; }

        /// <summary>For a decision: the business days it took.</summary>
        public int? BusinessDays { get; init; }

        /// <summary>For a decision: the calendar days it took.</summary>
        public int? CalendarDays { get; init; }

        /// <summary>The histogram's bins a decision adds one to: its days in each kind of calendar.</summary>
        public IEnumerable<(CalendarKind Calendar, int Days)> Times =>
            BusinessDays is { } business && CalendarDays is { } calendar ? [(CalendarKind.Business, business), (CalendarKind.Calendar, calendar)] : [];
    }

    /// <summary>Adds what the transition from <paramref name="before"/> to <paramref name="next"/> changed (nothing for most transitions).</summary>
    public static async Task RecordAsync(ProceduresDb db, BusinessCalendar calendar, Application before, Application next, DateOnly? legalDue, DateOnly today, CancellationToken cancellationToken)
    {
        var changes = new List<Change>();
        if (before.SubmittedOn is null && next.SubmittedOn is { } submitted)
            changes.Add(Submission(next.ProcedureId, next.Province, submitted));
        if (!before.Status.IsFinal() && next.Status.IsFinal() && next.SubmittedOn is not null)
            changes.Add(Ending(calendar, next, legalDue, next.DecidedOn ?? today));
        // Submitted and decided in one transition (a circuit whose steps are all skipped): one row, added to once.
        if (changes is [var first, var last] && first.Month == last.Month)
            changes = [last with { Submitted = first.Submitted }];
        foreach (var change in changes)
            await AddAsync(db, change, cancellationToken).ConfigureAwait(false);
    }

    public static Change Submission(string procedureId, string? province, DateOnly submitted) =>
        new(MonthOf(submitted), procedureId, province ?? PendingWork.Everywhere) { Submitted = 1 };

    /// <summary>A decision (approved, rejected, acknowledged) or a withdrawal, on <paramref name="on"/>.</summary>
    public static Change Ending(BusinessCalendar calendar, Application application, DateOnly? legalDue, DateOnly on)
    {
        var change = new Change(MonthOf(on), application.ProcedureId, application.Province ?? PendingWork.Everywhere);
        if (application.Status == ApplicationStatus.Withdrawn)
            return change with { Withdrawn = 1 };
        return change with
        {
            Decided = 1,
            Approved = application.Status == ApplicationStatus.Approved ? 1 : 0,
            Rejected = application.Status == ApplicationStatus.Rejected ? 1 : 0,
            DecidedWithDeadline = legalDue is null ? 0 : 1,
            DecidedInTime = on <= legalDue ? 1 : 0,
            BusinessDays = DeadlineClock.ElapsedDays(calendar, application.SubmittedOn!.Value, on, CalendarKind.Business, application.Pauses),
            CalendarDays = DeadlineClock.ElapsedDays(calendar, application.SubmittedOn!.Value, on, CalendarKind.Calendar, application.Pauses),
        };
    }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>A change counts in its province and in the national total.</summary>
    private static IEnumerable<Change> Twice(Change change) => [change, change with { Province = MonthlyFigure.AllProvinces }];

    /// <summary>
    /// Adds <paramref name="c"/> to its province's row and to the national one, with one statement for both when they exist
    /// (as they do after a month's first transition) and the rows that do not yet exist added.
    /// </summary>
    private static async Task AddAsync(ProceduresDb db, Change c, CancellationToken cancellationToken)
    {
        // An increment in place: two transactions never lose each other's counts.
        // Only the counts the change adds to are set (a submission adds to one): a shorter statement, translated once per kind of change.
        var updated = await MonthsOf(db, c).ExecuteUpdateAsync(s =>
            {
                // The increment is a constant (a count is 0 or 1), so the statement's text is the same each time.
                foreach (var (count, column) in Counts)
                {
                    if (count(c) is not 0 and var by)
                        s.SetProperty(column, Expression.Lambda<Func<MonthlyFigure, int>>(Expression.Add(column.Body, Expression.Constant(by)), column.Parameters));
                }
            }, cancellationToken)
            .ConfigureAwait(false);
        if (updated < 2)
        {
            var present = updated == 0 ? [] : await MonthsOf(db, c).Select(f => f.Province).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var change in Twice(c).Where(t => !present.Contains(t.Province)))
                db.MonthlyFigures.Add(Row(change));
        }
        if (c.BusinessDays is not { } business || c.CalendarDays is not { } calendar)
            return;
        // Four bins, one statement: business and calendar days, in the province and in the national total.
        updated = await TimesOf(db, c, business, calendar).ExecuteUpdateAsync(s => s.SetProperty(t => t.Count, t => t.Count + 1), cancellationToken).ConfigureAwait(false);
        if (updated < 4)
        {
            var present = updated == 0 ? [] : await TimesOf(db, c, business, calendar).Select(t => new { t.Province, t.Calendar }).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var change in Twice(c))
            {
                foreach (var (kind, days) in c.Times.Where(t => !present.Contains(new { change.Province, Calendar = t.Calendar })))
                    db.ProcessingTimes.Add(new ProcessingTime { Month = c.Month, ProcedureId = c.ProcedureId, Province = change.Province, Calendar = kind, Days = days, Count = 1 });
            }
        }
    }

    /// <summary>Each count of a change and the column it adds to.</summary>
    private static readonly (Func<Change, int> Count, Expression<Func<MonthlyFigure, int>> Column)[] Counts =
    [
        (c => c.Submitted, f => f.Submitted),
        (c => c.Decided, f => f.Decided),
        (c => c.Approved, f => f.Approved),
        (c => c.Rejected, f => f.Rejected),
        (c => c.Withdrawn, f => f.Withdrawn),
        (c => c.DecidedWithDeadline, f => f.DecidedWithDeadline),
        (c => c.DecidedInTime, f => f.DecidedInTime),
    ];

    /// <summary>The rows a change adds to: its province's and the national one.</summary>
    private static IQueryable<MonthlyFigure> MonthsOf(ProceduresDb db, Change c) =>
        db.MonthlyFigures.Where(f => f.Month == c.Month && f.ProcedureId == c.ProcedureId && (f.Province == c.Province || f.Province == MonthlyFigure.AllProvinces));

    private static IQueryable<ProcessingTime> TimesOf(ProceduresDb db, Change c, int businessDays, int calendarDays) =>
        db.ProcessingTimes.Where(t => t.Month == c.Month && t.ProcedureId == c.ProcedureId && (t.Province == c.Province || t.Province == MonthlyFigure.AllProvinces)
            && ((t.Calendar == CalendarKind.Business && t.Days == businessDays) || (t.Calendar == CalendarKind.Calendar && t.Days == calendarDays)));

    private static MonthlyFigure Row(Change c) => new()
    {
        Month = c.Month,
        ProcedureId = c.ProcedureId,
        Province = c.Province,
        Submitted = c.Submitted,
        Decided = c.Decided,
        Approved = c.Approved,
        Rejected = c.Rejected,
        Withdrawn = c.Withdrawn,
        DecidedWithDeadline = c.DecidedWithDeadline,
        DecidedInTime = c.DecidedInTime,
    };

    /// <summary>
    /// Recomputes every figure from the applications (for a database that held applications before the figures
    /// existed, or after a bulk load): the figures are replaced in one transaction. A withdrawal counts in the
    /// month of the application's last change, which is when it was withdrawn.
    /// </summary>
    public static async Task RebuildAsync(ProceduresDb db, BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        var months = new Dictionary<(DateOnly, string, string), MonthlyFigure>();
        var times = new Dictionary<(DateOnly, string, string, CalendarKind, int), ProcessingTime>();
        var rows = db.Applications.AsNoTracking()
            .Where(a => a.SubmittedOn != null)
            .Select(a => new { a.ProcedureId, a.Province, a.Status, a.SubmittedOn, a.DecidedOn, a.DueOn, a.Pauses, a.UpdatedAt })
            .AsAsyncEnumerable();
        await foreach (var a in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var change in Twice(Submission(a.ProcedureId, a.Province, a.SubmittedOn!.Value)))
                Merge(months, times, change);
            var status = ApplicationStatuses.ByName[a.Status];
            if (!status.IsFinal())
                continue;
            var application = new Application
            {
                Id = Guid.Empty, ProcedureId = a.ProcedureId, DefinitionVersion = 0, DefinitionHash = "", OwnerId = "",
                Status = status, Province = a.Province, SubmittedOn = a.SubmittedOn, DecidedOn = a.DecidedOn,
                Pauses = a.Pauses == "[]" ? [] : ApplicationJson.ReadPauses(a.Pauses),
            };
            foreach (var change in Twice(Ending(calendar, application, a.DueOn, a.DecidedOn ?? DateOnly.FromDateTime(a.UpdatedAt))))
                Merge(months, times, change);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.MonthlyFigures.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.ProcessingTimes.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        // Thousands of new rows: added in slices, without change detection, so tracking stays cheap.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var slice in months.Values.Chunk(5000))
            await SaveAsync(db, () => db.MonthlyFigures.AddRange(slice), cancellationToken).ConfigureAwait(false);
        foreach (var slice in times.Values.Chunk(5000))
            await SaveAsync(db, () => db.ProcessingTimes.AddRange(slice), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task SaveAsync(ProceduresDb db, Action add, CancellationToken cancellationToken)
    {
        add();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    private static void Merge(Dictionary<(DateOnly, string, string), MonthlyFigure> months, Dictionary<(DateOnly, string, string, CalendarKind, int), ProcessingTime> times, Change c)
    {
        if (!months.TryGetValue((c.Month, c.ProcedureId, c.Province), out var row))
            months.Add((c.Month, c.ProcedureId, c.Province), Row(c));
        else
        {
            row.Submitted += c.Submitted;
            row.Decided += c.Decided;
            row.Approved += c.Approved;
            row.Rejected += c.Rejected;
            row.Withdrawn += c.Withdrawn;
            row.DecidedWithDeadline += c.DecidedWithDeadline;
            row.DecidedInTime += c.DecidedInTime;
        }
        foreach (var (kind, days) in c.Times)
        {
            if (times.TryGetValue((c.Month, c.ProcedureId, c.Province, kind, days), out var time))
                time.Count++;
            else
                times.Add((c.Month, c.ProcedureId, c.Province, kind, days), new ProcessingTime { Month = c.Month, ProcedureId = c.ProcedureId, Province = c.Province, Calendar = kind, Days = days, Count = 1 });
        }
    }
}
