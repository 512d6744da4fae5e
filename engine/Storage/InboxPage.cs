using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>One page of a reviewer's filtered inbox, with the total and the counts of the filter panel.</summary>
/// <param name="Total">Lines matching every filter, over all pages.</param>
public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Page, int Total, InboxCounts Counts)
{
    public int Pages => (Total + Applications.PageSize - 1) / Applications.PageSize;
}

/// <summary>
/// How many lines each filter value would give: for each kind of filter, counted with every OTHER filter (and the
/// search) applied but not its own, so the panel shows what choosing another value would give. Values with no
/// line are left out.
/// </summary>
public sealed record InboxCounts(
    IReadOnlyList<FacetCount> Procedures,
    IReadOnlyList<FacetCount> Categories,
    IReadOnlyList<FacetCount> Statuses,
    IReadOnlyList<FacetCount> Steps,
    IReadOnlyList<FacetCount> Provinces,
    IReadOnlyList<FacetCount> Urgencies,
    IReadOnlyList<FacetCount> Claims)
{
    /// <summary>The labels' values (their ids) with the files carrying each, the other filters applied; empty when no procedure seen declares labels.</summary>
    public IReadOnlyList<FacetCount> Labels { get; init; } = [];

    /// <summary>How many lines await a reply from the reviewers (the applicant wrote last), the other filters applied.</summary>
    public int AwaitingReply { get; init; }

    /// <summary>The count of <paramref name="urgency"/> (overdue, due soon), 0 when none.</summary>
    public int Of(Urgency urgency) => Urgencies.FirstOrDefault(u => u.Value == InboxFacets.Name(urgency))?.Count ?? 0;
}

/// <summary>One value of a filter: its id (what <see cref="InboxFilter"/> takes), its label in fr/ar/en, and how many lines it gives.</summary>
public sealed record FacetCount(string Value, LocalizedText Label, int Count)
{
    /// <summary>A label's colour in the palette (<see cref="LabelDefinition.Colours"/>); null for other filters.</summary>
    public string? Colour { get; init; }
}
