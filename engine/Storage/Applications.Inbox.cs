using System.Runtime.CompilerServices;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

public sealed partial class Applications
{
    private static readonly InboxFilter ToActOn = new() { Statuses = [ApplicationStatus.InReview] };

    /// <summary>
    /// What the reviewer's role must act on now (files in review, not those waiting for the applicant's changes), in
    /// their provinces for territorial roles of routed procedures, soonest due first, <see cref="PageSize"/> a page.
    /// Empty for anyone who is not a reviewer. The filtered inbox is <see cref="InboxAsync(Actor, InboxFilter, int, CancellationToken)"/>.
    /// </summary>
    public async Task<IReadOnlyList<InboxItem>> InboxAsync(Actor reviewer, int page = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (reviewer.Kind != RoleKind.Reviewer)
            return [];
        var query = InboxQueryFor(reviewer, ToActOn, null);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await query.Page(db, page).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var labels = await CatalogLabels.LoadAsync(_definitions, cancellationToken).ConfigureAwait(false);
        var on = await LabelsOnAsync(db, rows.ConvertAll(r => r.ApplicationId), cancellationToken).ConfigureAwait(false);
        return rows.Select(p => Item(p, query, labels, on)).ToList();
    }

    /// <summary>
    /// The reviewer's inbox filtered, searched and sorted as <paramref name="filter"/> says, one page of
    /// <see cref="PageSize"/> lines with the total over all pages and the filter panel's counts. The reviewer's
    /// rights always apply first; anyone who is not a reviewer gets an empty page.
    /// </summary>
    public async Task<InboxPage> InboxAsync(Actor reviewer, InboxFilter filter, int page = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(filter);
        var labels = await CatalogLabels.LoadAsync(_definitions, cancellationToken).ConfigureAwait(false);
        var query = InboxQueryFor(reviewer, filter, labels);
        if (reviewer.Kind != RoleKind.Reviewer)
            return new InboxPage([], page, 0, InboxFacets.Count([], query, labels).Counts);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await query.Page(db, page).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var on = await LabelsOnAsync(db, rows.ConvertAll(r => r.ApplicationId), cancellationToken).ConfigureAwait(false);
        var groups = await InboxFacets.GroupsAsync(db, query, cancellationToken).ConfigureAwait(false);
        var (total, counts) = InboxFacets.Count(groups, query, labels);
        // The label counts need every group, not only those a label filter keeps: the groups of the whole view are read again without it.
        var unlabelled = filter.Labels.Count == 0 ? groups
            : await InboxFacets.GroupsAsync(db, query with { Filter = filter with { Labels = [] } }, cancellationToken).ConfigureAwait(false);
        counts = counts with { Labels = await InboxFacets.LabelCountsAsync(db, query, unlabelled, labels, cancellationToken).ConfigureAwait(false) };
        return new InboxPage(rows.Select(p => Item(p, query, labels, on)).ToList(), Math.Max(0, page), total, counts);
    }

    /// <summary>
    /// Every line of the filtered inbox, in its order, read as they are consumed (an export streams them out
    /// without holding them all). Nothing for anyone who is not a reviewer.
    /// </summary>
    public async IAsyncEnumerable<InboxItem> InboxLinesAsync(Actor reviewer, InboxFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(filter);
        if (reviewer.Kind != RoleKind.Reviewer)
            yield break;
        var labels = await CatalogLabels.LoadAsync(_definitions, cancellationToken).ConfigureAwait(false);
        var query = InboxQueryFor(reviewer, filter, labels);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // The lines come in chunks, each chunk's labels read in one query on a second connection while the first streams.
        await using var side = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var chunk = new List<PendingWork>(ExportChunk);
        await foreach (var row in query.All(db).AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(row);
            if (chunk.Count < ExportChunk)
                continue;
            foreach (var item in await ItemsAsync(side, chunk, query, labels, cancellationToken).ConfigureAwait(false))
                yield return item;
            chunk.Clear();
        }
        foreach (var item in await ItemsAsync(side, chunk, query, labels, cancellationToken).ConfigureAwait(false))
            yield return item;
    }

    /// <summary>How many lines of an export are read before their labels are looked up.</summary>
    private const int ExportChunk = 500;

    private static async Task<List<InboxItem>> ItemsAsync(ProceduresDb db, List<PendingWork> rows, InboxQuery query, CatalogLabels labels, CancellationToken cancellationToken)
    {
        var on = await LabelsOnAsync(db, rows.ConvertAll(r => r.ApplicationId), cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(p => Item(p, query, labels, on));
    }

    /// <summary>The published definitions' texts, for labelling what the inbox, exports and dashboard show.</summary>
    internal Task<CatalogLabels> LabelsAsync(CancellationToken cancellationToken) => CatalogLabels.LoadAsync(_definitions, cancellationToken);

    private InboxQuery InboxQueryFor(Actor reviewer, InboxFilter filter, CatalogLabels? labels)
    {
        var today = Today;
        return InboxQuery.For(reviewer, filter, labels, today, DueDates.DueSoonUntil(_calendar, today));
    }

    private static InboxItem Item(PendingWork p, InboxQuery query, CatalogLabels labels, ILookup<Guid, string> on) => new(
        p.ApplicationId, p.ProcedureId, p.Reference, p.Step, p.Role, p.ApplicantName, p.SubmittedOn,
        p.DueOn == DateOnly.MaxValue ? null : p.DueOn,
        ApplicationStatuses.ByName[p.Status],
        p.Province == PendingWork.Everywhere ? null : p.Province,
        query.UrgencyOf(p.DueOn),
        p.ClaimedBy,
        p.ClaimedByName)
    {
        Labels = on[p.ApplicationId] is var ids && ids.Any()
            ? [.. (labels.Definition(p.ProcedureId)?.Labels ?? []).Where(l => ids.Contains(l.Id, StringComparer.Ordinal))]
            : [],
        AwaitingReply = p.AwaitingReply,
    };
}
