using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Templates;

namespace EmploymentProcedures.Engine.Tests.Templates;

/// <summary>
/// Templates written inline, checked or rendered on their own: <see cref="Lint"/> runs the load-time
/// check; <see cref="Render"/> skips it, to show that the run-time sandbox holds by itself.
/// </summary>
internal static class Sandbox
{
    public const string Css = "p { color: #123456 }";

    /// <summary>The default limits, with short timeouts so the tests that reach them stay quick.</summary>
    public static readonly TemplateLimits Limits = TemplateLimits.Default with
    {
        RegexTimeout = TimeSpan.FromMilliseconds(100),
        RenderTimeout = TimeSpan.FromMilliseconds(300),
    };

    private static readonly Lazy<DocumentRenderer> RendererValue = new(() =>
    {
        var directory = Directory.CreateTempSubdirectory("letters-");
        File.WriteAllText(Path.Combine(directory.FullName, TemplateLibrary.StylesheetFile), Css);
        var library = TemplateLibrary.Load(directory.FullName, "templates", Limits);
        directory.Delete(recursive: true);
        return new DocumentRenderer(library);
    });

    public static DocumentModel Model { get; } = Letters.Model(Letters.Visa, "refused-after-examination", "fr");

    public static IReadOnlyList<Diagnostic> Lint(string text)
    {
        var diagnostics = new List<Diagnostic>();
        TemplateLibrary.Parse("t", "fr", "t.fr.html", text, diagnostics);
        return diagnostics;
    }

    /// <summary>Renders <paramref name="text"/> in the sandbox without the load-time check (it must parse).</summary>
    public static RenderResult Render(string text, DocumentModel? model = null)
    {
        var diagnostics = new List<Diagnostic>();
        var template = TemplateLibrary.Parse("t", "fr", "t.fr.html", text, diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.TemplateSyntax.Code);
        return RendererValue.Value.Render(template with { HasErrors = false }, model ?? Model);
    }
}
