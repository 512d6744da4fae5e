using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <remarks>
/// A claim says "I am working on this file" so that two agents do not work on it unknowingly; it does not stop
/// anyone from acting. It sits on the pending-work row of the reviewer's role (one per role that must act, so
/// each role of a parallel step has its own), and goes when that row does: when the step changes or the
/// application leaves review. Taking it is one conditional update (<c>WHERE ClaimedBy IS NULL</c>), so of
/// many reviewers claiming at once exactly one gets it, on SQLite and PostgreSQL alike.
/// </remarks>
public sealed partial class Applications
{
    /// <summary>
    /// Claims the current step of the application for <paramref name="reviewer"/>, who must be able to act on it now.
    /// Claiming again what one holds gives the same claim; a claim held by someone else is refused, naming them.
    /// </summary>
    public async Task<Outcome<StepClaim>> ClaimAsync(Guid id, Actor reviewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        const string What = "claim";
        try
        {
            var loaded = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
            var refusal = await MayNotWriteAsync(loaded, reviewer, cancellationToken).ConfigureAwait(false);
            if (refusal is null && !_workflow.PermittedActions(loaded!.Definition, loaded.Application, reviewer).Any(a => a.Kind == ActionKind.Decide))
                refusal = Refusal.Of(RefusalCodes.NotYourStep);
            if (refusal is null)
            {
                var step = loaded!.Application.Step!;
                var (claim, holder) = await TakeAsync(id, reviewer, step, cancellationToken).ConfigureAwait(false);
                if (claim is not null)
                    return Outcome.Of(claim);
                refusal = holder is null ? Refusal.Of(RefusalCodes.NotAtStep, step) : Refusal.Of(RefusalCodes.AlreadyClaimed, holder);
            }
            await RefuseAsync(id, reviewer, What, loaded?.Application.Step, refusal, cancellationToken).ConfigureAwait(false);
            return Outcome.Refused<StepClaim>(refusal);
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return Outcome.Refused<StepClaim>(Refusal.Of(RefusalCodes.Busy));
        }
    }

    /// <summary>
    /// Releases the claims <paramref name="actor"/> may release: their own, or for an administrator every claim on
    /// the application. A reviewer whose role's work someone else holds is refused, naming them. Gives the claims
    /// still standing.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<StepClaim>>> ReleaseAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            var seen = await SeeToWriteAsync(id, actor, "release", cancellationToken).ConfigureAwait(false);
            if (seen.Refusal is { } refused)
                return Outcome.Refused<IReadOnlyList<StepClaim>>(refused);

            var now = Now;
            await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var claimed = await db.PendingWork.Where(p => p.ApplicationId == id && p.ClaimedBy != null).ToListAsync(cancellationToken).ConfigureAwait(false);
            var staff = actor.Kind == RoleKind.Staff;
            var released = claimed.Where(p => staff || p.ClaimedBy == actor.UserId).ToList();
            if (released.Count == 0)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                if (claimed.FirstOrDefault(p => p.Role == actor.Role) is { } held)
                {
                    var refusal = Refusal.Of(RefusalCodes.AlreadyClaimed, held.ClaimedByName);
                    await RefuseAsync(id, actor, "release", seen.Loaded!.Application.Step, refusal, cancellationToken).ConfigureAwait(false);
                    return Outcome.Refused<IReadOnlyList<StepClaim>>(refusal);
                }
                return Outcome.Of<IReadOnlyList<StepClaim>>(claimed.Select(StepClaim.From).ToList());
            }

            await AuditLog.AppendAsync(db, [Audited(id, actor, StorageEvents.Released, released[0].Step,
                detail: string.Join(", ", released.Select(p => $"{p.Role}: {p.ClaimedByName}")))], now, cancellationToken).ConfigureAwait(false);
            foreach (var row in released)
            {
                row.ClaimedBy = null;
                row.ClaimedByName = null;
                row.ClaimedAt = null;
            }
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return Outcome.Of<IReadOnlyList<StepClaim>>(claimed.Except(released).Select(StepClaim.From).ToList());
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return Outcome.Refused<IReadOnlyList<StepClaim>>(Refusal.Of(RefusalCodes.Busy));
        }
    }

    /// <summary>
    /// After an administrator changed or deactivated the account <paramref name="userId"/>: releases the claims it holds on work
    /// it can no longer act on as <paramref name="standing"/> (the account's actor now; null when it is deactivated, so every
    /// claim goes), so that colleagues can take those files; the claims it keeps show its name as it is now. Each release is
    /// audited in <paramref name="administrator"/>'s name, who alone may ask. Gives the claims released.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<ReleasedClaim>>> ReleaseClaimsOfAsync(string userId, Actor? standing, Actor administrator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(administrator);
        if (administrator is not { Kind: RoleKind.Staff, Role: Administrator })
            return Outcome.Refused<IReadOnlyList<ReleasedClaim>>(Refusal.Of(RefusalCodes.NotAllowed));
        try
        {
            var now = Now;
            await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var held = await db.PendingWork.Where(p => p.ClaimedBy == userId).ToListAsync(cancellationToken).ConfigureAwait(false);
            var released = held.Where(p => !MayStillAct(standing, p)).ToList();
            var audits = released.GroupBy(p => p.ApplicationId)
                .Select(g => Audited(g.Key, administrator, StorageEvents.Released, g.First().Step,
                    detail: string.Join(", ", g.Select(p => $"{p.Role}: {p.ClaimedByName}"))))
                .ToList();
            if (audits.Count > 0)
                await AuditLog.AppendAsync(db, audits, now, cancellationToken).ConfigureAwait(false);
            var result = released.Select(p => new ReleasedClaim(p.ApplicationId, StepClaim.From(p))).ToList();
            foreach (var row in held)
            {
                if (released.Contains(row))
                    (row.ClaimedBy, row.ClaimedByName, row.ClaimedAt) = (null, null, null);
                else
                    row.ClaimedByName = standing!.Name;
            }
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return Outcome.Of<IReadOnlyList<ReleasedClaim>>(result);
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return Outcome.Refused<IReadOnlyList<ReleasedClaim>>(Refusal.Of(RefusalCodes.Busy));
        }
    }

    private const string Administrator = "administrator";

    /// <summary>Whether <paramref name="reviewer"/> still sees this work in their inbox: their role, and their province or everywhere.</summary>
    private static bool MayStillAct(Actor? reviewer, PendingWork work) =>
        reviewer is { Kind: RoleKind.Reviewer } && reviewer.Role == work.Role
        && (work.Territory == PendingWork.Everywhere || reviewer.Provinces.Contains(work.Territory, StringComparer.Ordinal));

    /// <summary>Who is working on the application now, one claim per role, for its reviewers and staff (an applicant is shown none).</summary>
    public Task<Outcome<IReadOnlyList<StepClaim>>> ClaimsAsync(Guid id, Actor actor, CancellationToken cancellationToken = default) =>
        ReadAsync(id, actor, "claims", async db => actor.Kind == RoleKind.Applicant ? []
            : (await db.PendingWork.AsNoTracking()
                .Where(p => p.ApplicationId == id && p.ClaimedBy != null)
                .OrderBy(p => p.Role)
                .ToListAsync(cancellationToken).ConfigureAwait(false))
                .Select(StepClaim.From).ToList(), cancellationToken);

    /// <summary>
    /// Sets the claim on the reviewer's role's pending work at <paramref name="step"/> if nobody holds it, in one
    /// statement. Gives the claim, or when someone else got there first, their name (none when the step has moved on).
    /// </summary>
    private async Task<(StepClaim? Claim, string? Holder)> TakeAsync(Guid id, Actor reviewer, string step, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var work = db.PendingWork.Where(p => p.ApplicationId == id && p.Role == reviewer.Role && p.Step == step);
        var taken = await work.Where(p => p.ClaimedBy == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.ClaimedBy, reviewer.UserId)
                .SetProperty(p => p.ClaimedByName, reviewer.Name)
                .SetProperty(p => p.ClaimedAt, now), cancellationToken).ConfigureAwait(false);
        var row = await work.AsNoTracking().FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (taken == 0)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            // Claiming again what one holds is not a conflict.
            return row?.ClaimedBy == reviewer.UserId ? (StepClaim.From(row), null) : (null, row?.ClaimedByName);
        }
        await AuditLog.AppendAsync(db, [Audited(id, reviewer, StorageEvents.Claimed, step, detail: reviewer.Role)], now, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (StepClaim.From(row!), null);
    }

    /// <summary>Inside a transition that keeps the step: the claims of the roles still to act carry over to their new pending work.</summary>
    private static async Task KeepClaimsAsync(ProceduresDb db, Guid id, List<PendingWork> work, CancellationToken cancellationToken)
    {
        var claims = await db.PendingWork.AsNoTracking()
            .Where(p => p.ApplicationId == id && p.ClaimedBy != null)
            .Select(p => new { p.Role, p.ClaimedBy, p.ClaimedByName, p.ClaimedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var claim in claims)
        {
            foreach (var row in work.Where(w => w.Role == claim.Role))
                (row.ClaimedBy, row.ClaimedByName, row.ClaimedAt) = (claim.ClaimedBy, claim.ClaimedByName, claim.ClaimedAt);
        }
    }

}

/// <summary>A reviewer working on an application's current step for their role.</summary>
/// <param name="UserId">The claimer's user id; <paramref name="Name"/> is how they are shown.</param>
/// <param name="ClaimedAt">UTC.</param>
public sealed record StepClaim(string Step, string Role, string UserId, string Name, DateTime ClaimedAt)
{
    internal static StepClaim From(PendingWork p) =>
        new(p.Step, p.Role, p.ClaimedBy!, p.ClaimedByName ?? p.ClaimedBy!, p.ClaimedAt ?? default);
}

/// <summary>A claim released for its holder, on the application <paramref name="ApplicationId"/>.</summary>
public sealed record ReleasedClaim(Guid ApplicationId, StepClaim Claim);
