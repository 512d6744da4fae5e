using System.Globalization;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.MyApplications;
using EmploymentProcedures.Host.Reviewing;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Notifying;

/// <summary>One notification as its reader reads it.</summary>
/// <param name="Href">The application's page for this reader: its applicant's, or a reviewer's case page.</param>
/// <param name="About">Which file: "Votre demande TAE-2026-000042 (Visa de contrat de travail d'étranger)", the link's text.</param>
/// <param name="Sentence">What happened, as the application's timeline says it.</param>
/// <param name="At">When, in Morocco's time zone.</param>
public sealed record NotificationLine(
    long Id, string Href, string About, string Sentence, string? MessageLabel, string? Message, DateTimeOffset At, bool IsNew);

/// <summary>
/// Turns the engine's notifications into sentences in the reader's language: the events of the workflow are said by
/// <see cref="Timeline"/>, in the same words as the application's page, with the procedure's and step's titles of the
/// version the application is pinned to; a message and a near deadline, which the timeline does not tell, have their own.
/// </summary>
internal static class NotificationLines
{
    public static async Task<IReadOnlyList<NotificationLine>> OfAsync(
        IReadOnlyList<NotificationItem> items, Actor reader, DefinitionStore definitions, ProcedureLibrary library,
        Language language, IStringLocalizer strings, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(definitions);
        var lines = new List<NotificationLine>(items.Count);
        foreach (var item in items)
        {
            var definition = await definitions.GetAsync(item.ProcedureId, item.DefinitionVersion, cancellationToken).ConfigureAwait(false);
            var texts = definition is null ? null : new ProcedureTexts(definition, library, language, strings);
            lines.Add(Line(item, reader, texts, language, strings, clock));
        }
        return lines;
    }

    public static NotificationLine Line(NotificationItem item, Actor reader, ProcedureTexts? texts, Language language, IStringLocalizer strings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(strings);
        string Say(string key, params object[] values) => string.Format(language.Culture, strings[key].Value, values);
        var applicant = reader.Kind == RoleKind.Applicant;
        var expiring = item.Kind == StorageEvents.DraftExpiring;
        var about = expiring
            ? Say("Notifications.YourDraft", texts?.Procedure ?? item.ProcedureId)
            : Say(applicant ? "Notifications.YourApplication" : "Notifications.File", item.Reference ?? "", texts?.Procedure ?? item.ProcedureId);
        // A draft about to go: straight to its form, where carrying on is what keeps it.
        var href = expiring ? ApplicantPages.FormUrl(item.ApplicationId)
            : applicant ? ApplicantPages.DetailUrl(item.ApplicationId) : ReviewerPages.CaseUrl(item.ApplicationId);
        var at = MoroccoTime.Local(clock, item.At);
        var step = texts?.Step(item.Step) ?? item.Step ?? "";

        (string Sentence, string? Label) said = item.Kind switch
        {
            StorageEvents.DeadlineNear => (Say("Notifications.EventDeadlineNear", step), null),
            StorageEvents.DraftExpiring => (Say("Notifications.EventDraftExpiring", DeletionDay(item, clock).ToString("D", language.Culture)), null),
            StorageEvents.MessagePosted when applicant => (Say("Notifications.EventMessageToApplicant"), strings["Mine.MessageFromReviewer"]),
            StorageEvents.MessagePosted => (Say("Notifications.EventMessageFromApplicant"), strings["Notifications.MessageFromApplicant"]),
            _ when texts is not null && Timeline.Describe(Record(item), texts, language, strings, clock) is { } entry => (entry.Sentence, entry.MessageLabel),
            _ => (Say("Notifications.EventOther"), null),
        };
        var message = said.Label is null ? null : item.Comment;
        return new NotificationLine(item.Id, href, about, said.Sentence, message is null ? null : said.Label, message, at, item.IsNew);
    }

    /// <summary>The day a draft goes, as its announcement says (<see cref="StorageEvents.DraftExpiring"/>); the announcement's own day if unreadable.</summary>
    private static DateOnly DeletionDay(NotificationItem item, TimeProvider clock) =>
        DateOnly.TryParseExact(item.Comment, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : DateOnly.FromDateTime(MoroccoTime.Local(clock, item.At).DateTime);

    /// <summary>The notification as the timeline reads an event: its kind, step, status and the text written to the reader.</summary>
    private static AuditRecord Record(NotificationItem item) => new(
        item.Id, item.At, item.ApplicationId, "", "", "", item.Kind, item.Step, null, null, item.Status.Name(), item.Comment,
        item.Kind == WorkflowEvents.Submitted ? item.Reference : null);
}
