using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Components.Pages.Staff;

/// <summary>What the staff pages say about roles, provinces, states and changes, in the page's language.</summary>
internal static class StaffLabels
{
    public const string ListPath = "staff";

    public static string PersonPath(string id) => "staff/" + Uri.EscapeDataString(id);

    /// <summary>The roles an administrator may give an agent: reviewers', then staff's, in the order of <c>roles.yaml</c>.</summary>
    public static IEnumerable<RoleDefinition> AgentRoles(ProcedureLibrary library) =>
        library.Roles.Values.Where(r => r.Kind == RoleKind.Reviewer).Concat(library.Roles.Values.Where(r => r.Kind == RoleKind.Staff));

    public static IEnumerable<RoleDefinition> ApplicantRoles(ProcedureLibrary library) => library.Roles.Values.Where(r => r.Kind == RoleKind.Applicant);

    public static string Role(ProcedureLibrary library, string role) => RoleLabels.Of(library, role, Languages.Current);

    /// <summary>The provinces of <c>lists/provinces.yaml</c> by region (<c>lists/regions.yaml</c>), in the lists' order.</summary>
    public static IEnumerable<(string Region, IReadOnlyList<OptionDefinition> Provinces)> ProvincesByRegion(ProcedureLibrary library)
    {
        if (!library.Lists.TryGetValue(StaffAccounts.Provinces, out var provinces))
            yield break;
        var regions = library.Lists.TryGetValue("regions", out var list) ? list.Options : [];
        var language = Languages.Current.Code;
        foreach (var group in provinces.Options.GroupBy(p => p.Parent ?? ""))
            yield return (regions.FirstOrDefault(r => r.Value == group.Key)?.Label.Get(language) ?? group.Key, group.ToList());
    }

    public static string Province(ProcedureLibrary library, string province) =>
        library.Lists.TryGetValue(StaffAccounts.Provinces, out var list) && list.Options.FirstOrDefault(o => o.Value == province) is { } option
            ? option.Label.Get(Languages.Current.Code)
            : province;

    public static string Provinces(ProcedureLibrary library, IEnumerable<string> provinces) =>
        string.Join(Languages.Current.RightToLeft ? "، " : ", ", provinces.Select(p => Province(library, p)));

    /// <summary>The account's name, or "closed account" for one its owner closed (it keeps no name).</summary>
    public static string Name(IStringLocalizer L, Accounts.Account account) =>
        account.ClosedAt is null ? account.DisplayName : L["Staff.State.Closed"].Value;

    /// <summary>"Closed by its owner on 30/11/2026; ..." (Moroccan time).</summary>
    public static string ClosedOn(IStringLocalizer L, DateTimeOffset at) =>
        string.Format(Languages.Current.Culture, L["Staff.ClosedOn"].Value,
            Engine.Deadlines.MoroccoTime.Local(Engine.Deadlines.MoroccoTime.Instance, at.UtcDateTime).ToString("d", Languages.Current.Culture));

    public static string StateKey(StaffState state) => "Staff.State." + state;

    public static string StateValue(StaffState state) => state.ToString().ToLowerInvariant();

    public static StaffState? ParseState(string? value) => Enum.TryParse<StaffState>(value, ignoreCase: true, out var state) ? state : null;

    public static string Error(IStringLocalizer L, StaffError error) =>
        error.Argument is null ? L[error.Key] : string.Format(Languages.Current.Culture, L[error.Key].Value, error.Argument);

    /// <summary>One line of the person's history: "Role changed from Desk agent to Labour inspector by Amina, 30/11/2026 09:14".</summary>
    public static string Describe(IStringLocalizer L, ProcedureLibrary library, StaffChange change)
    {
        var language = Languages.Current;
        string What(string? value) => change.Field switch
        {
            "role" => Role(library, value ?? ""),
            "provinces" => string.IsNullOrEmpty(value) ? L["Staff.NoProvince"] : Provinces(library, value.Split(',')),
            _ => value ?? "",
        };
        var sentence = change.Kind switch
        {
            StaffChangeKinds.Invited => string.IsNullOrEmpty(change.From)
                ? string.Format(language.Culture, L["Staff.History.Invited"].Value, Role(library, change.To ?? ""))
                : string.Format(language.Culture, L["Staff.History.InvitedIn"].Value, Role(library, change.To ?? ""), Provinces(library, change.From.Split(','))),
            StaffChangeKinds.Changed => string.Format(language.Culture, L["Staff.History.Changed." + change.Field].Value, What(change.From), What(change.To)),
            _ => L["Staff.History." + change.Kind].Value,
        };
        var at = Engine.Deadlines.MoroccoTime.Local(Engine.Deadlines.MoroccoTime.Instance, change.At);
        return string.Format(language.Culture, L["Staff.History.By"].Value, sentence, change.ByName, at.ToString("g", language.Culture));
    }
}
