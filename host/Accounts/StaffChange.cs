namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// One change an administrator made to an account (or the first administrator's invitation from the command line): kept
/// for good in the accounts database and shown on the person's page, newest first. Never deleted; updated only when the
/// account's owner closes it, its names and addresses then forgotten (<see cref="AccountClosure"/>).
/// </summary>
public sealed class StaffChange
{
    public long Id { get; set; }

    /// <summary>The account changed.</summary>
    public required string AccountId { get; init; }

    /// <summary>One of <see cref="StaffChangeKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>For <see cref="StaffChangeKinds.Changed"/>: <c>name</c>, <c>role</c> or <c>provinces</c>.</summary>
    public string? Field { get; init; }

    /// <summary>The value before (a name, a role id, province ids joined by commas); for an invitation, the provinces given.</summary>
    public string? From { get; init; }

    /// <summary>The value after; for an invitation, the role given.</summary>
    public string? To { get; init; }

    /// <summary>Who did it: an account id, or <see cref="StaffChangeKinds.CommandLine"/>.</summary>
    public required string ById { get; init; }

    public required string ByName { get; init; }

    /// <summary>UTC.</summary>
    public DateTime At { get; init; }

    /// <summary>What <paramref name="byId"/> (<paramref name="byName"/>) did to <paramref name="account"/> at <paramref name="at"/> (UTC).</summary>
    internal static StaffChange Of(Account account, string kind, string byId, string byName, DateTime at, string? field = null, string? from = null, string? to = null) => new()
    {
        AccountId = account.Id,
        Kind = kind,
        Field = field,
        From = from,
        To = to,
        ById = byId,
        ByName = byName,
        At = at,
    };
}

/// <summary>What a <see cref="StaffChange"/> records.</summary>
public static class StaffChangeKinds
{
    public const string Invited = "invited";
    public const string Changed = "changed";
    public const string Deactivated = "deactivated";
    public const string Reactivated = "reactivated";
    public const string InvitedAgain = "invited_again";

    /// <summary>The author of what <c>invite-administrator</c> does: whoever ran the command on the server.</summary>
    public const string CommandLine = "command-line";
}
