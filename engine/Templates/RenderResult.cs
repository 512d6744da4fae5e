namespace EmploymentProcedures.Engine.Templates;

/// <summary>What rendering a letter gives: the HTML, or why there is none. Rendering never throws on a template's content.</summary>
public abstract record RenderResult
{
    private RenderResult()
    {
    }

    /// <summary>A complete HTML document.</summary>
    public sealed record Rendered(string Html) : RenderResult;

    /// <summary>No document: <paramref name="Message"/> names the template, the language and the reason (with the template's line and column when there is one).</summary>
    public sealed record Failed(string Template, string Language, string Message) : RenderResult
    {
        public override string ToString() => Message;
    }
}
