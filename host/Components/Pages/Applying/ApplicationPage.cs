using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Localization;
using Microsoft.AspNetCore.Components;

namespace EmploymentProcedures.Host.Components.Pages.Applying;

/// <summary>
/// What the applicant's pages of one application share (form, review, receipt): who is signed in (else the
/// sign-in page, then back here), the application when the engine says they may see it (else the not-found
/// page, which never says whether it exists), the definition version it is pinned to (a draft first moved to the
/// latest: <see cref="Applications.FollowLatestAsync"/>), what they may do now, the language and Morocco's day.
/// </summary>
public abstract class ApplicationPage : ComponentBase
{
    [Inject]
    private SignedInActor SignedIn { get; set; } = null!;

    [Inject]
    private protected Applications Applications { get; set; } = null!;

    [Inject]
    private protected DefinitionStore Definitions { get; set; } = null!;

    [Inject]
    private protected NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private protected TimeProvider Clock { get; set; } = null!;

    [Parameter]
    public Guid Id { get; set; }

    private protected Language Language { get; } = Languages.Current;

    private protected Actor? Actor { get; private set; }

    private protected Application? Application { get; set; }

    /// <summary>The version of the definition the application is pinned to.</summary>
    private protected ProcedureDefinition? Definition { get; private set; }

    /// <summary>
    /// The latest published version of the procedure, when it is newer than the one the application is pinned to: a file sent
    /// back for changes (submitted, it stays on its version), or a draft whose move could not be written yet.
    /// </summary>
    private protected int? NewerVersion { get; private set; }

    /// <summary>The version a moved draft was on, whose labels name what the move removed; null when there is no move to tell.</summary>
    private protected ProcedureDefinition? MovedFrom { get; private set; }

    private protected IReadOnlyList<PermittedAction> Permitted { get; private set; } = [];

    private protected DateOnly Today => MoroccoTime.Today(Clock);

    /// <summary>Whether the person may change and submit the application now (a draft, or changes requested): the engine's permitted actions say so.</summary>
    private protected bool MayEdit => Permitted.Any(p => p.Kind == ActionKind.Edit) && Permitted.Any(p => p.Kind == ActionKind.Submit);

    private protected string FormUrl(string? page = null, bool check = false) =>
        $"applications/{Id}/form" + (page is null ? "" : "?page=" + Uri.EscapeDataString(page)) + (check ? (page is null ? "?" : "&") + "check=1" : "");

    private protected string ReviewUrl => $"applications/{Id}/review";

    private protected string ReceiptUrl => $"applications/{Id}/receipt";

    /// <summary>The application's own page (its timeline, downloads, withdrawal).</summary>
    private protected string DetailUrl => $"applications/{Id}";

    /// <summary>
    /// Reads the application for the signed-in person. False when the page must not show it: nobody is signed
    /// in (sent to sign in, coming back here after), or the engine refused (the not-found page).
    /// </summary>
    private protected async Task<bool> OpenAsync()
    {
        Actor = await SignedIn.GetAsync();
        if (Actor is null)
        {
            Navigation.NavigateTo("account/sign-in?returnUrl=" + Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri)), forceLoad: true);
            return false;
        }
        var read = await Applications.GetAsync(Id, Actor);
        var latest = read.Value is { } found ? await Definitions.LatestAsync(found.ProcedureId) : null;
        var application = read.Value;
        if (application is { Status: ApplicationStatus.Draft } draft && latest is not null && latest.Version > draft.DefinitionVersion)
        {
            // A draft is filed under the rules in force when it is submitted: it moves to the latest version before it is shown.
            // Should the move not be written now (a busy database), the next save makes it.
            application = (await Applications.FollowLatestAsync(Id, Actor)).Application ?? draft;
        }
        if (application is null || await Definitions.GetAsync(application.ProcedureId, application.DefinitionVersion) is not { } definition)
        {
            Navigation.NotFound();
            return false;
        }
        Application = application;
        Definition = definition;
        NewerVersion = latest is not null && latest.Version > application.DefinitionVersion ? latest.Version : null;
        if (application.Moved is { } moved)
            MovedFrom = await Definitions.GetAsync(application.ProcedureId, moved.FromVersion);
        Permitted = await Applications.PermittedActionsAsync(Id, Actor);
        return true;
    }

    /// <summary>The procedure's title in the page's language.</summary>
    private protected string Title => Definition?.Title.Get(Language.Code) ?? "";
}
