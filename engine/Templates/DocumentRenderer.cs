using System.Globalization;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;
using Scriban.Syntax;

namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// Renders letters: a cached, checked template of a <see cref="TemplateLibrary"/> applied to a
/// <see cref="DocumentModel"/> in a sandbox (<see cref="TemplateLimits"/>, no template loader, no .NET
/// member, every value HTML-escaped). The result is a value: the HTML, or a failure that names the
/// template, the language and the reason. Thread-safe; one instance serves the whole host.
/// </summary>
public sealed class DocumentRenderer(TemplateLibrary templates)
{
    private readonly TemplateLibrary _templates = templates ?? throw new ArgumentNullException(nameof(templates));

    /// <summary>Renders the letter a procedure names for <paramref name="output"/> (<c>receipt</c>, <c>approved</c>, <c>rejected</c>, <c>changes_requested</c>, <c>acknowledged</c>).</summary>
    public RenderResult Render(ProcedureDefinition definition, string output, DocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(model);
        return definition.Outputs.TryGetValue(output, out var template)
            ? Render(template, model)
            : new RenderResult.Failed(output, model.Language, $"procedure '{definition.Id}' has no '{output}' letter under 'outputs:'");
    }

    /// <summary>Renders template <paramref name="template"/> in the model's language.</summary>
    public RenderResult Render(string template, DocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(model);
        var language = model.Language;
        if (_templates.Find(template, language) is not { } found)
        {
            var reason = _templates.Names.Contains(template)
                ? $"template '{template}' has no {TemplateLibrary.LanguageName(language)} version ({template}.{language}.html)"
                : $"unknown template '{template}'{Suggestions.DidYouMean(template, _templates.Names)}";
            return new RenderResult.Failed(template, language, reason);
        }
        if (found.HasErrors)
        {
            var first = _templates.DiagnosticsOf(template).FirstOrDefault(d => d.IsError && d.Span.File == found.Path);
            return new RenderResult.Failed(template, language, $"template '{template}' ({language}) has errors and is not rendered; run 'procedures lint': {first?.ToString() ?? found.Path}");
        }

        return Render(found, model);
    }

    /// <summary>Renders a parsed template in the sandbox; tests call it directly to check the sandbox without the load-time check.</summary>
    internal RenderResult Render(DocumentTemplate found, DocumentModel model)
    {
        var (template, language) = (found.Name, found.Language);
        var limits = _templates.Limits;
        using var cancellation = new CancellationTokenSource(limits.RenderTimeout);
        var context = new SandboxContext(limits, cancellation.Token);
        context.PushGlobal(ModelObjects.From(model, _templates.Stylesheet, _templates.LetterheadIn(language)));
        string html;
        try
        {
            html = found.Parsed.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            // The message carries the template file, line and column: "receipt.fr.html(12,8) : error : ...".
            return new RenderResult.Failed(template, language, $"template '{template}' ({language}) stopped: {e.Message}");
        }

        // Scriban throws past OutputLimit; this check holds even if that behaviour changes, since a cut letter must never go out.
        if (html.Length > limits.MaxOutputChars)
        {
            return new RenderResult.Failed(template, language, string.Format(CultureInfo.InvariantCulture,
                "template '{0}' ({1}) produced {2:N0} characters; a document may not exceed {3:N0}", template, language, html.Length, limits.MaxOutputChars));
        }
        return new RenderResult.Rendered(html);
    }
}
