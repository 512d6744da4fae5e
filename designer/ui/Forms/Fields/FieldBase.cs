using EmploymentProcedures.Engine.Definitions;
using Microsoft.AspNetCore.Components;

namespace EmploymentProcedures.Designer.Forms.Fields;

/// <summary>
/// What every field component shares: its definition and path, its value in the answers, its label,
/// help and messages in the form's language, the ids that tie them together for assistive technology
/// (<c>label for</c>, <c>aria-describedby</c>, <c>aria-invalid</c>), and whether it may be edited.
/// </summary>
public abstract class FieldBase : ComponentBase, IDisposable
{
    private string? _registered;

    [Parameter, EditorRequired]
    public required FieldDefinition Field { get; set; }

    /// <summary>The validator's path of this answer: <c>start_date</c>, <c>employer.ice</c>, <c>employees[2].name</c>.</summary>
    [Parameter, EditorRequired]
    public required string Path { get; set; }

    [CascadingParameter]
    internal FormScope Scope { get; set; } = null!;

    /// <summary>The main input, focused when the error summary links to this field.</summary>
    internal ElementReference Input { get; set; }

    internal string Id => Scope.IdOf(Path);

    internal string HelpId => Id + "-help";

    internal string ErrorId => Id + "-error";

    internal string PrefilledId => Id + "-prefilled";

    /// <summary>A prefilled link gave this answer (or a part of it): the field says so, for the applicant to check it.</summary>
    internal bool Prefilled => Scope.IsPrefilled(Path);

    internal string Language => Scope.Language;

    internal string Label => Field.Label?.Get(Language) ?? "";

    internal string? Help => Field.Help?.Get(Language);

    /// <summary>A format hint shown after the help (identifiers, dates); null when none.</summary>
    internal virtual string? Hint => null;

    internal object? Raw => Scope.Get(Path);

    internal string Text => Raw as string ?? "";

    internal bool Disabled => !Scope.CanEdit(Path);

    internal bool Required => Scope.State.IsRequired(Path);

    internal IReadOnlyList<string> Messages => Scope.Messages(Path);

    internal bool Invalid => Messages.Count > 0;

    /// <summary><c>aria-invalid</c>: "true" or absent.</summary>
    internal string? AriaInvalid => Invalid ? "true" : null;

    internal string? AriaRequired => Required ? "true" : null;

    internal string? DescribedBy => Describe(Help is not null || Hint is not null ? HelpId : null, Prefilled ? PrefilledId : null, Invalid ? ErrorId : null);

    internal string T(string key, params object?[] args) => Scope.Text(key, args);

    internal Task Set(object? value) => Scope.ChangeAsync(Path, value);

    /// <summary>Sets a typed text; blank means unanswered.</summary>
    /// <summary>
    /// What the person typed (bound with <c>@bind:get</c>/<c>@bind:set</c>, so Blazor knows the value came from the browser
    /// and the re-render does not write it back over what was typed since the change left).
    /// </summary>
    internal Task SetTextAsync(string? text) => Set(!string.IsNullOrWhiteSpace(text) ? text : null);

    protected static string? Describe(params string?[] ids)
    {
        var present = ids.Where(i => i is not null).ToList();
        return present.Count == 0 ? null : string.Join(' ', present);
    }

    protected override void OnParametersSet()
    {
        if (_registered != Path)
        {
            if (_registered is not null)
                Scope.Unregister(_registered, this);
            Scope.Register(Path, this, FocusAsync);
            _registered = Path;
        }
    }

    /// <summary>Focuses the input for <paramref name="path"/> (this field's, or one of its members').</summary>
    protected virtual ValueTask FocusAsync(string path) => FocusOn(Input);

    /// <summary>Focuses an element once rendered; before that there is nothing to focus.</summary>
    protected static ValueTask FocusOn(ElementReference element) => element.Context is null ? ValueTask.CompletedTask : element.FocusAsync();

    public void Dispose()
    {
        if (_registered is not null)
            Scope.Unregister(_registered, this);
        GC.SuppressFinalize(this);
    }
}
