using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <remarks>
/// Writing to many applicants at once is the single message repeated, not a circular: each file gets its own message in
/// its own thread, its own audit entry and its applicant's notification, in its own transaction, so the applicant sees a
/// message from the administration like any other and a file decided meanwhile is refused without stopping the others.
/// What is the same for every file is checked and kept once: the text, and the files, whose bytes are stored once in
/// the content-addressed store and referred to by each message.
/// </remarks>
public sealed partial class Applications
{
    /// <summary>
    /// Posts the message <paramref name="text"/>, with <paramref name="attachments"/> (each read once), on each of
    /// <paramref name="ids"/> from <paramref name="reviewer"/>, as <see cref="PostMessageAsync"/> does on one: a line per
    /// file, sent or refused with the reason (not theirs, without its reference; decided or withdrawn; busy), each refusal
    /// audited. Refused as a whole, with nothing sent, above <see cref="MaxBatch"/> files, for anyone but a reviewer or an
    /// account no longer active, for a text or files a single message would refuse (empty, too long, too many, too large,
    /// not a PDF, JPEG or PNG by its bytes).
    /// </summary>
    public async Task<Outcome<BatchResult>> MessageAllAsync(IReadOnlyCollection<Guid> ids, Actor reviewer, string text, IReadOnlyList<MessageFile> attachments,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(attachments);
        var distinct = ids.Distinct().ToList();
        if (distinct.Count > MaxBatch)
            return Outcome.Refused<BatchResult>(Refusal.Of(RefusalCodes.BatchTooLarge, MaxBatch, distinct.Count));
        if (reviewer.Kind != RoleKind.Reviewer)
            return Outcome.Refused<BatchResult>(Refusal.Of(RefusalCodes.BatchForReviewers));
        var clean = CleanMessage(text);
        if (CheckMessage(clean, attachments.Count) is { } wrong)
            return Outcome.Refused<BatchResult>(wrong);
        try
        {
            if (await InactiveAsync(reviewer, cancellationToken).ConfigureAwait(false) is { } inactive)
                return Outcome.Refused<BatchResult>(inactive);
            var kept = await StoreAttachmentsAsync(attachments, cancellationToken).ConfigureAwait(false);
            if (kept.Refusal is { } rejected)
                return Outcome.Refused<BatchResult>(rejected);
            var lines = new List<BatchLine>(distinct.Count);
            foreach (var id in distinct)
                lines.Add(await MessageOneAsync(id, reviewer, clean, kept.Value!, cancellationToken).ConfigureAwait(false));
            return Outcome.Of(new BatchResult(BatchAction.Message, lines));
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return Outcome.Refused<BatchResult>(Refusal.Of(RefusalCodes.Busy));
        }
    }

    private async Task<BatchLine> MessageOneAsync(Guid id, Actor reviewer, string clean, IReadOnlyList<KeptAttachment> kept, CancellationToken cancellationToken)
    {
        const string What = "batch message";
        string? reference = null;
        try
        {
            var loaded = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
            reference = ReferenceFor(loaded, reviewer);
            if ((Hidden(loaded, reviewer) ?? Closed(loaded!.Application)) is { } refusal)
            {
                await RefuseAsync(id, reviewer, What, reference is null ? null : loaded!.Application.Step, refusal, cancellationToken).ConfigureAwait(false);
                return new BatchLine(id, reference, refusal);
            }
            return new BatchLine(id, reference, (await WriteMessageAsync(id, reviewer, What, clean, kept, cancellationToken).ConfigureAwait(false)).Refusal);
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return new BatchLine(id, reference, Refusal.Of(RefusalCodes.Busy));
        }
    }
}
