using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <remarks>
/// Labels and "awaiting a reply" are how reviewers organise their queue: they belong to the staff, never to the file's
/// administrative state. Whoever may open a file as a reviewer (the same rule as opening it) sets and removes its labels;
/// an administrator reads them; an applicant is refused and is never shown them (not in their timeline, pages or
/// archive); the partners' API does not carry them. The labels offered are those of the procedure's latest published
/// version, whatever version the file was filed on: they are today's way of sorting the work, not part of what was filed.
/// </remarks>
public sealed partial class Applications
{
    /// <summary>The file's labels and whether its applicant awaits a reply, for a reviewer or an administrator who may see it.</summary>
    public async Task<Outcome<FileLabels>> LabelsAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            var seen = await SeeLabelsAsync(id, actor, "labels", setting: false, cancellationToken).ConfigureAwait(false);
            if (seen.Refusal is { } refusal)
                return Outcome.Refused<FileLabels>(refusal);
            await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            return Outcome.Of(await FileLabelsAsync(db, id, seen.Offered!, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return Outcome.Refused<FileLabels>(Refusal.Of(RefusalCodes.Busy));
        }
    }

    /// <summary>
    /// Puts the label <paramref name="labelId"/> on the file (<paramref name="on"/>) or takes it off, for a reviewer who may
    /// see the file; the label must be one its procedure declares (taking off one no longer declared is allowed). Doing what
    /// is already done changes and audits nothing; otherwise the change and its audit entry (who, when, which label) are one
    /// transaction. Every refusal is a value, audited. Gives the file's labels after the change.
    /// </summary>
    public async Task<Outcome<FileLabels>> SetLabelAsync(Guid id, Actor actor, string labelId, bool on, CancellationToken cancellationToken = default) =>
        (await LabelAsync(id, actor, labelId, on, cancellationToken).ConfigureAwait(false)).Outcome;

    /// <summary>
    /// Puts <paramref name="labelId"/> on (or takes it off) each of <paramref name="ids"/> in turn, as <see cref="SetLabelAsync"/>
    /// does for one, each in its own transaction: a line per file, done or refused with the reason (not theirs, a procedure
    /// without that label). Refused as a whole, with nothing done, above <see cref="MaxBatch"/> files.
    /// </summary>
    public async Task<Outcome<BatchResult>> LabelAllAsync(IReadOnlyCollection<Guid> ids, Actor reviewer, string labelId, bool on, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(reviewer);
        var distinct = ids.Distinct().ToList();
        if (distinct.Count > MaxBatch)
            return Outcome.Refused<BatchResult>(Refusal.Of(RefusalCodes.BatchTooLarge, MaxBatch, distinct.Count));
        var lines = new List<BatchLine>(distinct.Count);
        foreach (var id in distinct)
        {
            var (done, reference) = await LabelAsync(id, reviewer, labelId, on, cancellationToken).ConfigureAwait(false);
            lines.Add(new BatchLine(id, reference, done.Refusal));
        }
        return Outcome.Of(new BatchResult(on ? BatchAction.AddLabel : BatchAction.RemoveLabel, lines));
    }

    /// <summary>What <see cref="SetLabelAsync"/> does, with the file's reference when the reviewer may see it (a batch's line names it).</summary>
    private async Task<(Outcome<FileLabels> Outcome, string? Reference)> LabelAsync(Guid id, Actor actor, string labelId, bool on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(labelId);
        return await WriteLabelsAsync(id, actor, (on ? "label " : "unlabel ") + labelId, async (db, application, offered, now) =>
        {
            var row = await db.ApplicationLabels.FirstOrDefaultAsync(l => l.ApplicationId == id && l.Label == labelId, cancellationToken).ConfigureAwait(false);
            if (on && row is null && offered.All(l => l.Id != labelId))
                return Refusal.Of(RefusalCodes.UnknownLabel, labelId);
            if (on == (row is not null))
                return null;
            if (row is null)
                db.ApplicationLabels.Add(new ApplicationLabel { ApplicationId = id, Label = labelId, SetAt = now, SetBy = actor.UserId });
            else
                db.ApplicationLabels.Remove(row);
            await AuditLog.AppendAsync(db, [Audited(id, actor, on ? StorageEvents.Labelled : StorageEvents.Unlabelled, application.Step,
                detail: labelId, from: application.Status, to: application.Status)], now, cancellationToken).ConfigureAwait(false);
            return null;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A reviewer says the applicant's last message needs no reply: the file leaves "awaiting a reply" (until the applicant
    /// writes again), audited; nothing is written when it was not awaiting one. Gives the file's labels and state after.
    /// </summary>
    public async Task<Outcome<FileLabels>> NoReplyNeededAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (outcome, _) = await WriteLabelsAsync(id, actor, "no_reply_needed", async (db, application, _, now) =>
        {
            var cleared = await db.PendingWork.Where(p => p.ApplicationId == id && p.AwaitingReply)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.AwaitingReply, false), cancellationToken).ConfigureAwait(false);
            if (cleared > 0)
            {
                await AuditLog.AppendAsync(db, [Audited(id, actor, StorageEvents.NoReplyNeeded, application.Step, from: application.Status, to: application.Status)],
                    now, cancellationToken).ConfigureAwait(false);
            }
            return null;
        }, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>
    /// One change of a file's labels or reply state by <paramref name="actor"/>, who must be a reviewer who may see the file
    /// with an active account: <paramref name="write"/> makes it (its changes, audit entry included, saved in one
    /// transaction) or gives the refusal, audited, with nothing saved. Gives the file's labels after, and its reference when
    /// the actor may see it.
    /// </summary>
    private async Task<(Outcome<FileLabels> Outcome, string? Reference)> WriteLabelsAsync(Guid id, Actor actor, string what,
        Func<ProceduresDb, Application, IReadOnlyList<LabelDefinition>, DateTime, Task<Refusal?>> write, CancellationToken cancellationToken)
    {
        try
        {
            var seen = await SeeLabelsAsync(id, actor, what, setting: true, cancellationToken).ConfigureAwait(false);
            var reference = seen.Loaded?.Application.Reference;
            if (seen.Refusal is { } hidden)
                return (Outcome.Refused<FileLabels>(hidden), reference);
            var application = seen.Loaded!.Application;
            await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (await write(db, application, seen.Offered!, Now).ConfigureAwait(false) is { } refusal)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                await RefuseAsync(id, actor, what, application.Step, refusal, cancellationToken).ConfigureAwait(false);
                return (Outcome.Refused<FileLabels>(refusal), reference);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // A colleague put the same label on at the same moment: it is on, which is what was asked.
                return (await LabelsAsync(id, actor, cancellationToken).ConfigureAwait(false), reference);
            }
            return (Outcome.Of(await FileLabelsAsync(db, id, seen.Offered!, cancellationToken).ConfigureAwait(false)), reference);
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return (Outcome.Refused<FileLabels>(Refusal.Of(RefusalCodes.Busy)), null);
        }
    }

    /// <summary>
    /// The file and the labels its procedure offers, when <paramref name="actor"/> may see it and is staff (a reviewer;
    /// an administrator too when only reading), with an active account when <paramref name="setting"/>; the refusal,
    /// audited, otherwise (with the file when the actor may see it).
    /// </summary>
    private async Task<(Loaded? Loaded, IReadOnlyList<LabelDefinition>? Offered, Refusal? Refusal)> SeeLabelsAsync(
        Guid id, Actor actor, string what, bool setting, CancellationToken cancellationToken)
    {
        var seen = setting
            ? await SeeToWriteAsync(id, actor, what, cancellationToken).ConfigureAwait(false)
            : await SeeAsync(id, actor, what, cancellationToken).ConfigureAwait(false);
        if (seen.Refusal is { } hidden)
            return (seen.Loaded, null, hidden);
        var loaded = seen.Loaded!;
        if (!(actor.Kind == RoleKind.Reviewer || (!setting && actor.Kind == RoleKind.Staff)))
        {
            var refusal = Refusal.Of(RefusalCodes.LabelsForReviewers);
            await RefuseAsync(id, actor, what, loaded.Application.Step, refusal, cancellationToken).ConfigureAwait(false);
            return (loaded, null, refusal);
        }
        var latest = await _definitions.LatestAsync(loaded.Application.ProcedureId, cancellationToken).ConfigureAwait(false);
        return (loaded, (latest?.Definition ?? loaded.Definition).Labels, null);
    }

    private static async Task<FileLabels> FileLabelsAsync(ProceduresDb db, Guid id, IReadOnlyList<LabelDefinition> offered, CancellationToken cancellationToken)
    {
        var on = await db.ApplicationLabels.AsNoTracking().Where(l => l.ApplicationId == id).Select(l => l.Label)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var awaiting = await db.PendingWork.AsNoTracking().AnyAsync(p => p.ApplicationId == id && p.AwaitingReply, cancellationToken).ConfigureAwait(false);
        return new FileLabels(offered, on.ToHashSet(StringComparer.Ordinal), awaiting);
    }

    /// <summary>The labels of the files of a page or an export's chunk, as their procedures' latest versions declare them, in declared order.</summary>
    private static async Task<ILookup<Guid, string>> LabelsOnAsync(ProceduresDb db, List<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? Array.Empty<Guid>().ToLookup(i => i, _ => "")
        : (await db.ApplicationLabels.AsNoTracking().Where(l => ids.Contains(l.ApplicationId)).Select(l => new { l.ApplicationId, l.Label })
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(l => l.ApplicationId, l => l.Label);
}

/// <summary>
/// A file's labels as a reviewer sees them: those its procedure offers (<paramref name="Offered"/>, in the definition's
/// order), the ids it carries (<paramref name="On"/>: may hold one no longer offered, which is kept but not shown), and
/// whether its applicant wrote last and awaits a reply.
/// </summary>
public sealed record FileLabels(IReadOnlyList<LabelDefinition> Offered, IReadOnlySet<string> On, bool AwaitingReply)
{
    /// <summary>The labels to show: offered and on, in the definition's order.</summary>
    public IReadOnlyList<LabelDefinition> Shown => [.. Offered.Where(l => On.Contains(l.Id))];
}
