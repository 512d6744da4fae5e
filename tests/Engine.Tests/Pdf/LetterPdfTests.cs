using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EmploymentProcedures.Engine.Pdf;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Tests.Templates;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace EmploymentProcedures.Engine.Tests.Pdf;

/// <summary>
/// The repository's letters, rendered for a real scenario with their verification block as the engine issues them, made
/// PDFs and read back with PdfPig: what a court clerk's or an employer's PDF reader finds in them.
/// </summary>
public sealed class LetterPdfTests
{
    private const string Reference = "TAE-2026-000042";
    private const float RightMargin = 595.28f - 15 * 72f / 25.4f;
    private const float LeftMargin = 15 * 72f / 25.4f;
    /// <summary>
    /// The fonts a letter embeds once reduced to the glyphs it draws (uncompressed, as the PDF's <c>/Length1</c> gives
    /// them; regular and bold faces of both scripts): measured, at most about 140 KB; whole, they are 1.5 MB.
    /// </summary>
    private const int MaxFontBytes = 160 * 1024;

    /// <summary>
    /// A letter's whole PDF, downloaded over a provincial office's slow line: measured, 70 to 100 KB (they were 0.3 to
    /// 0.6 MB when bold text was drawn as outlines of an emboldened regular face).
    /// </summary>
    private const int MaxPdfBytes = 150 * 1024;
    private static readonly DateTime IssuedAt = new(2026, 3, 7, 9, 30, 0, DateTimeKind.Utc);
    private static readonly VerificationCode Code = VerificationCode.TryParse("7KQM3XPA9D2FH6RT0BCW", out var code) ? code : throw new InvalidOperationException();

    /// <summary>A letter as issued: the template rendered for the visa scenario, then the verification block.</summary>
    private static string Letter(string template, string language, string applicant, string scenario = "cdi-with-anapec-certificate-visaed") =>
        VerificationBlock.AddTo(Letters.Html(Letters.Renderer.Render(template, Letters.Model(Letters.Visa, scenario, language, applicant))),
            Code, new Uri("https://portail.emploi.gov.ma/"), language);

    private static byte[] Pdf(string html) => LetterPdf.Render(html, Reference, IssuedAt) switch
    {
        LetterPdfResult.Rendered rendered => rendered.Pdf,
        LetterPdfResult.Failed failed => throw new Xunit.Sdk.XunitException("expected a PDF, got: " + failed.Message),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>
    /// PdfPig gives the glyphs of a right-to-left run as drawn, left to right, each as the Unicode presentation form its
    /// shaped glyph stands for (a lam-alef ligature is one character): an Arabic word reads in logical order once its
    /// characters are reversed and folded back to the base letters (NFKC), and a line once its words are taken right to left.
    /// </summary>
    private static string Read(Word word) => new string(word.Text.Reverse().ToArray()).Normalize(NormalizationForm.FormKC);

    private static string ArabicReading(IEnumerable<Word> line) => string.Join(' ', line.OrderByDescending(w => w.BoundingBox.Right).Select(Read));

    /// <summary>The words of the line holding <paramref name="word"/> (as written, in logical order).</summary>
    private static List<Word> LineOf(Page page, string word) =>
        page.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom)).Select(g => g.ToList())
            .First(g => g.Any(w => w.Text == word || Read(w) == word));

    [Fact]
    public void Render_FrenchLetter_TextIsExtractableWithTheReferenceTheApplicantAndTheCode()
    {
        using var pdf = PdfDocument.Open(Pdf(Letter("decision-approved", "fr", "Atlas Ingénierie SARL")));

        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Décision d'acceptation", text, StringComparison.Ordinal);
        Assert.Contains(Reference, text, StringComparison.Ordinal);
        Assert.Contains("Atlas Ingénierie SARL", text, StringComparison.Ordinal);
        Assert.Contains(Code.ToString(), text, StringComparison.Ordinal);
        Assert.Contains("https://portail.emploi.gov.ma/verify", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AnyLetter_CarriesItsTitleLanguageAndCreator()
    {
        using var french = PdfDocument.Open(Pdf(Letter("receipt", "fr", "Atlas Ingénierie SARL")));
        using var arabic = PdfDocument.Open(Pdf(Letter("decision-rejected", "ar", "شركة الأطلس", "refused-after-examination")));

        Assert.Equal($"Récépissé de dépôt — {Reference}", french.Information.Title);
        Assert.Equal(LetterPdf.Creator, french.Information.Creator);
        Assert.Equal("fr", Language(french));
        Assert.StartsWith("قرار", arabic.Information.Title, StringComparison.Ordinal);
        Assert.Equal("ar", Language(arabic));
    }

    private static string? Language(PdfDocument pdf) =>
        pdf.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Create("Lang"), out StringToken lang) ? lang.Data : null;

    [Fact]
    public void Render_ArabicLetter_ItsWordsReadInLogicalOrderRightToLeft()
    {
        using var pdf = PdfDocument.Open(Pdf(Letter("decision-approved", "ar", "شركة الأطلس")));
        var page = pdf.GetPage(1);

        Assert.Equal("قرار بالموافقة", ArabicReading(LineOf(page, "بالموافقة")));
        // The line of "إلى": its description (the applicant's name) is the line's left part, read right to left.
        Assert.Equal("إلى شركة الأطلس", ArabicReading(LineOf(page, "الأطلس")));
    }

    [Fact]
    public void Render_ArabicParagraphWithAReferenceAndDates_KeepsThemLeftToRightInTheirPlace()
    {
        using var pdf = PdfDocument.Open(Pdf(Letter("decision-approved", "ar", "شركة الأطلس")));
        var page = pdf.GetPage(1);

        // "... طلبكم رقم TAE-2026-000042 المودع بتاريخ 2 مارس 2026 ...": the reference reads left to right, between the
        // word before it (on its right) and the word after it (on its left).
        var line = LineOf(page, "المودع");
        var reference = Assert.Single(line, w => w.Text == Reference);
        var number = Assert.Single(line, w => Read(w) == "رقم");
        var deposited = Assert.Single(line, w => Read(w) == "المودع");
        Assert.True(number.BoundingBox.Left > reference.BoundingBox.Right, "the word before the reference is on its right");
        Assert.True(deposited.BoundingBox.Right < reference.BoundingBox.Left, "the word after the reference is on its left");
        Assert.Contains(line, w => w.Text == "2026");
    }

    [Fact]
    public void Render_FrenchLetterWithAnArabicName_ReadsTheNameRightToLeftInsideTheLine()
    {
        using var pdf = PdfDocument.Open(Pdf(Letter("decision-approved", "fr", "Société محمد الإدريسي SARL")));
        var page = pdf.GetPage(1);

        var line = LineOf(page, "SARL");
        var words = line.OrderBy(w => w.BoundingBox.Left).ToList();
        var society = words.FindIndex(w => w.Text == "Société");
        Assert.Equal("SARL", words[society + 3].Text);
        Assert.Equal("محمد الإدريسي", ArabicReading(words.Skip(society + 1).Take(2)));
    }

    [Fact]
    public void Render_ArabicText_IsDrawnWithShapedGlyphsNotIsolatedLetters()
    {
        var word = "بالموافقة";
        var arabic = LetterFonts.Shared.Arabic;
        var shaped = TextLines.Shape(word, 0, word.Length, 1, new TextStyle(12, false, false, SkiaSharp.SKColors.Black), arabic, "ar").Glyphs;
        var isolated = word.Reverse().Select(c => arabic.Shaper.TryGetGlyph(c, out var glyph) ? (ushort)glyph : (ushort)0).ToArray();
        Assert.NotEqual(isolated, shaped);

        using var pdf = PdfDocument.Open(Pdf(Letter("decision-approved", "ar", "شركة الأطلس")));
        // The glyphs drawn map back to contextual forms (initial, medial, final: Arabic Presentation Forms), as shaped.
        var letters = pdf.GetPage(1).Letters.Where(l => l.Value.Length == 1 && l.Value[0] is >= '\uFE70' and <= '\uFEFF').ToList();
        Assert.True(letters.Count > 50, $"{letters.Count} shaped Arabic glyphs");
        Assert.Contains(letters, l => l.Value == "\uFE92"); // beh, medial
        Assert.Contains(letters, l => l.Value == "\uFEE4"); // meem, medial
    }

    [Fact]
    public void Render_ArabicParagraph_EndsAtTheRightMarginAndAFrenchOneStartsAtTheLeft()
    {
        using var arabic = PdfDocument.Open(Pdf(Letter("decision-approved", "ar", "شركة الأطلس")));
        using var french = PdfDocument.Open(Pdf(Letter("decision-approved", "fr", "Atlas Ingénierie SARL")));

        var title = LineOf(arabic.GetPage(1), "بالموافقة");
        Assert.Equal(RightMargin, title.Max(w => (float)w.BoundingBox.Right), 1.5f);
        var frenchTitle = LineOf(french.GetPage(1), "Décision");
        Assert.Equal(LeftMargin, frenchTitle.Min(w => (float)w.BoundingBox.Left), 1.5f);
    }

    [Fact]
    public void Render_LongLetter_FlowsOntoMorePagesEachWithTheReferenceAtItsFoot()
    {
        using var pdf = PdfDocument.Open(Pdf(Letter("receipt", "fr", "Atlas Ingénierie SARL")));

        Assert.True(pdf.NumberOfPages >= 2, $"{pdf.NumberOfPages} page(s)");
        foreach (var page in pdf.GetPages())
        {
            Assert.Contains($"{Reference} — {page.Number}/{pdf.NumberOfPages}", page.Text, StringComparison.Ordinal);
            // No line of the letter is written in the bottom margin (only the foot, half way down it) nor in the top margin.
            Assert.All(page.Letters.Where(l => l.StartBaseLine.Y > 18 * 72 / 25.4 * .75),
                l => Assert.InRange(l.StartBaseLine.Y, 18 * 72 / 25.4, 841.89 - 16 * 72 / 25.4));
        }
        // The verification block is kept whole on the last page.
        Assert.Contains(Code.ToString(), pdf.GetPage(pdf.NumberOfPages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TableRowTallerThanAPage_IsCutBetweenItsLinesOverThePages_NothingLostNorInTheMargins()
    {
        // An answer of 150 numbered sentences (a long statement of reasons), as the first row of the receipt's first table.
        var sentences = Enumerable.Range(1, 150).Select(n => string.Create(CultureInfo.InvariantCulture, $"Phrase{n:000} du motif détaillé de la demande."));
        var receipt = Letter("receipt", "fr", "Atlas Ingénierie SARL");
        var table = receipt.IndexOf("<tr>", StringComparison.Ordinal);
        var html = receipt.Insert(table, "<tr><th>Motif</th><td>" + string.Join(' ', sentences) + "</td></tr>");

        using var pdf = PdfDocument.Open(Pdf(html));

        var words = pdf.GetPages().SelectMany(p => p.GetWords().Select(w => (Page: p.Number, w.Text))).ToList();
        var numbered = words.Where(w => w.Text.StartsWith("Phrase", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 150).Select(n => string.Create(CultureInfo.InvariantCulture, $"Phrase{n:000}")), numbered.Select(w => w.Text));
        Assert.Equal(1, numbered[0].Page); // it begins where it comes, not on a page of its own
        Assert.True(numbered[^1].Page >= 3, $"the answer ends on page {numbered[^1].Page}");
        foreach (var page in pdf.GetPages())
        {
            Assert.All(page.Letters.Where(l => l.StartBaseLine.Y > 18 * 72 / 25.4 * .75),
                l => Assert.InRange(l.StartBaseLine.Y, 18 * 72 / 25.4, 841.89 - 16 * 72 / 25.4));
        }
        Assert.Contains(Code.ToString(), pdf.GetPage(pdf.NumberOfPages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Letter_DrawsTheQrCodeAsVectorsThirtyMillimetresWide()
    {
        using var pdf = PdfDocument.Open(Pdf(Letter("decision-approved", "fr", "Atlas Ingénierie SARL")));

        var qr = 30 * 72 / 25.4;
        var paths = pdf.GetPage(pdf.NumberOfPages).Paths.Where(p => p.IsFilled).Select(p => p.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>().ToList();
        // The white square and the dark modules, each as wide as the code (its quiet zone excepted for the modules).
        Assert.Contains(paths, r => Math.Abs(r.Width - qr) < 1 && Math.Abs(r.Height - qr) < 1);
        Assert.Contains(paths, r => r.Width is > 60 and < 85 && r.Height is > 60 and < 85);
    }

    [Fact]
    public void Render_SameHtmlTwice_GivesTheSameBytes()
    {
        var html = Letter("decision-approved", "ar", "شركة الأطلس");

        Assert.Equal(Pdf(html), Pdf(html));
        Assert.NotEqual(Pdf(html), Pdf(html.Replace(Reference, "TAE-2026-000043", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_ElementTheRendererDoesNotLayOut_IsRefusedNamingIt()
    {
        var html = "<!DOCTYPE html><html lang=\"fr\"><body><main><p>Voir la vidéo</p><video src=\"https://example.org/x.mp4\"></video></main></body></html>";

        var result = LetterPdf.Render(html, Reference, IssuedAt);

        var failed = Assert.IsType<LetterPdfResult.Failed>(result);
        Assert.Contains("<video>", failed.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("receipt")]
    [InlineData("decision-approved")]
    [InlineData("decision-rejected")]
    [InlineData("changes-requested")]
    [InlineData("acknowledgement")]
    public void Render_EveryRepositoryLetterInEveryLanguage_IsAPdf(string template)
    {
        foreach (var language in (string[])["fr", "ar", "en"])
        {
            var scenario = template switch
            {
                "decision-rejected" => "refused-after-examination",
                "changes-requested" => "contract-to-complete",
                _ => "cdi-with-anapec-certificate-visaed",
            };
            var bytes = Pdf(Letter(template, language, "Atlas Ingénierie SARL", scenario));
            var fonts = EmbeddedFontBytes(bytes);
            Assert.True(fonts < MaxFontBytes, $"the {template} in {language} embeds {fonts} bytes of fonts");
            Assert.True(bytes.Length < MaxPdfBytes, $"the {template} in {language} is {bytes.Length} bytes");
            using var pdf = PdfDocument.Open(bytes);
            Assert.Contains(Reference, string.Concat(pdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("fr", "Décision", "acceptée", "informer")]
    [InlineData("ar", "قرار", "الموافقة", "نتشرف")]
    public void Render_BoldTitleAndStrongWords_AreDrawnAsTextInTheBoldFace_RegularTextInTheRegular(string language, string title, string strong, string regular)
    {
        using var pdf = PdfDocument.Open(Pdf(Letter("decision-approved", language, language == "ar" ? "شركة الأطلس" : "Atlas Ingénierie SARL")));
        var words = pdf.GetPage(1).GetWords().ToList();
        List<string> FontsOf(string text) =>
            [.. words.Where(w => w.Text.TrimEnd('.') == text || Read(w).TrimEnd('.') == text).SelectMany(w => w.Letters).Select(l => l.FontName ?? "").Distinct()];

        var (titleFonts, strongFonts, regularFonts) = (FontsOf(title), FontsOf(strong), FontsOf(regular));

        Assert.NotEmpty(titleFonts);
        Assert.All(titleFonts, f => Assert.EndsWith(language == "ar" ? "NotoSansArabic-Bold" : "NotoSans-Bold", f, StringComparison.Ordinal));
        Assert.Contains(strongFonts, f => f.EndsWith("-Bold", StringComparison.Ordinal));
        Assert.NotEmpty(regularFonts);
        Assert.All(regularFonts, f => Assert.EndsWith("-Regular", f, StringComparison.Ordinal));
    }

    /// <summary>The uncompressed size of the font files the PDF embeds (each <c>FontFile2</c> stream's <c>/Length1</c>).</summary>
    private static int EmbeddedFontBytes(byte[] pdf) =>
        Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Length1 (\d+)").Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("receipt", "fr")]
    [InlineData("receipt", "ar")]
    [InlineData("decision-approved", "en")]
    public void Render_SubsetFonts_SameTextAtTheSamePlacesAsWithTheWholeFonts(string template, string language)
    {
        var html = Letter(template, language, language == "ar" ? "شركة الأطلس" : "Atlas Ingénierie SARL");
        var whole = LetterPdf.Render(html, Reference, IssuedAt, subsetFonts: false);
        var subset = LetterPdf.Render(html, Reference, IssuedAt, subsetFonts: true);

        var wholePdf = Assert.IsType<LetterPdfResult.Rendered>(whole).Pdf;
        var subsetPdf = Assert.IsType<LetterPdfResult.Rendered>(subset).Pdf;
        Assert.True(EmbeddedFontBytes(subsetPdf) * 5 < EmbeddedFontBytes(wholePdf), $"subset {EmbeddedFontBytes(subsetPdf)} bytes of fonts, whole {EmbeddedFontBytes(wholePdf)}");
        Assert.True(subsetPdf.Length < wholePdf.Length - 250 * 1024, $"subset {subsetPdf.Length} bytes, whole {wholePdf.Length}");
        using var wholeDocument = PdfDocument.Open(wholePdf);
        using var subsetDocument = PdfDocument.Open(subsetPdf);
        Assert.Equal(wholeDocument.NumberOfPages, subsetDocument.NumberOfPages);
        foreach (var (wholePage, subsetPage) in wholeDocument.GetPages().Zip(subsetDocument.GetPages()))
        {
            Assert.Equal(wholePage.Text, subsetPage.Text);
            Assert.Equal(
                wholePage.Letters.Select(l => (l.Value, Math.Round(l.StartBaseLine.X, 2), Math.Round(l.StartBaseLine.Y, 2), Math.Round(l.Width, 2), Math.Round(l.PointSize, 2))),
                subsetPage.Letters.Select(l => (l.Value, Math.Round(l.StartBaseLine.X, 2), Math.Round(l.StartBaseLine.Y, 2), Math.Round(l.Width, 2), Math.Round(l.PointSize, 2))));
        }
    }
}
