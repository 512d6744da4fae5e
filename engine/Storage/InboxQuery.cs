using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// A reviewer's inbox request made ready for the database: their role and territories (their rights), the filter
/// with categories turned into procedures and urgencies into dates, and the search folded into words. Builds the
/// queries of the page, of the counts and of an export; all start from the rows of the reviewer's role in the
/// territories they see, which is the front of the index (Role, Territory, ...).
/// </summary>
internal sealed record InboxQuery(
    string Role,
    IReadOnlyList<string> Territories,
    string UserId,
    InboxFilter Filter,
    IReadOnlyList<string>? CategoryProcedures,
    IReadOnlyList<string> Words,
    DateOnly Today,
    DateOnly SoonUntil)
{
    /// <summary>At most this many words of a search are used.</summary>
    public const int MaxWords = 8;

    public static InboxQuery For(Actor reviewer, InboxFilter filter, CatalogLabels? labels, DateOnly today, DateOnly soonUntil) => new(
        reviewer.Role,
        reviewer.Provinces.Prepend(PendingWork.Everywhere).Distinct(StringComparer.Ordinal).ToList(),
        reviewer.UserId,
        filter,
        filter.Categories.Count == 0 || labels is null ? null : labels.ProceduresIn(filter.Categories),
        SearchFolding.Words(filter.Search, MaxWords),
        today,
        soonUntil);

    /// <summary>The urgency of a due date, as the filter and the counts see it.</summary>
    public Urgency UrgencyOf(DateOnly due) => due < Today ? Urgency.Overdue : due <= SoonUntil ? Urgency.DueSoon : Urgency.Later;

    /// <summary>The rows of one territory's range of the index, the search applied (the counts start from here).</summary>
    public IQueryable<PendingWork> Range(ProceduresDb db, string territory)
    {
        var role = Role;
        var rows = db.PendingWork.Where(p => p.Role == role && p.Territory == territory);
        foreach (var word in Words)
            rows = rows.Where(p => p.Search.Contains(word));
        return rows;
    }

    /// <summary>Every row the reviewer sees that matches the search (all their territories).</summary>
    public IQueryable<PendingWork> Visible(ProceduresDb db)
    {
        var role = Role;
        var territories = Territories;
        var rows = db.PendingWork.Where(p => p.Role == role && territories.Contains(p.Territory));
        foreach (var word in Words)
            rows = rows.Where(p => p.Search.Contains(word));
        return rows;
    }

    /// <summary><paramref name="rows"/> narrowed by the label filter: the files carrying any of the chosen labels.</summary>
    public IQueryable<PendingWork> Labelled(ProceduresDb db, IQueryable<PendingWork> rows)
    {
        if (Filter.Labels.Count == 0)
            return rows;
        var labels = Filter.Labels;
        // "Among the files carrying one of the labels" rather than "does this row's file carry one": the database may then
        // start from the few labelled files (index (Label, ApplicationId)) and reach their rows by ApplicationId.
        var labelled = db.ApplicationLabels.Where(l => labels.Contains(l.Label)).Select(l => l.ApplicationId);
        return rows.Where(p => labelled.Contains(p.ApplicationId));
    }

    /// <summary><paramref name="rows"/> narrowed by every filter, the labels' unless <paramref name="labels"/> is false (their own counts).</summary>
    public IQueryable<PendingWork> Filtered(ProceduresDb db, IQueryable<PendingWork> rows, bool labels = true)
    {
        if (labels)
            rows = Labelled(db, rows);
        if (Filter.AwaitingReply)
            rows = rows.Where(p => p.AwaitingReply);
        var procedures = Procedures();
        if (procedures is not null)
            rows = rows.Where(p => procedures.Contains(p.ProcedureId));
        if (Filter.Statuses.Count > 0)
        {
            var statuses = Filter.Statuses.Select(s => s.Name()).ToList();
            rows = rows.Where(p => statuses.Contains(p.Status));
        }
        if (Filter.Steps.Count > 0)
        {
            var steps = Filter.Steps;
            rows = rows.Where(p => steps.Contains(p.Step));
        }
        if (Filter.Provinces.Count > 0)
        {
            var provinces = Filter.Provinces;
            rows = rows.Where(p => provinces.Contains(p.Province));
        }
        if (Filter.Urgencies.Count > 0)
        {
            var (today, soon) = (Today, SoonUntil);
            var overdue = Filter.Urgencies.Contains(Urgency.Overdue);
            var dueSoon = Filter.Urgencies.Contains(Urgency.DueSoon);
            var later = Filter.Urgencies.Contains(Urgency.Later);
            rows = rows.Where(p => (overdue && p.DueOn < today) || (dueSoon && p.DueOn >= today && p.DueOn <= soon) || (later && p.DueOn > soon));
        }
        return InboxClaims.Where(rows, Filter.Claims, UserId);
    }

    /// <summary>The procedures both the procedure and the category filters allow; null when neither filters.</summary>
    private List<string>? Procedures()
    {
        if (Filter.Procedures.Count == 0 && CategoryProcedures is null)
            return null;
        IEnumerable<string> allowed = CategoryProcedures ?? Filter.Procedures;
        if (Filter.Procedures.Count > 0 && CategoryProcedures is not null)
            allowed = allowed.Intersect(Filter.Procedures, StringComparer.Ordinal);
        return allowed.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// One page. Each territory the reviewer sees is one range of the index, already in the page's order (due date,
    /// or submission date): each is read, filtered, only up to the end of the page, and the few rows are merged.
    /// Reading all the ranges and sorting them would cost milliseconds when a role has thousands of pending files.
    /// </summary>
    public IQueryable<PendingWork> Page(ProceduresDb db, int page)
    {
        var skip = Math.Max(0, page) * Applications.PageSize;
        IQueryable<PendingWork>? merged = null;
        foreach (var territory in Territories)
        {
            var range = Ordered(Filtered(db, Range(db, territory))).Take(skip + Applications.PageSize);
            merged = merged is null ? range : merged.Concat(range);
        }
        return Ordered(merged!).Skip(skip).Take(Applications.PageSize);
    }

    /// <summary>Every matching row, in the inbox's order (an export).</summary>
    public IQueryable<PendingWork> All(ProceduresDb db) => Ordered(Filtered(db, Visible(db)));

    private IQueryable<PendingWork> Ordered(IQueryable<PendingWork> rows) => Filter.Order switch
    {
        InboxOrder.OldestSubmitted => rows.OrderBy(p => p.SubmittedOn).ThenBy(p => p.Id),
        InboxOrder.NewestSubmitted => rows.OrderByDescending(p => p.SubmittedOn).ThenByDescending(p => p.Id),
        _ => rows.OrderBy(p => p.DueOn).ThenBy(p => p.Id),
    };
}
