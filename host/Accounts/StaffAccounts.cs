using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// The administrators' management of accounts (<c>/staff</c>): the list, invitations, changes of name, role and provinces,
/// deactivation. Every method takes the administrator who asks and does nothing for anyone else, whatever a page showed.
/// Every change is kept as a <see cref="StaffChange"/>, renews the account's security stamp (its sessions end within
/// <c>Portal:SessionCheck</c>) and releases its claims on files it can no longer act on. The last active administrator
/// can be neither deactivated nor given another role. Scoped (one accounts context per request or circuit).
/// </summary>
public sealed partial class StaffAccounts
{
    public const int PageSize = 50;
    public const string Administrator = "administrator";
    public const int MaxNameLength = 200;

    private readonly UserManager<Account> _users;
    private readonly AccountsDb _db;
    private readonly ProcedureLibrary _library;
    private readonly Applications _applications;
    private readonly TimeProvider _clock;
    private readonly PasswordMailQueue _mails;

    internal StaffAccounts(UserManager<Account> users, AccountsDb db, ProcedureLibrary library, Applications applications, TimeProvider clock, PasswordMailQueue mails)
    {
        _mails = mails;
        _users = users;
        _db = db;
        _library = library;
        _applications = applications;
        _clock = clock;
    }

    /// <summary>Only an administrator manages accounts.</summary>
    public static bool MayManage(Actor? actor) => actor is { Kind: RoleKind.Staff, Role: Administrator };

    /// <summary>The accounts matching <paramref name="filter"/>, by name, <see cref="PageSize"/> a page; null for anyone but an administrator.</summary>
    public async Task<StaffPage?> ListAsync(Actor? by, StaffFilter filter, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!MayManage(by))
            return null;
        page = PageQuery.Clamp(page, PageSize);
        var matching = StaffQuery.Where(_db.Users.AsNoTracking(), filter, _library, _clock.GetUtcNow().UtcDateTime);
        var total = await matching.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await matching.OrderBy(a => a.DisplayName).ThenBy(a => a.NormalizedEmail)
            .Skip(page * PageSize).Take(PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new StaffPage(items.Select(StaffQuery.Member).ToList(), total, page);
    }

    /// <summary>One account and its history, newest first; null for anyone but an administrator or an unknown id.</summary>
    public async Task<(Account Account, IReadOnlyList<StaffChange> History)?> FindAsync(Actor? by, string id, CancellationToken cancellationToken = default)
    {
        if (!MayManage(by) || await _users.FindByIdAsync(id).ConfigureAwait(false) is not { } account)
            return null;
        var history = await _db.StaffChanges.AsNoTracking().Where(c => c.AccountId == id).OrderByDescending(c => c.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (account, history);
    }

    /// <summary>Changes the name, role and provinces of a reviewer's or staff account (an applicant's are theirs).</summary>
    public async Task<StaffOutcome> ChangeAsync(Actor? by, string id, StaffEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (!MayManage(by))
            return StaffOutcome.NotAllowed;
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await _users.FindByIdAsync(id).ConfigureAwait(false) is not { } account)
            return StaffOutcome.Unknown;
        if (KindOf(account.Role) is not (RoleKind.Reviewer or RoleKind.Staff))
            return StaffOutcome.Refused(new StaffError("", "Staff.ApplicantNotEditable"));
        var errors = new List<StaffError>();
        var name = CheckName(edit.Name, errors);
        var (role, provinces) = CheckRole(edit.Role, edit.Provinces, errors);
        if (errors.Count > 0)
            return StaffOutcome.Refused([.. errors]);
        if (account.Role == Administrator && role!.Id != Administrator && await IsLastActiveAdministratorAsync(account, cancellationToken).ConfigureAwait(false))
            return StaffOutcome.Refused(new StaffError("Role", "Staff.LastAdministrator"));

        var changes = new List<StaffChange>();
        if (account.DisplayName != name)
            changes.Add(Change(by!, account, StaffChangeKinds.Changed, "name", account.DisplayName, name));
        if (account.Role != role!.Id)
            changes.Add(Change(by!, account, StaffChangeKinds.Changed, "role", account.Role, role.Id));
        if (!account.Provinces.Order(StringComparer.Ordinal).SequenceEqual(provinces))
            changes.Add(Change(by!, account, StaffChangeKinds.Changed, "provinces", Joined(account.Provinces), Joined(provinces)));
        if (changes.Count == 0)
            return StaffOutcome.Done(account);

        account.DisplayName = name;
        account.Role = role.Id;
        account.Provinces.Clear();
        foreach (var province in provinces)
            account.Provinces.Add(province);
        return await SaveAsync(by!, account, changes, transaction, SignedInActor.Of(account.Id, account.DisplayName, role, account.Provinces), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deactivates an account: it can no longer sign in (the sign-in page says so only after a correct password), its sessions
    /// end, and its claims are released. Refused for the last active administrator.
    /// </summary>
    public async Task<StaffOutcome> DeactivateAsync(Actor? by, string id, CancellationToken cancellationToken = default)
    {
        if (!MayManage(by))
            return StaffOutcome.NotAllowed;
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await _users.FindByIdAsync(id).ConfigureAwait(false) is not { } account)
            return StaffOutcome.Unknown;
        // A closed account is locked for ever already, and stays as its owner left it.
        if (StaffQuery.StateOf(account) is StaffState.Deactivated or StaffState.Closed)
            return StaffOutcome.Done(account);
        if (account.Role == Administrator && await IsLastActiveAdministratorAsync(account, cancellationToken).ConfigureAwait(false))
            return StaffOutcome.Refused(new StaffError("", "Staff.LastAdministrator"));
        account.LockoutEnabled = true;
        account.LockoutEnd = DateTimeOffset.MaxValue;
        return await SaveAsync(by!, account, [Change(by!, account, StaffChangeKinds.Deactivated)], transaction, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lets a deactivated account sign in again (with the password it had; an invited one still waits for its own).</summary>
    public async Task<StaffOutcome> ReactivateAsync(Actor? by, string id, CancellationToken cancellationToken = default)
    {
        if (!MayManage(by))
            return StaffOutcome.NotAllowed;
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await _users.FindByIdAsync(id).ConfigureAwait(false) is not { } account)
            return StaffOutcome.Unknown;
        if (StaffQuery.StateOf(account) != StaffState.Deactivated)
            return StaffOutcome.Done(account);
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        return await SaveAsync(by!, account, [Change(by!, account, StaffChangeKinds.Reactivated)], transaction, Standing(account), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the account with a new security stamp and its changes in one transaction, then releases the claims the person
    /// can no longer act on as <paramref name="standing"/> (null: all of them).
    /// </summary>
    private async Task<StaffOutcome> SaveAsync(
        Actor by, Account account, IReadOnlyList<StaffChange> changes, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, Actor? standing, CancellationToken cancellationToken)
    {
        _db.StaffChanges.AddRange(changes);
        // UpdateSecurityStampAsync saves the account too: the person's cookie and circuits no longer match it.
        var saved = await _users.UpdateSecurityStampAsync(account).ConfigureAwait(false);
        if (!saved.Succeeded)
            return StaffOutcome.Refused(new StaffError("", "Identity.DefaultError"));
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var released = await _applications.ReleaseClaimsOfAsync(account.Id, standing, by, cancellationToken).ConfigureAwait(false);
        return StaffOutcome.Done(account) with { ClaimsReleased = released.Value?.Count ?? 0 };
    }

    /// <summary>
    /// Whether <paramref name="account"/> is an active administrator and no other is. Read inside the caller's transaction,
    /// which SQLite makes a writer's from its start (BEGIN IMMEDIATE), so two administrators cannot each remove the other.
    /// </summary>
    private async Task<bool> IsLastActiveAdministratorAsync(Account account, CancellationToken cancellationToken) =>
        StaffQuery.StateOf(account) == StaffState.Active
        && !await StaffQuery.Active(_db.Users.AsNoTracking()).AnyAsync(a => a.Role == Administrator && a.Id != account.Id, cancellationToken).ConfigureAwait(false);

    private static string CheckName(string? name, List<StaffError> errors)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
            errors.Add(new StaffError("Name", "Staff.NameRequired"));
        else if (trimmed.Length > MaxNameLength)
            errors.Add(new StaffError("Name", "Staff.NameTooLong", MaxNameLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return trimmed;
    }

    /// <summary>A reviewer or staff role, and for a territorial one at least one known province (none is kept for the others).</summary>
    private (RoleDefinition? Role, List<string> Provinces) CheckRole(string? roleId, IReadOnlyList<string>? provinces, List<StaffError> errors)
    {
        if (roleId is null || !_library.Roles.TryGetValue(roleId, out var role) || role.Kind == RoleKind.Applicant)
        {
            errors.Add(new StaffError("Role", "Staff.RoleRequired"));
            return (null, []);
        }
        if (role is not { Kind: RoleKind.Reviewer, Territorial: true })
            return (role, []);
        var chosen = (provinces ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
            errors.Add(new StaffError("Provinces", "Staff.ProvincesRequired"));
        else if (!_library.Lists.TryGetValue(Provinces, out var known) || chosen.Any(p => !known.Contains(p)))
            errors.Add(new StaffError("Provinces", "Staff.ProvinceUnknown"));
        return (role, chosen);
    }

    /// <summary>The list of <c>procedures/lists/</c> reviewers' provinces come from.</summary>
    public const string Provinces = "provinces";

    private RoleKind? KindOf(string role) => _library.Roles.TryGetValue(role, out var definition) ? definition.Kind : null;

    /// <summary>The actor the account stands for now, for its claims; null when its role is unknown.</summary>
    private Actor? Standing(Account account) =>
        _library.Roles.TryGetValue(account.Role, out var role) ? SignedInActor.Of(account.Id, account.DisplayName, role, account.Provinces) : null;

    private StaffChange Change(Actor by, Account account, string kind, string? field = null, string? from = null, string? to = null) =>
        StaffChange.Of(account, kind, by.UserId, by.Name, _clock.GetUtcNow().UtcDateTime, field, from, to);

    private static string Joined(IEnumerable<string> provinces) => string.Join(",", provinces.Order(StringComparer.Ordinal));
}
