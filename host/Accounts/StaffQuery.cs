using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>Where an account stands: it may sign in, it waits for its password, or an administrator deactivated it.</summary>
public enum StaffState
{
    /// <summary>It has a password and may sign in.</summary>
    Active,

    /// <summary>Invited: no password chosen yet.</summary>
    Invited,

    /// <summary>Locked out for ever (<c>LockoutEnd</c> is <see cref="DateTimeOffset.MaxValue"/>).</summary>
    Deactivated,

    /// <summary>Closed by its owner (<c>ClosedAt</c>): anonymous, never usable again.</summary>
    Closed,
}

/// <summary>
/// What <c>/staff</c> lists. <paramref name="Role"/> is empty for every reviewer and staff account,
/// <see cref="Applicants"/> for every applicant, or one role id of <c>roles.yaml</c>. <paramref name="Dormant"/>: only the
/// accounts that may sign in and have not for <see cref="SignIns.Dormancy"/> (or never since sign-ins were recorded).
/// </summary>
public sealed record StaffFilter(string Search = "", string Role = "", string Province = "", StaffState? State = null, bool Dormant = false)
{
    public const string Applicants = "applicants";
}

/// <summary>One account on the list.</summary>
/// <param name="LastSignInAt">UTC; null when no sign-in was recorded.</param>
public sealed record StaffMember(string Id, string Email, string Name, string Role, IReadOnlyList<string> Provinces, StaffState State, DateTime? LastSignInAt);

/// <summary>A page of the list (<see cref="StaffAccounts.PageSize"/> a page) and how many accounts match in all.</summary>
public sealed record StaffPage(IReadOnlyList<StaffMember> Items, int Total, int Page);

/// <summary>The list's query over the accounts: filters, search (on the folded key), state, each as SQL.</summary>
internal static class StaffQuery
{
    private static readonly DateTimeOffset Forever = DateTimeOffset.MaxValue;

    public static StaffState StateOf(Account account) =>
        account.ClosedAt is not null ? StaffState.Closed
        : PasswordLinks.IsDeactivated(account) ? StaffState.Deactivated : account.PasswordHash is null ? StaffState.Invited : StaffState.Active;

    /// <param name="now">UTC: what <see cref="StaffFilter.Dormant"/> counts back from.</param>
    public static IQueryable<Account> Where(IQueryable<Account> accounts, StaffFilter filter, ProcedureLibrary library, DateTime now)
    {
        if (filter.Role == StaffFilter.Applicants)
        {
            var applicants = RolesOf(library, RoleKind.Applicant);
            accounts = accounts.Where(a => applicants.Contains(a.Role));
        }
        else if (filter.Role.Length > 0)
        {
            accounts = accounts.Where(a => a.Role == filter.Role);
        }
        else
        {
            var agents = RolesOf(library, RoleKind.Reviewer, RoleKind.Staff);
            accounts = accounts.Where(a => agents.Contains(a.Role));
        }
        if (filter.Province.Length > 0)
            accounts = accounts.Where(a => a.Provinces.Contains(filter.Province));
        accounts = filter.State switch
        {
            StaffState.Deactivated => accounts.Where(a => a.LockoutEnd == Forever && a.ClosedAt == null),
            StaffState.Invited => accounts.Where(a => a.PasswordHash == null && (a.LockoutEnd == null || a.LockoutEnd != Forever)),
            StaffState.Closed => accounts.Where(a => a.ClosedAt != null),
            StaffState.Active => Active(accounts),
            _ => accounts,
        };
        if (filter.Dormant)
        {
            var since = now - SignIns.Dormancy;
            accounts = Active(accounts).Where(a => a.LastSignInAt == null || a.LastSignInAt < since);
        }
        return AccountSearch.Matching(accounts, filter.Search);
    }

    /// <summary>The accounts that may sign in now: a password, and not deactivated.</summary>
    public static IQueryable<Account> Active(IQueryable<Account> accounts) =>
        accounts.Where(a => a.PasswordHash != null && (a.LockoutEnd == null || a.LockoutEnd != Forever));

    public static StaffMember Member(Account a) => new(a.Id, a.Email ?? "", a.DisplayName, a.Role, [.. a.Provinces], StateOf(a), SignIns.Utc(a.LastSignInAt));

    private static List<string> RolesOf(ProcedureLibrary library, params RoleKind[] kinds) =>
        library.Roles.Values.Where(r => kinds.Contains(r.Kind)).Select(r => r.Id).ToList();
}
