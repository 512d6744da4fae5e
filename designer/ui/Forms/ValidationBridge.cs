using EmploymentProcedures.Engine.Validation;
using Microsoft.AspNetCore.Components.Forms;

namespace EmploymentProcedures.Designer.Forms;

/// <summary>
/// Puts the engine's validation (<see cref="SubmissionValidator"/>, FluentValidation underneath) into a
/// Blazor <see cref="EditContext"/>: one <see cref="ValidationMessageStore"/>, one
/// <see cref="FieldIdentifier"/> per field path (<c>employees[2].name</c>) or document id, messages in
/// the current language. A field's messages show once it was changed (<see cref="EditContext.NotifyFieldChanged"/>)
/// or revealed; <see cref="EditContext.Validate"/> reveals them all. Every refresh re-runs the whole
/// validation (about 100 µs for 200 fields) and replaces the store, so a fixed error, or an error of a
/// field that became hidden, is cleared. The server runs the same validator at submit; its report can be
/// shown with <see cref="Show"/>.
/// </summary>
public sealed class ValidationBridge : IDisposable
{
    private readonly EditContext _editContext;
    private readonly Func<ValidationReport> _validate;
    private readonly ValidationMessageStore _store;
    private readonly HashSet<string> _revealed = new(StringComparer.Ordinal);
    private bool _all;
    private string _language = "fr";

    /// <param name="validate">Validates the submission as it is now (the form's answers and documents).</param>
    public ValidationBridge(EditContext editContext, Func<ValidationReport> validate)
    {
        ArgumentNullException.ThrowIfNull(editContext);
        ArgumentNullException.ThrowIfNull(validate);
        _editContext = editContext;
        _validate = validate;
        _store = new ValidationMessageStore(editContext);
        editContext.OnFieldChanged += OnFieldChanged;
        editContext.OnValidationRequested += OnValidationRequested;
    }

    /// <summary>The language the store's messages are in (<c>fr</c>, <c>ar</c>, <c>en</c>); changing it re-publishes them.</summary>
    public string Language
    {
        get => _language;
        set
        {
            if (_language == value)
                return;
            _language = value;
            Publish();
        }
    }

    /// <summary>The last validation, every error included (shown or not yet).</summary>
    public ValidationReport Report { get; private set; } = ValidationReport.Valid;

    /// <summary>The errors shown now: those of changed or revealed fields, or all after a full validation.</summary>
    public IEnumerable<ValidationError> Shown => Report.Errors.Where(e => IsRevealed(e.Path));

    public FieldIdentifier Field(string path) => new(_editContext.Model, path);

    /// <summary>The messages shown for exactly this path (a field, an address member, a row's field, a document).</summary>
    public IEnumerable<string> Messages(string path) => _editContext.GetValidationMessages(Field(path));

    /// <summary>Shows the errors of these paths and of everything below them (an address's members, a group's rows), then re-validates.</summary>
    public void Reveal(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _revealed.UnionWith(paths);
        Refresh();
    }

    /// <summary>Re-validates and re-publishes (after answers or documents changed without a field event).</summary>
    public void Refresh()
    {
        Report = _validate();
        Publish();
    }

    /// <summary>Shows a report validated elsewhere (the server's at submit), every error revealed.</summary>
    public void Show(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _all = true;
        Report = report;
        Publish();
    }

    /// <summary>Hides everything again: nothing is revealed, the store is empty.</summary>
    public void Reset()
    {
        _revealed.Clear();
        _all = false;
        Report = ValidationReport.Valid;
        Publish();
    }

    public void Dispose()
    {
        _editContext.OnFieldChanged -= OnFieldChanged;
        _editContext.OnValidationRequested -= OnValidationRequested;
        _store.Clear();
    }

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        _revealed.Add(e.FieldIdentifier.FieldName);
        Refresh();
    }

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        _all = true;
        Refresh();
    }

    private bool IsRevealed(string path)
    {
        if (_all || _revealed.Contains(path))
            return true;
        // An error below a revealed path (an address member, a row's field) shows with it.
        for (var end = path.Length - 1; end > 0; end--)
        {
            if (path[end] is '.' or '[' && _revealed.Contains(path[..end]))
                return true;
        }
        return false;
    }

    private void Publish()
    {
        _store.Clear();
        foreach (var error in Shown)
            _store.Add(Field(error.Path), error.Message.Get(_language));
        _editContext.NotifyValidationStateChanged();
    }
}
