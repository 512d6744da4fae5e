namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// Why an administrator's change was refused: the form's field it concerns (<c>Email</c>, <c>Name</c>, <c>Role</c>,
/// <c>Provinces</c>, or empty for the whole account) and the key of its text in the portal's strings, with an argument.
/// </summary>
public sealed record StaffError(string Field, string Key, string? Argument = null);

/// <summary>What an administrator's action gave: the account as it is now, or the errors. Never an exception.</summary>
public sealed record StaffOutcome(Account? Account, IReadOnlyList<StaffError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Claims on files released because the person can no longer act on them.</summary>
    public int ClaimsReleased { get; init; }

    public static StaffOutcome Done(Account account) => new(account, []);

    public static StaffOutcome Refused(params StaffError[] errors) => new(null, errors);

    /// <summary>Someone who is not an administrator asked: nothing was done (the pages answer "not found").</summary>
    public static readonly StaffOutcome NotAllowed = Refused(new StaffError("", "Staff.NotAllowed"));

    public static readonly StaffOutcome Unknown = Refused(new StaffError("", "Staff.Unknown"));
}

/// <summary>An agent to invite: the role (a reviewer or staff role) and, for a territorial role, the provinces.</summary>
public sealed record StaffInvitation(string Email, string Name, string Role, IReadOnlyList<string> Provinces, string Language);

/// <summary>What the person's page may change.</summary>
public sealed record StaffEdit(string Name, string Role, IReadOnlyList<string> Provinces);
