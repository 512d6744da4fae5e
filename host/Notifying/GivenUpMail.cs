using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Components.Pages.Staff;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.MyApplications;
using EmploymentProcedures.Host.Reviewing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Notifying;

/// <summary>One person, as the administrators' pages name them: their name and e-mail, or the account id when it is gone.</summary>
public sealed record GivenUpPerson(string Name, string? Email);

/// <summary>
/// A notification whose e-mail was given up, as <c>/admin/mail</c> shows it: when it was set aside (Morocco's time), about
/// which file (the link to its case page when the administrator may open it), what it tells in its reader's words, to
/// whom (a person, or the reviewers of a role in a province or everywhere), the attempts, the last error cut to a line or
/// two, and who received it all the same.
/// </summary>
public sealed record GivenUpLine(
    SetAsideKey Key, DateTimeOffset SetAsideAt, string About, string? CaseHref, string Sentence,
    GivenUpPerson? Person, string? Reviewers, int Attempts, string Error, IReadOnlyList<GivenUpPerson> DeliveredTo);

/// <summary>A page of the list, how many in all, and how many were given up in the last 24 hours and 7 days.</summary>
public sealed record GivenUpPage(IReadOnlyList<GivenUpLine> Lines, int Total, int Page, int LastDay, int LastWeek);

/// <summary>
/// The administrators' view of the e-mails given up (<see cref="Outbox.SetAsidePageAsync"/>) and their "send again"
/// (<see cref="Outbox.RetryAsync"/>): every method takes the administrator who asks and does nothing for anyone else, and
/// the engine checks again. Scoped (one accounts context per request).
/// </summary>
public sealed class GivenUpMail(
    Outbox outbox, Applications applications, AccountsDb accounts, DefinitionStore definitions, PublishedCatalog catalog,
    IStringLocalizer<Strings> strings, TimeProvider clock)
{
    public const int PageSize = 50;

    public const string Path = "admin/mail";

    /// <summary>The longest error a line shows; the stored one (500 characters at most) is cut there.</summary>
    public const int ErrorShown = 200;

    /// <summary>Only an administrator sees and sends again the e-mails given up (as for <c>/staff</c>).</summary>
    public static bool MaySee(Actor? actor) => StaffAccounts.MayManage(actor);

    /// <summary>One page, newest first, in the page's language; null for anyone but an administrator.</summary>
    public async Task<GivenUpPage?> ListAsync(Actor? by, int page, CancellationToken cancellationToken = default)
    {
        if (!MaySee(by))
            return null;
        var listed = await outbox.SetAsidePageAsync(by!, Math.Max(0, page), PageSize, cancellationToken).ConfigureAwait(false);
        if (listed.Value is not { } found)
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var lastDay = await outbox.SetAsideSinceAsync(now.AddDays(-1), cancellationToken).ConfigureAwait(false);
        var lastWeek = await outbox.SetAsideSinceAsync(now.AddDays(-7), cancellationToken).ConfigureAwait(false);

        var people = await PeopleAsync(found.Items.Where(n => n.Role is null).Select(n => n.Recipient).Concat(found.Items.SelectMany(n => n.DeliveredTo)), cancellationToken)
            .ConfigureAwait(false);
        var visible = await applications.VisibleAsync(found.Items.Select(n => n.Item.ApplicationId), by!, cancellationToken).ConfigureAwait(false);
        var language = Languages.Current;
        var library = catalog.Catalog.Library;
        var lines = new List<GivenUpLine>(found.Items.Count);
        foreach (var notification in found.Items)
        {
            var item = notification.Item;
            var definition = await definitions.GetAsync(item.ProcedureId, item.DefinitionVersion, cancellationToken).ConfigureAwait(false);
            var texts = definition is null ? null : new ProcedureTexts(definition, library, language, strings);
            // What it tells, in the words its reader gets: an applicant's notification as the applicant reads it.
            var reader = notification.Role is null && people.TryGetValue(notification.Recipient, out var person) && person.Reader is { } own ? own : by!;
            var line = NotificationLines.Line(item, reader, texts, language, strings, clock);
            lines.Add(new GivenUpLine(
                notification.Key,
                MoroccoTime.Local(clock, notification.SetAsideAt),
                string.Format(language.Culture, strings["GivenUp.File"].Value, item.Reference ?? "—", texts?.Procedure ?? item.ProcedureId),
                visible.Contains(item.ApplicationId) ? ReviewerPages.CaseUrl(item.ApplicationId) : null,
                line.Sentence,
                notification.Role is null ? Person(people, notification.Recipient) : null,
                notification.Role is { } role ? Reviewers(library, role, notification.Territory, language) : null,
                notification.Attempts,
                Shown(notification.LastError),
                notification.DeliveredTo.Select(id => Person(people, id)).ToList()));
        }
        return new GivenUpPage(lines, found.Total, found.Page, lastDay, lastWeek);
    }

    /// <summary>Sends again what the administrator chose; null for anyone else.</summary>
    public async Task<Outcome<MailRetry>?> RetryAsync(Actor? by, IReadOnlyCollection<SetAsideKey> notifications, CancellationToken cancellationToken = default)
    {
        if (!MaySee(by))
            return null;
        return await outbox.RetryAsync(notifications, by!, clock.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The error as stored, cut for the page: its lines up to the first one that reads like a stack frame (<c>at …</c>),
    /// joined, at most <see cref="ErrorShown"/> characters.
    /// </summary>
    public static string Shown(string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var lines = error.Split('\n').Select(l => l.Trim()).TakeWhile(l => !l.StartsWith("at ", StringComparison.Ordinal)).Where(l => l.Length > 0);
        var text = string.Join(' ', lines);
        return text.Length <= ErrorShown ? text : text[..(ErrorShown - 1)].TrimEnd() + "…";
    }

    /// <summary>The key a page posts for a notification: <c>id:ticks</c> of the set-aside time it showed.</summary>
    public static string Format(SetAsideKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return FormattableString.Invariant($"{key.Id}:{key.SetAsideAt.Ticks}");
    }

    /// <summary>The key a page posted; null for anything that is not one.</summary>
    public static SetAsideKey? Parse(string? value)
    {
        var parts = (value ?? "").Split(':');
        return parts.Length == 2
            && long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && ticks is > 0 and <= 3155378975999999999
            ? new SetAsideKey(id, new DateTime(ticks, DateTimeKind.Utc))
            : null;
    }

    private sealed record Known(GivenUpPerson Person, Actor? Reader);

    private async Task<Dictionary<string, Known>> PeopleAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        var found = await accounts.Users.AsNoTracking().Where(a => wanted.Contains(a.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var library = catalog.Catalog.Library;
        return found.ToDictionary(a => a.Id, a => new Known(
            new GivenUpPerson(a.DisplayName, a.Email),
            library.Roles.TryGetValue(a.Role, out var role) ? SignedInActor.Of(a.Id, a.DisplayName, role, a.Provinces) : null), StringComparer.Ordinal);
    }

    private static GivenUpPerson Person(Dictionary<string, Known> people, string id) => people.TryGetValue(id, out var known) ? known.Person : new GivenUpPerson(id, null);

    /// <summary>"Les agents du rôle « Agent du guichet », province de Rabat", or of every province.</summary>
    private string Reviewers(Engine.Loading.ProcedureLibrary library, string role, string territory, Language language)
    {
        var label = RoleLabels.Of(library, role, language);
        return territory.Length == 0
            ? string.Format(language.Culture, strings["GivenUp.ReviewersEverywhere"].Value, label)
            : string.Format(language.Culture, strings["GivenUp.ReviewersIn"].Value, label, StaffLabels.Province(library, territory));
    }
}
