using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Localization;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Host.Notifying;

/// <summary>One person an e-mail is written to, in their language, and who they are to the portal (to word and link it).</summary>
internal sealed record MailRecipient(string AccountId, string Email, string Name, Language Language, Actor Reader);

/// <summary>Who a notification is written to, and how many of them get no e-mail (no address, opted out).</summary>
internal sealed record MailRecipientList(IReadOnlyList<MailRecipient> To, int Skipped);

/// <summary>
/// Turns a notification's recipient into accounts, as the notifications page decides who reads it: a user id is that
/// account (an applicant only for their own application); <c>role:</c> is every account of the role, in the notification's
/// territory when it names one (the territorial reviewers covering that province), all of them when it does not. A person
/// without an e-mail address, who chose no e-mail, whose daily summary tells it (while <paramref name="summaries"/> are
/// sent), or whose account is closed or deactivated is counted as skipped. One per batch: a role's accounts are read once.
/// </summary>
internal sealed class MailRecipients(AccountsDb accounts, ProcedureLibrary library, bool summaries)
{
    private readonly Dictionary<string, List<Account>> _roles = new(StringComparer.Ordinal);

    public async Task<MailRecipientList> ForAsync(DueNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        List<Account> people;
        if (notification.Role is { } role)
        {
            if (!library.Roles.TryGetValue(role, out var definition))
                return new MailRecipientList([], 0);
            if (!_roles.TryGetValue(role, out var ofRole))
            {
                ofRole = await accounts.Users.AsNoTracking().Where(a => a.Role == role).OrderBy(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
                _roles[role] = ofRole;
            }
            people = notification.Territory.Length == 0
                ? ofRole
                : definition.Territorial ? ofRole.Where(a => a.Provinces.Contains(notification.Territory)).ToList() : [];
        }
        else
        {
            var account = await accounts.Users.AsNoTracking().FirstOrDefaultAsync(a => a.Id == notification.Recipient, cancellationToken).ConfigureAwait(false);
            people = account is null ? [] : [account];
        }

        var to = new List<MailRecipient>(people.Count);
        var skipped = 0;
        foreach (var person in people)
        {
            if (Of(person, library) is not { } recipient
                || (recipient.Reader.Kind == RoleKind.Applicant && notification.OwnerId != person.Id))
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(person.Email) || person.Emails == EmailChoice.None || !Active(person)
                || (summaries && InSummary(person, recipient.Reader, notification)))
            {
                skipped++;
                continue;
            }
            to.Add(recipient);
        }
        return new MailRecipientList(to, skipped);
    }

    /// <summary>Neither closed nor deactivated (as <see cref="AccountStanding"/> asks before a command): a deactivated reviewer gets no more e-mails.</summary>
    private static bool Active(Account person) => AccountStanding.Active(person.ClosedAt, person.LockoutEnd);

    /// <summary>
    /// Whether the notification goes into the person's daily summary (<see cref="DailySummaries"/>) rather than an e-mail
    /// of its own: those written after they chose it. An applicant's never does (theirs must come at once).
    /// </summary>
    private static bool InSummary(Account person, Actor reader, DueNotification notification) =>
        person.Emails == EmailChoice.DailySummary && EmailChoices.MaySummarise(reader.Kind) && notification.Item.Id > person.DigestFrom;

    /// <summary>
    /// The person as an e-mail's reader: their address, name and language, and who they are to the engine (as when they sign
    /// in); null for a role not in <c>roles.yaml</c>.
    /// </summary>
    internal static MailRecipient? Of(Account person, ProcedureLibrary library)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(library);
        if (!library.Roles.TryGetValue(person.Role, out var role))
            return null;
        var language = Languages.Find(person.PreferredLanguage) ?? Languages.Default;
        var reader = SignedInActor.Of(person.Id, person.DisplayName, role, person.Provinces) with { Language = language.Code };
        return new MailRecipient(person.Id, person.Email ?? "", person.DisplayName, language, reader);
    }
}
