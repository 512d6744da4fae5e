using System.Text.RegularExpressions;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Validation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace EmploymentProcedures.Designer.Forms;

/// <summary>
/// Renders any <see cref="ProcedureDefinition"/> as the applicant's form. Answers are immutable: each
/// change comes back through <see cref="AnswersChanged"/> (already pruned of hidden answers), for the
/// host to autosave; documents likewise through <see cref="DocumentsChanged"/>. Validation runs live
/// through a <see cref="ValidationBridge"/> on the form's <see cref="EditContext"/>: a field's messages
/// show once it was changed, a page's when "next" is pressed, all of them on the last page.
/// </summary>
public sealed partial class ProcedureForm : ComponentBase, IDisposable
{
    private FormScope _scope = null!;
    private EditContext _editContext = null!;
    private ValidationBridge _bridge = null!;
    private ProcedureDefinition? _definition;
    private Answers? _answersParameter;
    private IReadOnlyList<AttachedDocument>? _documentsParameter;
    private EvaluationContext _context = new(DateOnly.MinValue);
    private Dictionary<string, FieldDefinition> _fields = [];
    private IReadOnlyList<FormPage> _pages = [];
    private string _pageKey = "";
    private string? _pageParameter;
    private string? _summaryScope;
    private ErrorSummary? _summary;
    private ElementReference _heading;
    private bool _focusSummary;
    private bool _focusHeading;
    private string? _focusPath;

    /// <summary>Summary scope meaning "every page" (after the last page's check).</summary>
    private const string AllPages = "*";

    [Parameter, EditorRequired]
    public required ProcedureDefinition Definition { get; set; }

    /// <summary>The answers to show. The form keeps its own copy once changed; a different instance passed later (a draft reloaded) replaces it.</summary>
    [Parameter]
    public Answers Answers { get; set; } = Answers.Empty;

    /// <summary>Raised on every change, with the new answers (hidden answers pruned): bind it to autosave.</summary>
    [Parameter]
    public EventCallback<Answers> AnswersChanged { get; set; }

    /// <summary>The documents attached so far.</summary>
    [Parameter]
    public IReadOnlyList<AttachedDocument> Documents { get; set; } = [];

    [Parameter]
    public EventCallback<IReadOnlyList<AttachedDocument>> DocumentsChanged { get; set; }

    /// <summary>Stores an uploaded file (streamed) and says what became of it; without it, uploads are refused with a message.</summary>
    [Parameter]
    public Func<DocumentUpload, Task<UploadOutcome>>? Upload { get; set; }

    /// <summary>Called before a document is removed from <see cref="Documents"/> (the host may delete the stored file).</summary>
    [Parameter]
    public Func<AttachedDocument, Task>? RemoveDocument { get; set; }

    /// <summary><c>fr</c>, <c>ar</c> or <c>en</c>: labels, options, messages; <c>ar</c> renders right to left.</summary>
    [Parameter]
    public string Language { get; set; } = "fr";

    /// <summary>The reviewer's view: every input disabled, pages browsable without checks.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>While changes are requested: the field paths and document ids the applicant may change (a path opens everything below it); null when all are editable.</summary>
    [Parameter]
    public IReadOnlySet<string>? Editable { get; set; }

    /// <summary>
    /// The paths a prefilled link filled (<c>employer.ice</c>, <c>employer.address.province</c>): each such field says
    /// "prefilled by the link" under its label, tied to its input by <c>aria-describedby</c>, so the applicant checks it.
    /// </summary>
    [Parameter]
    public IReadOnlySet<string>? Prefilled { get; set; }

    /// <summary>The day <c>today()</c> means in conditions, bounds and computed values.</summary>
    [Parameter, EditorRequired]
    public DateOnly Today { get; set; }

    /// <summary>
    /// Fields only, for a host's own form (a reviewer's step fields in the decision panel): every visible section's
    /// fields and the error summary, with no page navigation, progress or buttons; <see cref="ShowReport"/> shows
    /// what the host's check found.
    /// </summary>
    [Parameter]
    public bool Embedded { get; set; }

    /// <summary>
    /// With <see cref="ReadOnly"/>: every visible section one after the other under its title (a heading of level 3),
    /// with no progress, navigation, buttons or documents page (the host lists the files): the answers as the read-only
    /// form shows them, on one page to print or keep (an application's whole file).
    /// </summary>
    [Parameter]
    public bool Printable { get; set; }

    /// <summary>Put before every id the form gives its elements, so two forms on one page never share one (ids from <see cref="FieldIds"/> start with <c>f-</c>: a prefix ending in '-' cannot collide).</summary>
    [Parameter]
    public string IdPrefix { get; set; } = "";

    /// <summary>The page shown (a section id, or <see cref="FormPage.DocumentsKey"/>); the first page when null or hidden.</summary>
    [Parameter]
    public string? Page { get; set; }

    [Parameter]
    public EventCallback<string> PageChanged { get; set; }

    /// <summary>
    /// What the host says about a section, shown right under its heading, before its help (where its answers came from,
    /// with what to do about it); null or empty for most sections.
    /// </summary>
    [Parameter]
    public RenderFragment<SectionDefinition>? SectionNotice { get; set; }

    /// <summary>The last page was passed with no error left: the host shows its review page, then submits.</summary>
    [Parameter]
    public EventCallback<Submission> Completed { get; set; }

    /// <summary>The form's edit context: the bridge's messages are in it, keyed by <see cref="ValidationBridge.Field"/>.</summary>
    public EditContext EditContext => _editContext;

    /// <summary>The current answers (pruned) and documents, as they would be submitted.</summary>
    public Submission Submission => new(_scope.Answers, _scope.Documents);

    /// <summary>What the form shows now (visible fields, requirements, computed values).</summary>
    public FormState State => _scope.State;

    /// <summary>The pages shown now, in order.</summary>
    public IReadOnlyList<FormPage> Pages => _pages;

    private int CurrentIndex => Math.Max(0, _pages.ToList().FindIndex(p => p.Key == _pageKey));

    private FormPage CurrentPage => _pages[CurrentIndex];

    private string PageTitle => CurrentPage.Section is { } section ? section.Title?.Get(Language) ?? section.Id : _scope.Text("documents.title");

    private IReadOnlyList<(string Path, string Text)>? SummaryItems => _summaryScope is null
        ? null
        : [.. _bridge.Shown.Where(e => _summaryScope == AllPages || FormPage.KeyOf(Definition, e) == _summaryScope).Select(e => (e.Path, Describe(e)))];

    /// <summary>Shows a report validated elsewhere, typically the server's at submit: every error, with the summary.</summary>
    public void ShowReport(ValidationReport report)
    {
        _bridge.Show(report);
        _summaryScope = report.IsValid ? null : AllPages;
        _focusSummary = !report.IsValid;
        StateHasChanged();
    }

    protected override void OnInitialized()
    {
        _scope = new FormScope(this);
        _editContext = new EditContext(_scope);
        _bridge = new ValidationBridge(_editContext, () => SubmissionValidator.Validate(Definition, Submission, _context));
        _scope.Bridge = _bridge;
    }

    protected override void OnParametersSet()
    {
        var changed = false;
        if (!ReferenceEquals(Definition, _definition))
        {
            _definition = Definition;
            _fields = Definition.AllFields().GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            changed = true;
        }
        if (_context.Today != Today)
        {
            _context = new EvaluationContext(Today);
            changed = true;
        }
        if (!ReferenceEquals(Answers, _answersParameter))
        {
            _answersParameter = Answers;
            // The host handing back what the form just raised costs nothing; anything else is adopted.
            if (!ReferenceEquals(Answers, _scope.Answers) || changed)
            {
                _scope.Answers = Answers;
                changed = true;
            }
        }
        if (!ReferenceEquals(Documents, _documentsParameter))
        {
            _documentsParameter = Documents;
            if (!ReferenceEquals(Documents, _scope.Documents))
            {
                _scope.Documents = Documents;
                changed = true;
            }
        }
        _bridge.Language = Language;
        if (changed || _scope.State is null)
        {
            _scope.Answers = VisibleAnswers.Prune(Definition, _scope.Answers, _context);
            Evaluate();
            _bridge.Refresh();
        }
        if (Page != _pageParameter)
        {
            _pageParameter = Page;
            if (Page is not null && _pages.Any(p => p.Key == Page))
                _pageKey = Page;
        }
        if (_pages.Count > 0 && !_pages.Any(p => p.Key == _pageKey))
            _pageKey = _pages[0].Key;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusSummary && _summary is not null)
        {
            _focusSummary = false;
            await _summary.FocusAsync();
        }
        else if (_focusPath is { } path)
        {
            _focusPath = null;
            await _scope.FocusAsync(path);
        }
        else if (_focusHeading)
        {
            _focusHeading = false;
            if (_heading.Context is not null)
                await _heading.FocusAsync();
        }
    }

    /// <summary>One answer changed (a field, an address member, a row's field, a whole group's rows).</summary>
    internal async Task ChangeAsync(string path, object? value)
    {
        if (!_scope.CanEdit(path))
            return;
        var answers = VisibleAnswers.Prune(Definition, AnswerPaths.Set(_scope.Answers, path, value), _context);
        _scope.Answers = answers;
        Evaluate();
        _editContext.NotifyFieldChanged(_bridge.Field(path));
        // The event came from a field component: the whole page may change (conditions, computed values, pages).
        StateHasChanged();
        await AnswersChanged.InvokeAsync(answers);
    }

    /// <summary>Sends a chosen file to the host; returns the message to show when it was not attached.</summary>
    internal async Task<string?> UploadAsync(DocumentDefinition document, Microsoft.AspNetCore.Components.Forms.IBrowserFile file, Action<long> progress)
    {
        if (!_scope.CanEdit(document.Id))
            return null;
        if (Upload is null)
            return _scope.Text("upload.unavailable");
        UploadOutcome outcome;
        try
        {
            await using var content = new ProgressStream(file.OpenReadStream(DocumentLimits.MaxBytes(document)), progress);
            outcome = await Upload(new DocumentUpload(document.Id, file.Name, file.ContentType, file.Size, content));
        }
        catch (IOException)
        {
            // The browser stream broke off (connection lost, file changed or larger than declared).
            return _scope.Text("upload.failed", file.Name);
        }
        if (outcome.Document is not { } attached)
            return outcome.Refusal?.Get(Language) ?? _scope.Text("upload.failed", file.Name);
        var documents = document.MaxFiles == 1
            ? [.. _scope.Documents.Where(d => d.DocumentId != document.Id), attached]
            : (IReadOnlyList<AttachedDocument>)[.. _scope.Documents, attached];
        await SetDocumentsAsync(document.Id, documents);
        return null;
    }

    internal async Task RemoveAsync(AttachedDocument document)
    {
        if (!_scope.CanEdit(document.DocumentId))
            return;
        if (RemoveDocument is not null)
            await RemoveDocument(document);
        await SetDocumentsAsync(document.DocumentId, [.. _scope.Documents.Where(d => !ReferenceEquals(d, document) && d != document)]);
    }

    private async Task SetDocumentsAsync(string documentId, IReadOnlyList<AttachedDocument> documents)
    {
        _scope.Documents = documents;
        _editContext.NotifyFieldChanged(_bridge.Field(documentId));
        StateHasChanged();
        await DocumentsChanged.InvokeAsync(documents);
    }

    private void Evaluate()
    {
        _scope.State = FormState.Evaluate(Definition, _scope.Answers, _context);
        _pages = FormPage.Of(Definition, _scope.State);
    }

    private async Task NextAsync()
    {
        var page = CurrentPage;
        var last = CurrentIndex == _pages.Count - 1;
        if (ReadOnly)
        {
            if (!last)
                await GoToAsync(_pages[CurrentIndex + 1].Key);
            return;
        }
        if (!last)
        {
            _bridge.Reveal(PathsOf(page));
            if (_bridge.Shown.Any(e => FormPage.KeyOf(Definition, e) == page.Key))
            {
                _summaryScope = page.Key;
                _focusSummary = true;
                return;
            }
            _summaryScope = null;
            await GoToAsync(_pages[CurrentIndex + 1].Key);
            return;
        }
        _editContext.Validate();
        if (_bridge.Report.IsValid)
        {
            _summaryScope = null;
            await Completed.InvokeAsync(Submission);
            return;
        }
        _summaryScope = AllPages;
        _focusSummary = true;
    }

    private async Task PreviousAsync()
    {
        if (CurrentIndex > 0)
            await GoToAsync(_pages[CurrentIndex - 1].Key);
    }

    private async Task GoToAsync(string key)
    {
        _pageKey = key;
        _focusHeading = true;
        if (_summaryScope != AllPages)
            _summaryScope = null;
        await PageChanged.InvokeAsync(key);
    }

    private async Task FocusFieldAsync(string path)
    {
        var key = Definition.Documents.Any(d => d.Id == path) ? FormPage.DocumentsKey : FormPage.KeyOf(Definition, new ValidationError(path, "", LocalizedText.Of("", "")));
        if (key is not null && key != _pageKey && _pages.Any(p => p.Key == key))
        {
            _focusPath = path;
            _pageKey = key;
            await PageChanged.InvokeAsync(key);
            return;
        }
        await _scope.FocusAsync(path);
    }

    /// <summary>A field's answer path: its id in a plain section, under the section's id in one that includes a fragment.</summary>
    private static string PathOf(SectionDefinition section, FieldDefinition field) => section.Include is null ? field.Id : section.Id + "." + field.Id;

    private IEnumerable<string> PathsOf(FormPage page) => page.Section is { } section
        ? section.Include is not null ? [section.Id] : section.Fields.Select(f => f.Id)
        : [.. Definition.Documents.Select(d => d.Id), "documents"];

    /// <summary>
    /// "Label: message" for the summary; rows and record members name their group or field too. A label written as a
    /// sentence (a declaration to tick) loses its full stop before the colon; an ellipsis stays.
    /// </summary>
    private string Describe(ValidationError error)
    {
        var message = error.Message.Get(Language);
        if (LabelOf(error.Path)?.TrimEnd() is not { } label)
            return message;
        if (label.EndsWith('.') && !label.EndsWith("..", StringComparison.Ordinal))
            label = label[..^1];
        return Language == "fr" ? $"{label} : {message}" : $"{label}: {message}";
    }

    private string? LabelOf(string path)
    {
        if (Definition.Documents.FirstOrDefault(d => d.Id == path) is { } document)
            return document.Label?.Get(Language);
        var plain = RowIndex().Replace(path, "");
        var member = "";
        if (!_fields.TryGetValue(plain, out var field))
        {
            var dot = plain.LastIndexOf('.');
            if (dot < 0 || !_fields.TryGetValue(plain[..dot], out field) || field.Type is not (FieldType.Address or FieldType.Rc))
                return null;
            member = " — " + _scope.Text(field.Type.ToString().ToLowerInvariant() + "." + plain[(dot + 1)..]);
        }
        var label = (field.Label?.Get(Language) ?? field.Id) + member;
        var rows = RowIndex().Matches(path);
        if (rows.Count == 0)
            return label;
        var row = rows[^1];
        var groupPath = RowIndex().Replace(path[..row.Index], "");
        var group = _fields.TryGetValue(groupPath, out var g) ? g.Label?.Get(Language) ?? g.Id : groupPath;
        return _scope.Text("group.row", group, int.Parse(row.Value.AsSpan(1, row.Value.Length - 2), System.Globalization.CultureInfo.InvariantCulture) + 1) + " — " + label;
    }

    public void Dispose() => _bridge?.Dispose();

    [GeneratedRegex(@"\[\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex RowIndex();
}
