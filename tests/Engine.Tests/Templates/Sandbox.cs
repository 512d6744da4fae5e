using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Templates;

namespace EmploymentProcedures.Engine.Tests.Templates;

/// <summary>
/// Templates written inline, checked or rendered on their own: <see cref="Lint"/> runs the load-time
/// check; <see cref="Render(string, DocumentModel?)"/> skips it, to show that the run-time sandbox holds by itself.
/// </summary>
internal static class Sandbox
{
    public const string Css = "p { color: #123456 }";

    /// <summary>
    /// The default limits, with a short regex timeout so the test that reaches it stays quick, and a render timeout no
    /// busy machine reaches for an ordinary template (a render's first call to a builtin also compiles it).
    /// </summary>
    public static readonly TemplateLimits Limits = TemplateLimits.Default with
    {
        RegexTimeout = TimeSpan.FromMilliseconds(100),
        RenderTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>The same with a short render timeout, for the test that runs a template into it.</summary>
    public static readonly TemplateLimits ShortRenderLimits = Limits with { RenderTimeout = TimeSpan.FromMilliseconds(300) };

    private static readonly Lazy<DocumentRenderer> RendererValue = new(() => Renderer(Limits));

    private static readonly Lazy<DocumentRenderer> ShortRendererValue = new(() => Renderer(ShortRenderLimits));

    private static DocumentRenderer Renderer(TemplateLimits limits)
    {
        var directory = Directory.CreateTempSubdirectory("letters-");
        File.WriteAllText(Path.Combine(directory.FullName, TemplateLibrary.StylesheetFile), Css);
        var library = TemplateLibrary.Load(directory.FullName, "templates", limits);
        directory.Delete(recursive: true);
        return new DocumentRenderer(library);
    }

    public static DocumentModel Model { get; } = Letters.Model(Letters.Visa, "refused-after-examination", "fr");

    public static IReadOnlyList<Diagnostic> Lint(string text)
    {
        var diagnostics = new List<Diagnostic>();
        TemplateLibrary.Parse("t", "fr", "t.fr.html", text, diagnostics);
        return diagnostics;
    }

    /// <summary>Renders <paramref name="text"/> in the sandbox without the load-time check (it must parse).</summary>
    public static RenderResult Render(string text, DocumentModel? model = null) => Render(RendererValue.Value, text, model);

    /// <summary>The same, cancelled after <see cref="ShortRenderLimits"/>' render timeout.</summary>
    public static RenderResult RenderWithShortTimeout(string text) => Render(ShortRendererValue.Value, text, null);

    private static RenderResult Render(DocumentRenderer renderer, string text, DocumentModel? model)
    {
        var diagnostics = new List<Diagnostic>();
        var template = TemplateLibrary.Parse("t", "fr", "t.fr.html", text, diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.TemplateSyntax.Code);
        return renderer.Render(template with { HasErrors = false }, model ?? Model);
    }
}
