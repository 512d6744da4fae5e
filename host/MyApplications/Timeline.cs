using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.MyApplications;

/// <summary>One event of an application's life as its applicant reads it.</summary>
/// <param name="At">When, in the portal's time zone (Morocco's).</param>
/// <param name="Sentence">What happened, in the page's language.</param>
/// <param name="By">The role that acted, when a reviewer did ("Agent du guichet").</param>
/// <param name="Message">What the reviewer wrote (a request for changes, a reason), or the applicant's own reason for withdrawing.</param>
/// <param name="Items">The items reopened, or changed at a resubmission, in words.</param>
public sealed record TimelineEntry(
    DateTimeOffset At, string Kind, string Sentence, string? By, string? MessageLabel, string? Message, string? ItemsLabel, IReadOnlyList<string> Items)
{
    /// <summary>Whether the entry stands for a whole day (a partner's reads of that day): its date is shown, not its time.</summary>
    public bool WholeDay { get; init; }
}

/// <summary>
/// Turns the audit entries of <c>Applications.HistoryAsync</c> into sentences. Only what tells the story of the
/// file is kept: the draft's autosaves and uploads are not events of the procedure, and refused attempts (the
/// person's own as well: they changed nothing) are the audit's business, not the timeline's. A partner administration's
/// reads through the API (law 09-08: the applicant knows who received their data) are one entry per partner and day in
/// Morocco, at its first read: a system that reads the file fifty times a day is one line, not fifty.
/// </summary>
internal static class Timeline
{
    /// <summary>The events a reviewer's own act makes; the others (a step entered or skipped) follow from them.</summary>
    private static readonly HashSet<string> ReviewerActs =
    [
        WorkflowEvents.StepApproved, WorkflowEvents.Opinion, WorkflowEvents.ChangesRequested, WorkflowEvents.Returned, WorkflowEvents.Decided,
    ];

    /// <summary>
    /// The sentences of <paramref name="history"/>. With <paramref name="staff"/> (the whole file a reviewer downloads),
    /// the reviewers' own comments show too: an approval's, an opinion's and a return's note, which stay between
    /// reviewers on the applicant's page.
    /// </summary>
    public static IReadOnlyList<TimelineEntry> Of(IEnumerable<AuditRecord> history, ProcedureTexts texts, Language language, IStringLocalizer strings, TimeProvider clock, bool staff = false)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(texts);
        var entries = new List<TimelineEntry>();
        var partnerDays = new HashSet<(string Partner, DateOnly Day)>();
        foreach (var record in history)
        {
            if (Describe(record, texts, language, strings, clock, staff) is not { } entry)
                continue;
            if (entry.WholeDay && !partnerDays.Add((record.ActorId, DateOnly.FromDateTime(entry.At.DateTime))))
                continue;
            entries.Add(entry);
        }
        return entries;
    }

    public static TimelineEntry? Describe(AuditRecord record, ProcedureTexts texts, Language language, IStringLocalizer strings, TimeProvider clock, bool staff = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(strings);
        string Say(string key, params object[] values) => string.Format(language.Culture, strings[key].Value, values);
        var step = texts.Step(record.Step);
        // Each kind: its sentence, and the label of the message and of the items it shows (null: it shows none).
        // A return's note is between reviewers, and an opinion's or a step's comment is for the file: the
        // applicant reads the messages meant for them, a request for changes and a decision's reason.
        (string Sentence, string? Message, string? Items)? said = record.Kind switch
        {
            StorageEvents.Started => (Say("Mine.EventStarted"), null, null),
            StorageEvents.Carried when Items(record.Detail) is [var section, var reference, var day] =>
                (Say("Mine.EventCarried", texts.Item(section), reference, Day(day, language)), null, null),
            StorageEvents.Prefilled => (Say(Items(record.Detail).Length == 1 ? "Mine.EventPrefilledOne" : "Mine.EventPrefilled", Items(record.Detail).Length), null, strings["Mine.ItemsPrefilled"]),
            WorkflowEvents.SectionEmptied => (Say("Mine.EventSectionEmptied", texts.Item(record.Detail ?? "")), null, null),
            StorageEvents.DraftMoved => (DraftMoved(Items(record.Detail), language, strings), null, null),
            WorkflowEvents.Submitted => (Say("Mine.EventSubmitted", record.Detail ?? ""), null, null),
            WorkflowEvents.Resubmitted => (Say("Mine.EventResubmitted", step), null, strings["Mine.ItemsChanged"]),
            WorkflowEvents.StepEntered => (Say("Mine.EventStepEntered", step), null, null),
            WorkflowEvents.StepSkipped => (Say("Mine.EventStepSkipped", step), null, null),
            WorkflowEvents.StepApproved when record.Action == StepAction.Acknowledge.Name() => (Say("Mine.EventStepAcknowledged", step), null, null),
            WorkflowEvents.StepApproved => (Say("Mine.EventStepApproved", step), null, null),
            WorkflowEvents.Opinion when record.Action == StepAction.Reject.Name() => (Say("Mine.EventOpinionAgainst", step), null, null),
            WorkflowEvents.Opinion => (Say("Mine.EventOpinionFor", step), null, null),
            WorkflowEvents.ChangesRequested => (Say("Mine.EventChangesRequested", step), strings["Mine.MessageFromReviewer"], strings["Mine.ItemsReopened"]),
            WorkflowEvents.Returned => (Say("Mine.EventReturned", step), null, null),
            WorkflowEvents.Decided => (Say(record.ToStatus switch
            {
                "approved" => "Mine.EventApproved",
                "rejected" => "Mine.EventRejected",
                _ => "Mine.EventAcknowledged",
            }), strings["Mine.MessageReason"], null),
            WorkflowEvents.Withdrawn => (Say("Mine.EventWithdrawn"), strings["Mine.MessageYourReason"], null),
            WorkflowEvents.DeadlineLapsed => (Say("Mine.EventDeadlineLapsed"), null, null),
            StorageEvents.Erased => (Say("Mine.EventErased"), null, null),
            StorageEvents.ReadThroughApi => (Say("Mine.EventReadThroughApi", record.ActorName), null, null),
            _ => null,
        };
        if (said is not { } shown)
            return null;
        if (record.Kind == StorageEvents.ReadThroughApi)
            return new TimelineEntry(MoroccoTime.Local(clock, record.At), record.Kind, shown.Sentence, null, null, null, null, []) { WholeDay = true };
        if (staff && shown.Message is null && ReviewerActs.Contains(record.Kind))
            shown = shown with { Message = strings["Dossier.ReviewerComment"] };
        var message = shown.Message is not null && !string.IsNullOrWhiteSpace(record.Comment) ? record.Comment : null;
        var items = shown.Items is null ? [] : Items(record.Detail).Select(texts.Item).ToList();
        var by = ReviewerActs.Contains(record.Kind) && texts.IsReviewer(record.ActorRole) ? texts.Role(record.ActorRole) : null;
        var at = MoroccoTime.Local(clock, record.At);
        return new TimelineEntry(at, record.Kind, shown.Sentence, by,
            message is null ? null : shown.Message, message, items.Count == 0 ? null : shown.Items, items);
    }

    /// <summary>
    /// A draft moved to its procedure's latest version, from the items its audit entry keeps (<c>version 1 to 2, published
    /// 2026-11-12, answer …, document …, required …, required document …</c>): the version's day and what the applicant has
    /// to complete now ("Formulaire mis à jour vers la version du 12 novembre 2026 : 2 réponses à compléter."). An entry
    /// written before the day was kept names the version's number instead.
    /// </summary>
    private static string DraftMoved(string[] items, Language language, IStringLocalizer strings)
    {
        string Say(string key, params object[] values) => string.Format(language.Culture, strings[key].Value, values);
        var answers = items.Count(i => i.StartsWith("required ", StringComparison.Ordinal) && !i.StartsWith("required document ", StringComparison.Ordinal));
        var documents = items.Count(i => i.StartsWith("required document ", StringComparison.Ordinal));
        var parts = new List<string>(2);
        if (answers > 0)
            parts.Add(answers == 1 ? Say("Mine.DraftMovedAnswersOne") : Say("Mine.DraftMovedAnswersMany", answers));
        if (documents > 0)
            parts.Add(documents == 1 ? Say("Mine.DraftMovedDocumentsOne") : Say("Mine.DraftMovedDocumentsMany", documents));
        var what = parts switch
        {
            [] => Say("Mine.DraftMovedNothing"),
            [var one] => one,
            _ => Say("Mine.DraftMovedAnd", parts[0], parts[1]),
        };
        if (items.FirstOrDefault(i => i.StartsWith("published ", StringComparison.Ordinal)) is { } published)
            return Say("Mine.EventDraftMoved", Day(published["published ".Length..], language), what);
        var version = items.FirstOrDefault(i => i.StartsWith("version ", StringComparison.Ordinal))?.Split(' ') is [_, _, "to", var to] ? to : "";
        return Say("Mine.EventDraftMovedVersion", version, what);
    }

    /// <summary>A day the audit keeps as <c>yyyy-MM-dd</c>, as the page's language writes it ("12 novembre 2026").</summary>
    private static string Day(string day, Language language) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
            ? parsed.ToString("d MMMM yyyy", language.Culture)
            : day;

    /// <summary>The items of an event, as the audit keeps them ("a, b, c").</summary>
    private static string[] Items(string? detail) =>
        string.IsNullOrWhiteSpace(detail) ? [] : detail.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
