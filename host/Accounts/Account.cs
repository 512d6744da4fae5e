using Microsoft.AspNetCore.Identity;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// A person who signs in: an applicant (employer, worker, agency...), a reviewer of a role and its
/// provinces, or staff. <see cref="Role"/> is an id of <c>procedures/roles.yaml</c>.
/// </summary>
public sealed class Account : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>An id of <c>roles.yaml</c>: an applicant kind, a reviewer role or a staff role.</summary>
    public string Role { get; set; } = "";

    /// <summary>The provinces (ids of <c>lists/provinces.yaml</c>) a reviewer of a territorial role covers.</summary>
    public IList<string> Provinces { get; init; } = [];

    /// <summary>The language the portal speaks to this person: <c>fr</c>, <c>ar</c> or <c>en</c>.</summary>
    public string PreferredLanguage { get; set; } = "fr";

    /// <summary>
    /// The name and e-mail folded for the staff search (<see cref="AccountSearch"/>), set by <see cref="AccountsDb"/>
    /// whenever the account is saved; null only for an account saved before it existed, until the portal's next start.
    /// </summary>
    public string? SearchKey { get; set; }

    /// <summary>
    /// How the notifications reach the person by e-mail: one each (the default), one summary a day (staff only:
    /// <see cref="Notifying.DailySummaries"/>), or none (they still read them in the portal).
    /// </summary>
    public EmailChoice Emails { get; set; }

    /// <summary>
    /// The newest notification when the person chose the daily summary: the ones up to it are still e-mailed one by one,
    /// those after it go into the summaries (whose progress is kept apart, in <see cref="Notifying.MailDigest"/>).
    /// </summary>
    public long DigestFrom { get; set; }


    /// <summary>
    /// When the person signed themselves up (null for demo, invited and older accounts). Until the e-mail address is
    /// confirmed (<c>EmailConfirmed</c>) such an account cannot sign in, and it is removed once
    /// <c>Portal:UnconfirmedAccountLifetime</c> has passed.
    /// </summary>
    public DateTimeOffset? SignedUpAt { get; set; }

    /// <summary>
    /// When the person last signed in (UTC; <see cref="SignIns"/>): the sign-in page or the link confirming a new account, never
    /// a session renewed or checked. Null until the first sign-in recorded. The time only: no network address or browser is kept.
    /// </summary>
    public DateTime? LastSignInAt { get; set; }

    /// <summary>The sign-in before <see cref="LastSignInAt"/> (UTC): what the account page shows the session that made the last one.</summary>
    public DateTime? PreviousSignInAt { get; set; }

    /// <summary>
    /// When its owner closed the account (<see cref="AccountClosure"/>): no password, no address, no name, signed out
    /// everywhere and never usable again. Null for an account in use (or deactivated by an administrator).
    /// </summary>
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>How a person's notifications reach them by e-mail: their account's <c>Emails</c>.</summary>
public enum EmailChoice
{
    /// <summary>An e-mail for each notification, as it happens.</summary>
    EachNotification,

    /// <summary>One e-mail a day listing the day's notifications (reviewers and staff: an applicant's concern their own file and come at once).</summary>
    DailySummary,

    /// <summary>No e-mail: the notifications page only.</summary>
    None,
}
