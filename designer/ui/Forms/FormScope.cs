using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Designer.Forms;

/// <summary>
/// What every field and document component of one form shares, cascaded by <see cref="ProcedureForm"/>:
/// the definition, the answers and their evaluated state, the language, who may edit what, the
/// validation messages, and the way back to the form for changes, uploads and focus.
/// </summary>
internal sealed class FormScope
{
    private readonly Dictionary<string, (object Owner, Func<string, ValueTask> Focus)> _targets = new(StringComparer.Ordinal);

    public FormScope(ProcedureForm form) => Form = form;

    public ProcedureForm Form { get; }

    public ProcedureDefinition Definition => Form.Definition;

    public string Language => Form.Language;

    public string Direction => FormCulture.Direction(Form.Language);

    public Answers Answers { get; set; } = Answers.Empty;

    public IReadOnlyList<AttachedDocument> Documents { get; set; } = [];

    public FormState State { get; set; } = null!;

    public ValidationBridge Bridge { get; set; } = null!;

    /// <summary>The HTML id of a path's input in this form: <see cref="FieldIds.For"/> after the form's <see cref="ProcedureForm.IdPrefix"/>.</summary>
    public string IdOf(string path) => Form.IdPrefix + FieldIds.For(path);

    public string Text(string key, params object?[] args) => FormTexts.Get(key, Form.Language, args);

    public object? Get(string path) => AnswerPaths.Get(Answers, path);

    /// <summary>Whether the applicant may change this field or document now: not read-only, and within <see cref="ProcedureForm.Editable"/> when changes were requested.</summary>
    public bool CanEdit(string path)
    {
        if (Form.ReadOnly)
            return false;
        if (Form.Editable is not { } editable)
            return true;
        if (editable.Contains(path))
            return true;
        for (var end = path.Length - 1; end > 0; end--)
        {
            if (path[end] is '.' or '[' && editable.Contains(path[..end]))
                return true;
        }
        return false;
    }

    /// <summary>Whether a prefilled link filled this field, or a part of it (an address's province).</summary>
    public bool IsPrefilled(string path) =>
        Form.Prefilled is { Count: > 0 } prefilled
        && (prefilled.Contains(path) || prefilled.Any(p => p.Length > path.Length && p[path.Length] == '.' && p.StartsWith(path, StringComparison.Ordinal)));

    public IReadOnlyList<string> Messages(string path) => [.. Bridge.Messages(path)];

    public Task ChangeAsync(string path, object? value) => Form.ChangeAsync(path, value);

    public void Register(string path, object owner, Func<string, ValueTask> focus) => _targets[path] = (owner, focus);

    public void Unregister(string path, object owner)
    {
        if (_targets.TryGetValue(path, out var target) && ReferenceEquals(target.Owner, owner))
            _targets.Remove(path);
    }

    /// <summary>Focuses the input of a path, or of the nearest enclosing field that has one (an address for its member).</summary>
    public async ValueTask<bool> FocusAsync(string path)
    {
        for (var at = path; at.Length > 0; at = Parent(at))
        {
            if (_targets.TryGetValue(at, out var target))
            {
                await target.Focus(path);
                return true;
            }
        }
        return false;
    }

    private static string Parent(string path)
    {
        var end = path.LastIndexOfAny(['.', '[']);
        return end < 0 ? "" : path[..end];
    }
}
