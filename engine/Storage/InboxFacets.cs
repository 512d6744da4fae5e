using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// The filter panel's counts, from ONE grouped query: the reviewer's rows (rights and search applied) counted by
/// procedure, step, status, province and urgency, a few hundred groups at most. Every count and the total are
/// then sums over those groups, each kind of filter counted with the others applied but not itself.
/// </summary>
internal static class InboxFacets
{
    /// <summary>Rows alike in everything the panel counts.</summary>
    internal sealed record Group(string ProcedureId, string Step, string Status, string Province, Urgency Urgency, int Claim, bool AwaitingReply, int Count);

    private enum Kind
    {
        Procedure,
        Category,
        Status,
        Step,
        Province,
        Urgency,
        Claim,
        AwaitingReply,
    }

    private static readonly LocalizedText[] UrgencyLabels =
    [
        LocalizedText.Of("En retard", "متأخر", "Overdue"),
        LocalizedText.Of("Échéance proche", "أجل قريب", "Due soon"),
        LocalizedText.Of("Plus tard", "لاحقا", "Later"),
    ];

    private static readonly (string Value, LocalizedText Label)[] ClaimLabels =
    [
        ("unclaimed", LocalizedText.Of("Non pris en charge", "غير متكفل به", "Unclaimed")),
        ("mine", LocalizedText.Of("Pris en charge par moi", "متكفل به من طرفي", "Claimed by me")),
        ("others", LocalizedText.Of("Pris en charge par un collègue", "متكفل به من طرف زميل", "Claimed by a colleague")),
    ];

    public static string Name(Urgency urgency) => urgency switch
    {
        Urgency.Overdue => "overdue",
        Urgency.DueSoon => "due_soon",
        _ => "later",
    };

    public static LocalizedText Label(Urgency urgency) => UrgencyLabels[(int)urgency];

    public static async Task<List<Group>> GroupsAsync(ProceduresDb db, InboxQuery query, CancellationToken cancellationToken)
    {
        var rows = await GroupsQuery(db, query).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows
            .SelectMany(r => new[] { (Urgency.Overdue, r.Overdue), (Urgency.DueSoon, r.DueSoon), (Urgency.Later, r.Count - r.Overdue - r.DueSoon) }
                .Where(u => u.Item2 > 0)
                .Select(u => new Group(r.ProcedureId, r.Step, r.Status, r.Province, u.Item1, InboxClaims.Of(r.ClaimedBy, query.UserId), r.AwaitingReply, u.Item2)))
            .ToList();
    }

    internal sealed record Row(string ProcedureId, string Step, string Status, string Province, string? ClaimedBy, bool AwaitingReply, int Count, int Overdue, int DueSoon);

    /// <summary>
    /// The grouped count over the reviewer's rows, grouped in the order of the index (Role, Territory, ProcedureId,
    /// Step, Status, Province, ClaimedBy, AwaitingReply, DueOn) that holds every column it reads, so it neither sorts nor reads
    /// the table (unless it searches, or filters by label: then the files' labels are looked up by their key); a test reads its plan.
    /// </summary>
    internal static IQueryable<Row> GroupsQuery(ProceduresDb db, InboxQuery query)
    {
        var (today, soon) = (query.Today, query.SoonUntil);
        return query.Labelled(db, query.Visible(db)).AsNoTracking()
            .GroupBy(p => new { p.ProcedureId, p.Step, p.Status, p.Province, p.ClaimedBy, p.AwaitingReply })
            .Select(g => new Row(g.Key.ProcedureId, g.Key.Step, g.Key.Status, g.Key.Province, g.Key.ClaimedBy, g.Key.AwaitingReply, g.Count(),
                g.Count(p => p.DueOn < today), g.Count(p => p.DueOn >= today && p.DueOn <= soon)));
    }

    /// <summary>
    /// The label filter's counts: the files carrying each label among the reviewer's rows with every other filter applied,
    /// (one grouped query); only the labels their procedures' latest versions declare, one value per id (a file is counted
    /// under the id it carries), in their declared order. Not asked when none of the procedures in <paramref name="groups"/> declares a label.
    /// </summary>
    public static async Task<IReadOnlyList<FacetCount>> LabelCountsAsync(ProceduresDb db, InboxQuery query, IReadOnlyList<Group> groups, CatalogLabels labels, CancellationToken cancellationToken)
    {
        var declared = groups.Select(g => g.ProcedureId).Distinct(StringComparer.Ordinal)
            .SelectMany(p => (labels.Definition(p)?.Labels ?? []).Select(l => (Procedure: p, Label: l)))
            .ToList();
        if (declared.Count == 0 && query.Filter.Labels.Count == 0)
            return [];
        var counted = await LabelCountsQuery(db, query).ToListAsync(cancellationToken).ConfigureAwait(false);
        return counted
            .Select(c => (c.Label, c.Count, Definition: declared.FirstOrDefault(d => d.Label.Id == c.Label).Label))
            .Where(c => c.Definition is not null)
            .Select(c => (Facet: new FacetCount(c.Label, c.Definition.Title, c.Count) { Colour = c.Definition.Colour },
                Position: declared.FindIndex(d => d.Label.Id == c.Label)))
            // In the order the definitions declare them, so a label's checkbox does not move as counts change.
            .OrderBy(f => f.Position).ThenBy(f => f.Facet.Value, StringComparer.Ordinal)
            .Select(f => f.Facet)
            .ToList();
    }

    internal sealed record LabelRow(string Label, int Count);

    /// <summary>
    /// The files carrying each label among the reviewer's rows, every filter but the labels' applied: it starts from the
    /// labels (few files carry one) and asks of each whether one of the reviewer's rows is its file's (index on
    /// ApplicationId), rather than looking up the labels of each of the reviewer's rows; a test reads its plan.
    /// </summary>
    internal static IQueryable<LabelRow> LabelCountsQuery(ProceduresDb db, InboxQuery query)
    {
        var rows = query.Filtered(db, query.Visible(db), labels: false);
        return db.ApplicationLabels.AsNoTracking()
            .Where(l => rows.Any(p => p.ApplicationId == l.ApplicationId))
            .GroupBy(l => l.Label)
            .Select(g => new LabelRow(g.Key, g.Count()));
    }

    /// <summary>The total of the lines matching every filter, and each kind's counts (the labels' are <see cref="LabelCountsAsync"/>'s).</summary>
    public static (int Total, InboxCounts Counts) Count(IReadOnlyList<Group> groups, InboxQuery query, CatalogLabels labels)
    {
        var filter = query.Filter;
        var statuses = filter.Statuses.Select(s => s.Name()).ToHashSet(StringComparer.Ordinal);
        bool Passes(Group g, Kind kind) => kind switch
        {
            Kind.Procedure => filter.Procedures.Count == 0 || filter.Procedures.Contains(g.ProcedureId, StringComparer.Ordinal),
            Kind.Category => query.CategoryProcedures is null || query.CategoryProcedures.Contains(g.ProcedureId, StringComparer.Ordinal),
            Kind.Status => statuses.Count == 0 || statuses.Contains(g.Status),
            Kind.Step => filter.Steps.Count == 0 || filter.Steps.Contains(g.Step, StringComparer.Ordinal),
            Kind.Province => filter.Provinces.Count == 0 || filter.Provinces.Contains(g.Province, StringComparer.Ordinal),
            Kind.Urgency => filter.Urgencies.Count == 0 || filter.Urgencies.Contains(g.Urgency),
            Kind.Claim => filter.Claims switch
            {
                ClaimFilter.Mine => g.Claim == InboxClaims.Mine,
                ClaimFilter.Unclaimed => g.Claim == InboxClaims.Unclaimed,
                _ => true,
            },
            Kind.AwaitingReply => !filter.AwaitingReply || g.AwaitingReply,
            _ => true,
        };
        bool PassesOthers(Group g, Kind except) => Enum.GetValues<Kind>().All(k => k == except || Passes(g, k));

        List<(string Value, int Count)> Tally(Kind kind, Func<Group, string?> value) => groups
            .Where(g => PassesOthers(g, kind))
            .GroupBy(value)
            .Where(v => v.Key is not null)
            .Select(v => (v.Key!, v.Sum(g => g.Count)))
            .Where(v => v.Item2 > 0)
            .ToList();
        IReadOnlyList<FacetCount> ByCount(IEnumerable<(string Value, int Count)> tally, Func<string, LocalizedText> label) =>
            tally.OrderByDescending(t => t.Count).ThenBy(t => t.Value, StringComparer.Ordinal).Select(t => new FacetCount(t.Value, label(t.Value), t.Count)).ToList();
        IReadOnlyList<FacetCount> InOrder(IEnumerable<(string Value, int Count)> tally, IReadOnlyList<(string Value, LocalizedText Label)> order) =>
            order.Select(o => new FacetCount(o.Value, o.Label, tally.FirstOrDefault(t => t.Value == o.Value).Count)).Where(f => f.Count > 0).ToList();

        var total = groups.Where(g => Enum.GetValues<Kind>().All(k => Passes(g, k))).Sum(g => g.Count);
        var counts = new InboxCounts(
            ByCount(Tally(Kind.Procedure, g => g.ProcedureId), labels.Procedure),
            ByCount(Tally(Kind.Category, g => labels.CategoryOf(g.ProcedureId)), labels.Category),
            InOrder(Tally(Kind.Status, g => g.Status), [.. Enum.GetValues<ApplicationStatus>().Where(s => s.IsPending()).Select(s => (s.Name(), CatalogLabels.Status(s)))]),
            ByCount(Tally(Kind.Step, g => g.Step), id => labels.Step(id, filter.Procedures.Count == 1 ? filter.Procedures[0] : null)),
            ByCount(Tally(Kind.Province, g => g.Province), labels.Province),
            InOrder(Tally(Kind.Urgency, g => Name(g.Urgency)), [.. Enum.GetValues<Urgency>().Select(u => (Name(u), UrgencyLabels[(int)u]))]),
            InOrder(Tally(Kind.Claim, g => ClaimLabels[g.Claim].Value), ClaimLabels))
        {
            AwaitingReply = groups.Where(g => g.AwaitingReply && PassesOthers(g, Kind.AwaitingReply)).Sum(g => g.Count),
        };
        return (total, counts);
    }
}
