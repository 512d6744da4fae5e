using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EmploymentProcedures.Engine.Archiving;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Components.Account;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.MyApplications;
using EmploymentProcedures.Host.Notifying;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// "Mes données" (law 09-08's right of access), <c>GET /account/data</c>: one ZIP with everything the portal holds about
/// the signed-in person and nobody else: <c>README.html</c> in their language, <c>account.json</c> (the account and its
/// history), <c>notifications.json</c> (what the outbox wrote to them), for an applicant <c>applications/</c> with the
/// whole-file archive of each of their applications, drafts included, and for a reviewer or staff <c>activity.json</c>
/// (what the audit recorded them doing). Written into the response as it is made (<see cref="ArchiveWriter"/>), never
/// held whole. Its only other effect is the line "data downloaded" in the account's history.
/// </summary>
internal static class AccountData
{
    public const string Route = "/account/data";

    /// <summary>The address of the download (relative to the base href, as the pages' links are).</summary>
    public const string Url = "account/data";

    public const string Readme = "README.html";
    public const string AccountFile = "account.json";
    public const string NotificationsFile = "notifications.json";
    public const string ActivityFile = "activity.json";
    public const string ApplicationsFolder = "applications/";

    private static readonly JsonWriterOptions Json = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEndpointRouteBuilder MapAccountData(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, SendAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> SendAsync(
        HttpContext context, UserManager<Account> users, AccountsDb db, AccountChanges changes, Applications applications, Notifications notifications,
        DefinitionStore definitions, ProcedureCatalog catalog, IStringLocalizer<Strings> strings, TimeProvider clock, ILoggerFactory loggers)
    {
        if (await users.GetUserAsync(context.User) is not { } account || SignedInActor.From(context.User, catalog.Library) is not { } actor || actor.UserId != account.Id)
            return Results.NotFound();
        var cancel = context.RequestAborted;
        var history = await db.StaffChanges.AsNoTracking().Where(c => c.AccountId == account.Id).OrderBy(c => c.Id).ToListAsync(cancel);
        await changes.RecordExportAsync(account, cancel);
        var owned = await applications.OwnedAsync(actor, cancel);
        var now = clock.GetUtcNow().UtcDateTime;
        var language = Languages.Current;
        var export = new Export(account, actor, history, owned, now, language);

        context.Response.Headers.CacheControl = "private, no-store";
        return Results.Stream(async body =>
        {
            var writer = await ArchiveWriter.CreateAsync(body, now, cancel);
            await using (writer.ConfigureAwait(false))
            {
                var names = new List<(string Entry, string Label)>();
                foreach (var id in owned)
                {
                    var found = await applications.DossierAsync(id, actor, cancel);
                    if (found.Value is not { } dossier)
                        continue;
                    var entry = ApplicationsFolder + dossier.FileName;
                    names.Add((entry, new ProcedureTexts(dossier.Definition, catalog.Library, language, strings).Procedure));
                    var pages = ApplicationDossier.PagesOf(dossier, actor, context.RequestServices, catalog, strings, clock, loggers);
                    await writer.AddAsync(entry, "zip", target => DossierArchive.WriteAsync(DossierLayout.Of(dossier), pages, target, cancel), cancel);
                }
                await writer.AddAsync(AccountFile, "json", target => WriteAccountAsync(export, catalog, target, cancel), cancel);
                await writer.AddAsync(NotificationsFile, "json",
                    target => WriteNotificationsAsync(notifications.WrittenToAsync(actor, cancel), actor, definitions, catalog, language, strings, clock, target, cancel), cancel);
                if (actor.Kind != RoleKind.Applicant)
                    await writer.AddAsync(ActivityFile, "json", target => WriteActivityAsync(applications.ActivityOfAsync(actor.UserId, cancel), target, cancel), cancel);
                await writer.AddAsync(Readme, "html", target => ApplicationDossier.RenderAsync<MyDataReadme>(context.RequestServices, loggers, target, new Dictionary<string, object?>
                {
                    [nameof(MyDataReadme.Name)] = account.DisplayName,
                    [nameof(MyDataReadme.Email)] = account.Email,
                    [nameof(MyDataReadme.GeneratedAt)] = MoroccoTime.Local(clock, now),
                    [nameof(MyDataReadme.Staff)] = actor.Kind != RoleKind.Applicant,
                    [nameof(MyDataReadme.Applications)] = names,
                }, cancel), cancel);
                await writer.CompleteAsync(cancel);
            }
        }, "application/zip", FormattableString.Invariant($"mes-donnees-{MoroccoTime.Today(clock):yyyy-MM-dd}.zip"));
    }

    /// <summary>What the export is about, read before the first byte goes out.</summary>
    private sealed record Export(Account Account, Actor Actor, IReadOnlyList<StaffChange> History, IReadOnlyList<Guid> Applications, DateTime At, Language Language);

    private static async Task WriteAccountAsync(Export export, ProcedureCatalog catalog, Stream target, CancellationToken cancellationToken)
    {
        var account = export.Account;
        var json = new Utf8JsonWriter(target, Json);
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartObject();
            json.WriteString("generated_at", Utc(export.At));
            json.WriteString("id", account.Id);
            json.WriteString("name", account.DisplayName);
            json.WriteString("email", account.Email);
            json.WriteBoolean("email_confirmed", account.EmailConfirmed);
            json.WriteString("language", account.PreferredLanguage);
            json.WriteString("role", account.Role);
            json.WriteString("role_label", RoleLabels.Of(catalog.Library, account.Role, export.Language));
            json.WriteStartArray("provinces");
            foreach (var province in account.Provinces)
                json.WriteStringValue(province);
            json.WriteEndArray();
            // Created: the sign-up, or for an invited account its invitation; older and demo accounts have neither.
            var created = account.SignedUpAt?.UtcDateTime ?? export.History.FirstOrDefault(c => c.Kind == StaffChangeKinds.Invited)?.At;
            WriteTime(json, "created_at", created);
            json.WriteBoolean("receive_emails", account.Emails != EmailChoice.None);
            json.WriteString("emails", EmailChoices.Name(account.Emails));
            json.WriteBoolean("has_password", account.PasswordHash is not null);
            json.WriteBoolean("deactivated", PasswordLinks.IsDeactivated(account));
            if (account.LockoutEnd is { } lockedUntil && lockedUntil.UtcDateTime > export.At && !PasswordLinks.IsDeactivated(account))
                json.WriteString("locked_until", Utc(lockedUntil.UtcDateTime));
            else
                json.WriteNull("locked_until");
            json.WriteNumber("failed_sign_ins", account.AccessFailedCount);
            // The two sign-ins kept (SignIns): the time only, as the account page shows them.
            WriteTime(json, "last_sign_in_at", SignIns.Utc(account.LastSignInAt));
            WriteTime(json, "previous_sign_in_at", SignIns.Utc(account.PreviousSignInAt));
            json.WriteStartArray("history");
            foreach (var change in export.History)
            {
                json.WriteStartObject();
                json.WriteString("at", Utc(change.At));
                json.WriteString("kind", change.Kind);
                json.WriteString("field", change.Field);
                json.WriteString("from", change.From);
                json.WriteString("to", change.To);
                json.WriteString("by", change.ById == account.Id ? "self" : change.ByName);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("applications");
            foreach (var id in export.Applications)
                json.WriteStringValue(id.ToString("D"));
            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task WriteNotificationsAsync(
        IAsyncEnumerable<WrittenNotification> written, Actor reader, DefinitionStore definitions, ProcedureCatalog catalog, Language language,
        IStringLocalizer<Strings> strings, TimeProvider clock, Stream target, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<(string, int), ProcedureTexts?>();
        return WriteArrayAsync(written, target, async (json, notification) =>
        {
            var (item, emailedAt) = notification;
            if (!texts.TryGetValue((item.ProcedureId, item.DefinitionVersion), out var said))
            {
                var definition = await definitions.GetAsync(item.ProcedureId, item.DefinitionVersion, cancellationToken).ConfigureAwait(false);
                texts[(item.ProcedureId, item.DefinitionVersion)] = said = definition is null ? null : new ProcedureTexts(definition, catalog.Library, language, strings);
            }
            var line = NotificationLines.Line(item, reader, said, language, strings, clock);
            json.WriteNumber("id", item.Id);
            json.WriteString("at", Utc(item.At));
            json.WriteString("application", item.ApplicationId.ToString("D"));
            json.WriteString("reference", item.Reference);
            json.WriteString("procedure", item.ProcedureId);
            json.WriteString("kind", item.Kind);
            json.WriteString("step", item.Step);
            json.WriteString("about", line.About);
            json.WriteString("text", line.Sentence);
            json.WriteString("message", line.Message);
            json.WriteBoolean("to_role", item.ToRole);
            if (emailedAt is { } at)
                json.WriteString("emailed_at", Utc(at));
            else
                json.WriteNull("emailed_at");
        }, cancellationToken);
    }

    private static Task WriteActivityAsync(IAsyncEnumerable<ActivityEntry> entries, Stream target, CancellationToken cancellationToken) =>
        WriteArrayAsync(entries, target, (json, entry) =>
        {
            json.WriteNumber("audit_sequence", entry.Sequence);
            json.WriteString("at", Utc(entry.At));
            json.WriteString("application", entry.ApplicationId?.ToString("D"));
            json.WriteString("reference", entry.Reference);
            json.WriteString("procedure", entry.ProcedureId);
            json.WriteString("role", entry.Role);
            json.WriteString("kind", entry.Kind);
            json.WriteString("step", entry.Step);
            json.WriteString("action", entry.Action);
            json.WriteString("from_status", entry.FromStatus);
            json.WriteString("to_status", entry.ToStatus);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// A JSON array of one object per item, as the items are read: <paramref name="write"/> writes an object's properties;
    /// what is written goes out every 16 KB, so a long list is never held.
    /// </summary>
    private static async Task WriteArrayAsync<T>(IAsyncEnumerable<T> items, Stream target, Func<Utf8JsonWriter, T, Task> write, CancellationToken cancellationToken)
    {
        var json = new Utf8JsonWriter(target, Json);
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartArray();
            await foreach (var item in items.ConfigureAwait(false))
            {
                json.WriteStartObject();
                await write(json, item).ConfigureAwait(false);
                json.WriteEndObject();
                if (json.BytesPending > 16 * 1024)
                    await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            json.WriteEndArray();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTime? at)
    {
        if (at is { } value)
            json.WriteString(name, Utc(value));
        else
            json.WriteNull(name);
    }

    private static string Utc(DateTime at) =>
        DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
