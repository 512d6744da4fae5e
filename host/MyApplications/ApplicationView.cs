using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.MyApplications;

/// <summary>Everything the page of one application shows, read for the person who asks.</summary>
/// <param name="Definition">The version of the procedure the application is pinned to.</param>
/// <param name="Permitted">What the person may do now: the page offers these and nothing else.</param>
/// <param name="Request">The last request for changes (its message and reopened items).</param>
/// <param name="Decision">The decision, with its reason.</param>
internal sealed record ApplicationView(
    Application Application,
    ProcedureDefinition Definition,
    ProcedureTexts Texts,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<PermittedAction> Permitted,
    DeadlineStatus Deadline,
    TimelineEntry? Request,
    TimelineEntry? Decision)
{
    /// <summary>The application as <paramref name="actor"/> may see it; null when they may not (or it does not exist): the engine audits the refusal.</summary>
    public static async Task<ApplicationView?> LoadAsync(
        Guid id, Actor actor, Applications applications, DefinitionStore definitions, ProcedureLibrary library,
        Language language, IStringLocalizer strings, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(clock);
        var found = await applications.GetAsync(id, actor, cancellationToken);
        if (found.Value is not { } application)
            return null;
        var definition = await definitions.GetAsync(application.ProcedureId, application.DefinitionVersion, cancellationToken)
            ?? throw new InvalidOperationException($"application {id} is pinned to '{application.ProcedureId}' version {application.DefinitionVersion}, which is not stored");
        var history = await applications.HistoryAsync(id, actor, cancellationToken);
        var permitted = await applications.PermittedActionsAsync(id, actor, cancellationToken);

        var texts = new ProcedureTexts(definition, library, language, strings);
        var timeline = MyApplications.Timeline.Of(history.Value ?? [], texts, language, strings, clock);
        var deadline = LegalDeadline.Of(application, definition, MoroccoTime.Today(clock), library.Calendar);
        return new ApplicationView(
            application, definition, texts, timeline, permitted, deadline,
            timeline.LastOrDefault(e => e.Kind == WorkflowEvents.ChangesRequested),
            timeline.LastOrDefault(e => e.Kind == WorkflowEvents.Decided));
    }
}
