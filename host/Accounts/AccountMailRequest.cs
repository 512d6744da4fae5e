namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// An account e-mail asked for and not sent yet (table <c>AccountMails</c>): what <see cref="PasswordMailQueue"/> stores
/// when a request hands it over, and deletes once the e-mail was accepted, or keeps, given up, after too many refusals.
/// It never holds a token or a link: those are written when the e-mail is sent, so a reader of the database cannot use
/// them to take over an account.
/// </summary>
public sealed class AccountMailRequest
{
    public long Id { get; set; }

    /// <summary>One of <see cref="AccountMailKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>
    /// The address the request is about (forgotten password, sign-up, a new confirmation link); for a change of address the
    /// new one (the link goes there), for the notice of a change the old one (the notice goes there).
    /// </summary>
    public string? Email { get; init; }

    /// <summary>The account it is about (a changed password, a change of address, an invitation).</summary>
    public string? AccountId { get; init; }

    /// <summary>A sign-up's name, applicant kind and language; for an invitation, the administrator who sent it (none from the command line).</summary>
    public string? DisplayName { get; init; }

    public string? Role { get; init; }

    public string? Language { get; init; }

    /// <summary>A sign-up's password, hashed as the account will hold it; cleared when the request is given up.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>
    /// For a sign-up or a new confirmation link, the page of the portal the person was on their way to (a prefilled link,
    /// an application) when they signed up: the confirmation link carries it on. A local address of at most
    /// <see cref="PortalEndpoints.MaximumReturnAddress"/> characters, or null.
    /// </summary>
    public string? ReturnUrl { get; init; }

    /// <summary>UTC, as every time of this row.</summary>
    public DateTime AskedAt { get; init; }

    /// <summary>Sends tried and refused so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not tried before this time (its first try: when it was asked).</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>Why the last try failed.</summary>
    public string? LastError { get; set; }

    /// <summary>When it was given up after <c>Mail:MaxAttempts</c> refusals: never tried again on its own.</summary>
    public DateTime? GivenUpAt { get; set; }

    /// <summary>
    /// The round of a portal instance that is sending it (a token of that round), so that another instance on the same
    /// database leaves it alone until <see cref="ClaimedUntil"/>; null when nobody is.
    /// </summary>
    public string? ClaimedBy { get; set; }

    /// <summary>When the claim lapses (UTC): an instance that died leaves it to be taken over then.</summary>
    public DateTime? ClaimedUntil { get; set; }
}

/// <summary>What an <see cref="AccountMailRequest"/> asks for.</summary>
public static class AccountMailKinds
{
    public const string Forgotten = "forgotten";
    public const string Changed = "changed";
    public const string SignUp = "sign-up";
    public const string Confirm = "confirm";
    public const string EmailChange = "email-change";
    public const string EmailChanged = "email-changed";
    public const string Closed = "closed";
    public const string Invitation = "invitation";
}
