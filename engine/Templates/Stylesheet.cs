namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// The shared stylesheet (<c>templates/document.css</c>), the one value written into a letter without
/// escaping: it comes from the repository, like the templates, never from an applicant.
/// </summary>
internal sealed class Stylesheet(string css)
{
    public string Css { get; } = css;

    public override string ToString() => Css;
}
