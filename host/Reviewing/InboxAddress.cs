using System.Globalization;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace EmploymentProcedures.Host.Reviewing;

/// <summary>
/// The inbox's query string, read into the engine's <see cref="InboxFilter"/> and page and written back. The filter
/// lives in the address (a GET form), so a shared link, the back button and a reload show the same lines, and the
/// exports take the very same query string as the page. Unknown values are dropped, never an error.
/// </summary>
/// <param name="Page">From 0; the address counts from 1 (<c>page=2</c> is the second page).</param>
internal sealed record InboxAddress(InboxFilter Filter, int Page)
{
    public const string Path = "inbox";

    /// <summary>Stands in the address for <c>""</c>, the files of procedures that are not routed (an empty value would read as "no filter").</summary>
    public const string NoProvince = "_";

    /// <summary>The value of <c>reply=</c> that keeps the files whose applicant awaits a reply.</summary>
    public const string AwaitingReplyValue = "awaiting";

    private static readonly Dictionary<string, Urgency> Urgencies = new Dictionary<string, Urgency>(StringComparer.Ordinal)
    {
        ["overdue"] = Urgency.Overdue,
        ["due_soon"] = Urgency.DueSoon,
        ["later"] = Urgency.Later,
    };

    private static readonly Dictionary<string, InboxOrder> Orders = new Dictionary<string, InboxOrder>(StringComparer.Ordinal)
    {
        ["due"] = InboxOrder.DueDate,
        ["oldest"] = InboxOrder.OldestSubmitted,
        ["newest"] = InboxOrder.NewestSubmitted,
    };

    private static readonly Dictionary<string, ClaimFilter> Claims = new Dictionary<string, ClaimFilter>(StringComparer.Ordinal)
    {
        ["mine"] = ClaimFilter.Mine,
        ["unclaimed"] = ClaimFilter.Unclaimed,
    };

    /// <summary>The names of the order values, as the sort menu offers them.</summary>
    public static IEnumerable<(string Value, InboxOrder Order)> OrderValues => Orders.Select(o => (o.Key, o.Value));

    /// <summary>Whether anything narrows the lines (a search or a filter; the order does not).</summary>
    public bool Narrows =>
        !string.IsNullOrWhiteSpace(Filter.Search) || Filter.Claims != ClaimFilter.Any || Filter.AwaitingReply || Filter.Procedures.Count + Filter.Categories.Count
        + Filter.Statuses.Count + Filter.Steps.Count + Filter.Provinces.Count + Filter.Urgencies.Count + Filter.Labels.Count > 0;

    /// <summary>The address of a query string (with or without its <c>?</c>).</summary>
    public static InboxAddress Parse(string? query)
    {
        var values = QueryHelpers.ParseQuery(query);
        string[] All(string name) => values.TryGetValue(name, out var v) ? [.. v.Where(s => s is not null).Select(s => s!.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)] : [];
        string? One(string name) => All(name).FirstOrDefault();

        var filter = new InboxFilter
        {
            Procedures = All("procedure"),
            Categories = All("category"),
            Statuses = [.. All("status").Where(ApplicationStatuses.ByName.ContainsKey).Select(s => ApplicationStatuses.ByName[s]).Where(s => s.IsPending())],
            Steps = All("step"),
            Provinces = [.. All("province").Select(p => p == NoProvince ? "" : p)],
            Urgencies = [.. All("urgency").Where(Urgencies.ContainsKey).Select(u => Urgencies[u])],
            Claims = One("claim") is { } claim && Claims.TryGetValue(claim, out var c) ? c : ClaimFilter.Any,
            Labels = All("label"),
            AwaitingReply = One("reply") == AwaitingReplyValue,
            Search = One("q"),
            Order = One("order") is { } order && Orders.TryGetValue(order, out var o) ? o : InboxOrder.DueDate,
        };
        return new InboxAddress(filter, PageQuery.Index(One("page")));
    }

    /// <summary>The query string of the filter (without the page), starting with <c>?</c>, or empty when nothing filters.</summary>
    public string Query()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string name, IEnumerable<string> values) => pairs.AddRange(values.Select(v => new KeyValuePair<string, string?>(name, v)));
        if (!string.IsNullOrWhiteSpace(Filter.Search))
            Add("q", [Filter.Search.Trim()]);
        Add("procedure", Filter.Procedures);
        Add("category", Filter.Categories);
        Add("status", Filter.Statuses.Select(s => s.Name()));
        Add("step", Filter.Steps);
        Add("province", Filter.Provinces.Select(p => p.Length == 0 ? NoProvince : p));
        Add("urgency", Filter.Urgencies.Select(u => Urgencies.First(x => x.Value == u).Key));
        if (Filter.Claims != ClaimFilter.Any)
            Add("claim", [Claims.First(c => c.Value == Filter.Claims).Key]);
        Add("label", Filter.Labels);
        if (Filter.AwaitingReply)
            Add("reply", [AwaitingReplyValue]);
        if (Filter.Order != InboxOrder.DueDate)
            Add("order", [Orders.First(o => o.Value == Filter.Order).Key]);
        return QueryString.Create(pairs).ToUriComponent();
    }

    /// <summary>The address of page <paramref name="page"/> (from 0) of the same filter, relative to the base href.</summary>
    public string PageUrl(int page)
    {
        var query = Query();
        if (page <= 0)
            return Path + query;
        var number = (page + 1).ToString(CultureInfo.InvariantCulture);
        return Path + (query.Length == 0 ? "?page=" : query + "&page=") + number;
    }

    /// <summary>The export of the same filter (every line, not a page): <c>inbox/export.csv?...</c>.</summary>
    public string ExportUrl(string format) => $"{Path}/export.{format}{Query()}";

    /// <summary>The name a value has in the address, for the filter panel's checkboxes.</summary>
    public static string UrgencyValue(Urgency urgency) => Urgencies.First(u => u.Value == urgency).Key;

    public static string ProvinceValue(string province) => province.Length == 0 ? NoProvince : province;
}
