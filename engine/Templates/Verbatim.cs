namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// A text written into a letter without escaping: the shared stylesheet (<c>templates/document.css</c>) and the
/// letterhead (<c>templates/letterhead.&lt;language&gt;.html</c>). Both come from the repository, like the
/// templates, never from an applicant; every other value a template writes is HTML-escaped.
/// </summary>
internal sealed class Verbatim(string text)
{
    public static readonly Verbatim Empty = new("");

    public string Text { get; } = text;

    public override string ToString() => Text;
}
