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
        return rows.Select(p => Item(p, query)).ToList();
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
        var groups = await InboxFacets.GroupsAsync(db, query, cancellationToken).ConfigureAwait(false);
        var (total, counts) = InboxFacets.Count(groups, query, labels);
        return new InboxPage(rows.Select(p => Item(p, query)).ToList(), Math.Max(0, page), total, counts);
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
        var labels = filter.Categories.Count == 0 ? null : await CatalogLabels.LoadAsync(_definitions, cancellationToken).ConfigureAwait(false);
        var query = InboxQueryFor(reviewer, filter, labels);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in query.All(db).AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            yield return Item(row, query);
    }

    /// <summary>The published definitions' texts, for labelling what the inbox, exports and dashboard show.</summary>
    internal Task<CatalogLabels> LabelsAsync(CancellationToken cancellationToken) => CatalogLabels.LoadAsync(_definitions, cancellationToken);

    private InboxQuery InboxQueryFor(Actor reviewer, InboxFilter filter, CatalogLabels? labels)
    {
        var today = Today;
        return InboxQuery.For(reviewer, filter, labels, today, DueDates.DueSoonUntil(_calendar, today));
    }

    private static InboxItem Item(PendingWork p, InboxQuery query) => new(
        p.ApplicationId, p.ProcedureId, p.Reference, p.Step, p.Role, p.ApplicantName, p.SubmittedOn,
        p.DueOn == DateOnly.MaxValue ? null : p.DueOn,
        ApplicationStatuses.ByName[p.Status],
        p.Province == PendingWork.Everywhere ? null : p.Province,
        query.UrgencyOf(p.DueOn),
        p.ClaimedBy,
        p.ClaimedByName);
}
