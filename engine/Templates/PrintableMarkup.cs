using System.Collections.Frozen;
using AngleSharp.Html.Parser;
using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// The HTML a letter may use and still be issued as PDF (engine.Pdf lays out these elements and no other), and the
/// load-time check that warns (EP0508) when a template or a letterhead uses another: the letter would still be issued as
/// HTML, but its PDF would be refused with a problem page.
/// </summary>
public static class PrintableMarkup
{
    /// <summary>Elements laid out within a line (a run of text).</summary>
    public static readonly FrozenSet<string> Inline = FrozenSet.Create(StringComparer.Ordinal,
        "a", "abbr", "b", "bdi", "br", "code", "em", "i", "small", "span", "strong", "time", "u");

    /// <summary>Elements read for the document's description or not drawn at all.</summary>
    public static readonly FrozenSet<string> Skipped = FrozenSet.Create(StringComparer.Ordinal, "head", "title", "meta", "style");

    /// <summary>Every element the PDF renderer accepts: the blocks, the inline elements, the head's, and the QR code's SVG.</summary>
    public static readonly FrozenSet<string> Elements = FrozenSet.Create(StringComparer.Ordinal,
    [
        .. Inline, .. Skipped,
        "html", "body", "header", "main", "footer", "aside", "section", "article", "div", "p", "h1", "h2", "h3",
        "dl", "dt", "dd", "ul", "ol", "li", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "hr",
        "svg", "rect", "path",
    ]);

    /// <summary>Adds a warning for each element of <paramref name="text"/> (a template's source or a letterhead) the PDF renderer does not lay out, at its line and column.</summary>
    public static void Check(string text, string path, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var document = parser.ParseDocument(text ?? "");
        foreach (var element in document.All.Where(e => !Elements.Contains(e.LocalName)))
        {
            // The parser adds <html>, <head> and <body> when a fragment (a letterhead) has none: those have no place in the text.
            if (element.SourceReference is not { } source)
                continue;
            diagnostics.Add(DiagnosticCodes.TemplateNotPrintable.At(new SourceSpan(path, source.Position.Line, source.Position.Column), element.LocalName,
                string.Join(", ", Elements.Where(e => !Skipped.Contains(e)).Order(StringComparer.Ordinal))));
        }
    }
}
