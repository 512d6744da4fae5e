namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// Bounds on what a template may do when it renders, so that a broken or hostile template (a stolen
/// administrator account) stops with an error value instead of taking the server down.
/// </summary>
public sealed record TemplateLimits
{
    public static readonly TemplateLimits Default = new();

    /// <summary>Largest template or stylesheet file, in bytes. Defaults to 64 KiB; a letter is 1 to 3 KB.</summary>
    public int MaxTemplateBytes { get; init; } = 64 * 1024;

    /// <summary>Longest document, in characters; longer output is an error, never a cut document. Defaults to 64 Ki.</summary>
    public int MaxOutputChars { get; init; } = 64 * 1024;

    /// <summary>Iterations of a loop, the loops inside it counted together (Scriban's LoopLimit). Defaults to 1,000.</summary>
    public int LoopLimit { get; init; } = 1000;

    /// <summary>Deepest nesting of calls. Defaults to 20.</summary>
    public int RecursiveLimit { get; init; } = 20;

    /// <summary>Longest run of one regular expression. Defaults to 1 second.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest render; past it the render is cancelled. Defaults to 1 second (a letter takes well under a millisecond).</summary>
    public TimeSpan RenderTimeout { get; init; } = TimeSpan.FromSeconds(1);
}
