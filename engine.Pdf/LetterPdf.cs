using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using SkiaSharp;

namespace EmploymentProcedures.Engine.Pdf;

/// <summary>
/// An issued letter as PDF, made from the HTML that was issued (so it says exactly what the HTML says, the verification
/// code and QR code included): parsed by AngleSharp (no script run, nothing fetched), laid out by <see cref="LetterLayout"/>
/// on A4 pages with <c>document.css</c>'s print margins, text shaped by HarfBuzz and drawn by SkiaSharp's PDF backend
/// with the portal's fonts embedded, a page breaking between lines, never inside one, and the reference with the page's
/// number at the foot of every page. The same HTML gives the same bytes.
/// </summary>
public static class LetterPdf
{
    public const string Creator = "EmploymentProcedures";

    private const float PageWidth = 595.28f;
    private const float PageHeight = 841.89f;
    private const float Millimetre = 72f / 25.4f;

    // document.css: @page { margin: 16mm 15mm 18mm; }
    private const float Top = 16 * Millimetre;
    private const float Side = 15 * Millimetre;
    private const float Bottom = 18 * Millimetre;

    /// <summary>
    /// Lays <paramref name="html"/> out and writes it as a PDF. Refused (never thrown) when the HTML uses an element this
    /// renderer does not lay out: the message names it.
    /// </summary>
    /// <param name="reference">Printed at the foot of every page (the application's reference).</param>
    /// <param name="issuedAt">UTC: the document's creation date, so the bytes depend on the letter alone.</param>
    public static LetterPdfResult Render(string html, string reference, DateTime issuedAt) => Render(html, reference, issuedAt, subsetFonts: true);

    /// <param name="subsetFonts">False embeds the whole fonts (what the subset is compared with).</param>
    internal static LetterPdfResult Render(string html, string reference, DateTime issuedAt, bool subsetFonts)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = new HtmlParser().ParseDocument(html);
        var language = document.DocumentElement.GetAttribute("lang") is { Length: > 0 } lang ? lang : "fr";
        var rtl = string.Equals(document.DocumentElement.GetAttribute("dir"), "rtl", StringComparison.OrdinalIgnoreCase);
        using var typefaces = LetterTypefaces.Begin();
        List<Slab> flow;
        try
        {
            flow = LetterLayout.Of(document, Side, PageWidth - 2 * Side);
        }
        catch (UnsupportedMarkupException e)
        {
            return new LetterPdfResult.Failed(e.Message);
        }

        var pages = Paginate(flow, PageHeight - Top - Bottom);
        var feet = Enumerable.Range(1, pages.Count).Select(p => Foot(reference, p, pages.Count, rtl, language)).ToList();
        // Every glyph is shaped by now: the fonts embedded are reduced to them.
        if (subsetFonts)
            typefaces.Seal();
        var title = document.Title?.Trim() is { Length: > 0 } t ? t : reference;
        var issued = DateTime.SpecifyKind(issuedAt, DateTimeKind.Utc);
        using var stream = new SKDynamicMemoryWStream();
        using (var pdf = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Title = title,
            Creator = Creator,
            Producer = Creator,
            Creation = issued,
            Modified = issued,
            RasterDpi = 300,
            EncodingQuality = 101,
        }))
        {
            for (var p = 0; p < pages.Count; p++)
            {
                var canvas = pdf.BeginPage(PageWidth, PageHeight);
                var y = Top;
                foreach (var slab in pages[p])
                {
                    slab.Draw(canvas, y);
                    y += slab.Height;
                }
                feet[p].Draw(canvas, PageHeight - Bottom / 2 - feet[p].Height / 2);
                pdf.EndPage();
            }
            pdf.Close();
        }
        using var data = stream.DetachAsData();
        return new LetterPdfResult.Rendered(PdfFinish.Finish(data.ToArray(), language, SHA256.HashData(Encoding.UTF8.GetBytes(html))), pages.Count);
    }

    /// <summary>
    /// Slabs to pages: a slab that does not fit what is left of a page starts the next one; a gap at the top of a page goes.
    /// A row taller than a whole page is cut between its lines instead, over as many pages as it needs, from where it
    /// comes; a single line taller than a page (never seen) is drawn from the top of its own page and cut at its foot.
    /// </summary>
    private static List<List<Slab>> Paginate(List<Slab> flow, float height)
    {
        var pages = new List<List<Slab>> { new() };
        var used = 0f;
        void NextPage()
        {
            // A page does not end on a margin nor on a heading's rule: they go with what follows.
            while (pages[^1].Count > 0 && pages[^1][^1] is Gap)
                pages[^1].RemoveAt(pages[^1].Count - 1);
            pages.Add([]);
            used = 0;
        }

        foreach (var slab in flow)
        {
            if (slab is Gap && pages[^1].Count == 0)
                continue;
            var placed = slab;
            if (slab is Row row && row.Height > height)
            {
                while (row.Height > height - used)
                {
                    var parts = row.Split(height - used);
                    if (parts is null && used == 0)
                        break;
                    if (parts is { } cut)
                    {
                        pages[^1].Add(cut.Above);
                        row = cut.Below;
                    }
                    NextPage();
                }
                placed = row;
            }
            else if (used + slab.Height > height && pages[^1].Count > 0)
            {
                if (slab is Gap)
                    continue;
                NextPage();
            }
            pages[^1].Add(placed);
            used += placed.Height;
        }
        return pages;
    }

    /// <summary>The foot of a page: the reference and "page / pages", centred, grey, in the letter's direction.</summary>
    private static LineSlab Foot(string reference, int page, int pages, bool rtl, string language)
    {
        var inline = new InlineText();
        var style = new TextStyle(8, false, false, SKColor.Parse("#4a4a4a"));
        inline.Open("ltr", style);
        inline.Append(string.Create(CultureInfo.InvariantCulture, $"{reference} — {page}/{pages}"), style, false);
        inline.Close(style);
        var line = TextLines.Layout(inline, PageWidth - 2 * Side, rtl, language)[0];
        return new LineSlab(line, inline.Text, (PageWidth - line.Width) / 2);
    }
}

/// <summary>What <see cref="LetterPdf.Render(string, string, DateTime)"/> gives: the PDF, or why there is none.</summary>
public abstract record LetterPdfResult
{
    private LetterPdfResult()
    {
    }

    public sealed record Rendered(byte[] Pdf, int Pages) : LetterPdfResult;

    public sealed record Failed(string Message) : LetterPdfResult;
}
