using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <remarks>
/// A batch is the single action repeated: each application is read, checked against the reviewer's rights whatever the
/// page sent, and acted on in its own transaction by the same command as from its case page (optimistic concurrency,
/// audit, notifications, letters), one after the other. One refused or lost to a colleague does not stop the others,
/// and none is ever half-done.
/// </remarks>
public sealed partial class Applications
{
    /// <summary>The most applications one batch acts on: twice an inbox page, so the page never meets it.</summary>
    public const int MaxBatch = 100;

    /// <summary>
    /// What each action of <see cref="BatchActions.Checked"/> would do to <paramref name="ids"/> for <paramref name="reviewer"/>
    /// now: one result per action, each line done or refused with the reason the action would give (for a message: whether
    /// the file may receive one). Nothing is written or audited: it is
    /// what the inbox offers and what its confirmation lists. Refused above <see cref="MaxBatch"/> applications.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<BatchResult>>> CheckBatchAsync(IReadOnlyCollection<Guid> ids, Actor reviewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(reviewer);
        var distinct = ids.Distinct().ToList();
        if (distinct.Count > MaxBatch)
            return Outcome.Refused<IReadOnlyList<BatchResult>>(Refusal.Of(RefusalCodes.BatchTooLarge, MaxBatch, distinct.Count));
        try
        {
            var claims = await ClaimsOnAsync(distinct, cancellationToken).ConfigureAwait(false);
            var lines = BatchActions.Checked.ToDictionary(a => a, _ => new List<BatchLine>(distinct.Count));
            foreach (var id in distinct)
            {
                var loaded = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
                var held = claims[id].ToList();
                foreach (var action in BatchActions.Checked)
                    lines[action].Add(new BatchLine(id, ReferenceFor(loaded, reviewer), await BatchRefusalAsync(loaded, reviewer, action, held, cancellationToken).ConfigureAwait(false)));
            }
            return Outcome.Of<IReadOnlyList<BatchResult>>([.. BatchActions.Checked.Select(a => new BatchResult(a, lines[a]))]);
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return Outcome.Refused<IReadOnlyList<BatchResult>>(Refusal.Of(RefusalCodes.Busy));
        }
    }

    /// <summary>
    /// Takes <paramref name="action"/> on each of <paramref name="ids"/> in turn for <paramref name="reviewer"/>, each in its own
    /// transaction exactly as the single action, with <paramref name="comment"/> (optional) on each decision. Gives a line per
    /// application: done, or refused with the reason (not theirs, no longer permitted, already decided by a colleague, busy),
    /// each refusal audited. Refused as a whole, with nothing done, above <see cref="MaxBatch"/> applications.
    /// </summary>
    public async Task<Outcome<BatchResult>> ActAsync(IReadOnlyCollection<Guid> ids, Actor reviewer, BatchAction action, string? comment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(reviewer);
        if (!BatchActions.All.Contains(action))
            throw new ArgumentOutOfRangeException(nameof(action), action, "labels and messages have their own batch commands (LabelAllAsync, MessageAllAsync)");
        var distinct = ids.Distinct().ToList();
        if (distinct.Count > MaxBatch)
            return Outcome.Refused<BatchResult>(Refusal.Of(RefusalCodes.BatchTooLarge, MaxBatch, distinct.Count));
        if (await InactiveAsync(reviewer, cancellationToken).ConfigureAwait(false) is { } inactive)
            return Outcome.Refused<BatchResult>(inactive);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var lines = new List<BatchLine>(distinct.Count);
        foreach (var id in distinct)
            lines.Add(await ActOnAsync(id, reviewer, action, comment, cancellationToken).ConfigureAwait(false));
        return Outcome.Of(new BatchResult(action, lines));
    }

    private async Task<BatchLine> ActOnAsync(Guid id, Actor reviewer, BatchAction action, string? comment, CancellationToken cancellationToken)
    {
        string? reference = null;
        try
        {
            var loaded = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
            reference = ReferenceFor(loaded, reviewer);
            var held = (await ClaimsOnAsync([id], cancellationToken).ConfigureAwait(false))[id].ToList();
            if (await BatchRefusalAsync(loaded, reviewer, action, held, cancellationToken).ConfigureAwait(false) is { } refusal)
            {
                await RefuseAsync(id, reviewer, "batch " + action.ToString().ToLowerInvariant(), reference is null ? null : loaded!.Application.Step, refusal, cancellationToken).ConfigureAwait(false);
                return new BatchLine(id, reference, refusal);
            }
            var refused = action switch
            {
                BatchAction.Claim => (await ClaimAsync(id, reviewer, cancellationToken).ConfigureAwait(false)).Refusal,
                BatchAction.Release => (await ReleaseAsync(id, reviewer, cancellationToken).ConfigureAwait(false)).Refusal,
                _ => Refused(await RunAsync(id, reviewer, new WorkflowCommand.Decide(loaded!.Application.Step!, action.Decision()!.Value, comment), null, cancellationToken).ConfigureAwait(false)),
            };
            return new BatchLine(id, reference, refused);
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return new BatchLine(id, reference, Refusal.Of(RefusalCodes.Busy));
        }

        static Refusal? Refused(WorkflowResult result) =>
            result.Succeeded ? null : result.Refusal ?? throw new InvalidOperationException("a decision gave neither an application nor a refusal: " + result);
    }

    /// <summary>
    /// Why <paramref name="action"/> may not be taken on the application by <paramref name="reviewer"/>, null when it may:
    /// the rights first (the same refusal for an application that does not exist), then what the single action checks.
    /// <paramref name="claims"/> are the application's claims. A decision on a step a colleague has just settled is
    /// "already decided by" them, as the single decision says.
    /// </summary>
    private async Task<Refusal?> BatchRefusalAsync(Loaded? loaded, Actor reviewer, BatchAction action, IReadOnlyList<PendingWork> claims, CancellationToken cancellationToken)
    {
        var refusal = BatchRefusal(loaded, reviewer, action, claims);
        if (refusal?.Code is not (RefusalCodes.NotAtStep or RefusalCodes.OpinionGiven) || action.Decision() is not { } decision)
            return refusal;
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var application = loaded!.Application;
        return await ExplainAsync(db, application, reviewer, new WorkflowCommand.Decide(application.Step ?? "", decision), refusal, cancellationToken).ConfigureAwait(false);
    }

    private Refusal? BatchRefusal(Loaded? loaded, Actor reviewer, BatchAction action, IReadOnlyList<PendingWork> claims)
    {
        if (Hidden(loaded, reviewer) is { } hidden)
            return hidden;
        var (application, definition) = loaded!;
        switch (action)
        {
            case BatchAction.Claim:
                if (!_workflow.PermittedActions(definition, application, reviewer).Any(a => a.Kind == ActionKind.Decide))
                    return Refusal.Of(RefusalCodes.NotYourStep);
                var holder = claims.FirstOrDefault(c => c.Role == reviewer.Role && c.Step == application.Step);
                return holder is null ? null : Refusal.Of(RefusalCodes.AlreadyClaimed, holder.ClaimedByName ?? holder.ClaimedBy);
            case BatchAction.Release:
                return claims.Any(c => c.ClaimedBy == reviewer.UserId) ? null : Refusal.Of(RefusalCodes.NotClaimed);
            case BatchAction.Message:
                return Closed(application);
            default:
                return _workflow.RefusalInBatch(definition, application, reviewer, action.Decision()!.Value);
        }
    }

    /// <summary>The application's reference when <paramref name="reviewer"/> may see it: nothing is told of another's file.</summary>
    private string? ReferenceFor(Loaded? loaded, Actor reviewer) =>
        Hidden(loaded, reviewer) is null ? loaded!.Application.Reference : null;

    /// <summary>The claims standing on <paramref name="ids"/>, per application.</summary>
    private async Task<ILookup<Guid, PendingWork>> ClaimsOnAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var claimed = await db.PendingWork.AsNoTracking()
            .Where(p => ids.Contains(p.ApplicationId) && p.ClaimedBy != null)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return claimed.ToLookup(p => p.ApplicationId);
    }
}
