using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

public sealed partial class Applications
{
    private static readonly string InReview = ApplicationStatus.InReview.Name();

    /// <summary>
    /// The deadline sweep, run daily by the host: every application in review whose legal deadline passed
    /// before <paramref name="today"/> and whose procedure says <c>on_deadline: approve</c> or <c>reject</c>
    /// is decided so by <see cref="Actor.System"/> (audited, the applicant notified); the roles that must act on
    /// an application due soon (within <see cref="Deadlines.DeadlineClock.DefaultDueSoonBusinessDays"/> business days) are told once.
    /// </summary>
    public async Task<SweepReport> SweepAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        List<(Guid Id, string ProcedureId, int Version)> overdue;
        List<Guid> nearing;
        var horizon = DueDates.DueSoonUntil(_calendar, today);
        await using (var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            overdue = (await db.Applications.AsNoTracking()
                .Where(a => a.Status == InReview && a.DueOn != null && a.DueOn < today)
                .Select(a => new { a.Id, a.ProcedureId, a.DefinitionVersion })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
                .Select(a => (a.Id, a.ProcedureId, a.DefinitionVersion)).ToList();
            nearing = await db.Applications.AsNoTracking()
                .Where(a => a.Status == InReview && a.DueOn != null && a.DueOn >= today && a.DueOn <= horizon
                    && !db.Notifications.Any(n => n.ApplicationId == a.Id && n.Kind == StorageEvents.DeadlineNear))
                .Select(a => a.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var lapsed = 0;
        foreach (var (id, procedureId, version) in overdue)
        {
            var definition = await _definitions.GetAsync(procedureId, version, cancellationToken).ConfigureAwait(false);
            if (definition?.OnDeadline is not ("approve" or "reject"))
                continue;
            var result = await RunAsync(id, Actor.System, new WorkflowCommand.LapseDeadline(), today, null, cancellationToken).ConfigureAwait(false);
            lapsed += result.Succeeded ? 1 : 0;
        }

        var warned = 0;
        foreach (var id in nearing)
            warned += await WarnAsync(id, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        return new SweepReport(lapsed, warned);
    }

    /// <summary>Tells each role that must act on <paramref name="id"/> that its deadline is near, unless they were told already.</summary>
    private async Task<bool> WarnAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await db.Notifications.AnyAsync(n => n.ApplicationId == id && n.Kind == StorageEvents.DeadlineNear, cancellationToken).ConfigureAwait(false))
            return false;
        var pending = await db.PendingWork.AsNoTracking().Where(p => p.ApplicationId == id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
            return false;
        db.Notifications.AddRange(pending.Select(p => new Notification
        {
            ApplicationId = id,
            Recipient = Notification.RolePrefix + p.Role,
            Territory = p.Territory,
            Kind = StorageEvents.DeadlineNear,
            Step = p.Step,
            Status = InReview,
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
