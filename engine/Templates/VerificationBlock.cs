using System.Globalization;
using System.Text;
using EmploymentProcedures.Engine.Definitions;
using QRCoder;

namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// The block the engine adds at the end of every letter it issues, whatever its template: the letter's
/// <see cref="VerificationCode"/>, the address of the portal's verification page, a QR code of the page of this very code,
/// and one sentence in the letter's language saying how a third party checks it. Templates never print it themselves,
/// so all 55 procedures' letters carry it the same way.
/// </summary>
/// <remarks>
/// It is printable as it is: black on white (no colour needed), styled by attributes only (no class a template's
/// stylesheet could hide), kept on one page, and the QR code is inline SVG drawn from QRCoder's module matrix: no image
/// fetched, no script, nothing the letter's sandbox forbids.
/// </remarks>
public static class VerificationBlock
{
    /// <summary>The verification page under the portal's public address: <c>verify</c>, and <c>verify/{code}</c> for one letter.</summary>
    public const string Page = "verify";

    private static readonly LocalizedText Title = LocalizedText.Of(
        "Vérification de l'authenticité",
        "التحقق من صحة الوثيقة",
        "Checking that this letter is authentic");

    private static readonly LocalizedText HowTo = LocalizedText.Of(
        "Toute personne à qui ce document est présenté peut vérifier qu'il a été délivré par l'administration : en scannant le code QR, ou en saisissant le code ci-dessous sur {0}. La page affiche le document tel qu'il a été délivré.",
        "يمكن لكل من قدمت إليه هذه الوثيقة أن يتحقق من أنها صادرة عن الإدارة، وذلك بمسح رمز الاستجابة السريعة أو بإدخال الرمز أسفله في الصفحة {0}. تعرض الصفحة الوثيقة كما صدرت.",
        "Anyone shown this document can check that the administration issued it: scan the QR code, or enter the code below at {0}. The page shows the document as it was issued.");

    private static readonly LocalizedText SampleNote = LocalizedText.Of(
        "Aperçu : ce code est un exemple. Le courrier délivré portera son propre code, tiré au sort à sa délivrance ; aucun document ne porte celui-ci.",
        "معاينة: هذا الرمز مجرد مثال. ستحمل المراسلة عند إصدارها رمزها الخاص المسحوب عشوائيا؛ ولا تحمل أي وثيقة هذا الرمز.",
        "Preview: this code is a sample. The letter, once issued, carries its own code drawn at random; no document carries this one.");

    /// <summary>
    /// The code a preview prints (<c>0000-0000-0000-0000-0000</c>): well formed, so the block looks as issued, and never drawn
    /// in practice (one chance in 2^100), so no issued letter answers to it.
    /// </summary>
    public static readonly VerificationCode SampleCode = VerificationCode.TryParse(new string('0', VerificationCode.Length), out var sample)
        ? sample : throw new InvalidOperationException("the sample verification code does not parse");

    private static readonly LocalizedText CodeLabel = LocalizedText.Of("Code de vérification :", "رمز التحقق:", "Verification code:");

    private static readonly LocalizedText QrLabel = LocalizedText.Of(
        "Code QR de la page de vérification de ce document",
        "رمز الاستجابة السريعة لصفحة التحقق من هذه الوثيقة",
        "QR code of this document's verification page");

    /// <summary>The page that checks <paramref name="code"/>: what the QR code opens.</summary>
    public static Uri AddressOf(Uri portal, VerificationCode code)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return new Uri(PageOf(portal), Page + "/" + code);
    }

    /// <summary>The verification page itself, where a code is typed.</summary>
    public static Uri PageOf(Uri portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var root = portal.AbsoluteUri.EndsWith('/') ? portal : new Uri(portal.AbsoluteUri + "/");
        return new Uri(root, Page);
    }

    /// <summary>
    /// <paramref name="html"/> with the block before its last <c>&lt;/body&gt;</c> (at its end when it has none), in
    /// <paramref name="language"/> (<c>fr</c>, <c>ar</c> right to left, <c>en</c>).
    /// </summary>
    /// <param name="sample">A preview's (<see cref="SampleCode"/>): the block then says the code is a sample.</param>
    public static string AddTo(string html, VerificationCode code, Uri portal, string language, bool sample = false)
    {
        ArgumentNullException.ThrowIfNull(html);
        var block = For(code, portal, language, sample);
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + block : string.Concat(html.AsSpan(0, end), block, html.AsSpan(end));
    }

    /// <summary>The block alone.</summary>
    public static string For(VerificationCode code, Uri portal, string language, bool sample = false)
    {
        var page = PageOf(portal).AbsoluteUri;
        var address = AddressOf(portal, code).AbsoluteUri;
        var rtl = language == "ar";
        var html = new StringBuilder(6_000);
        html.Append(CultureInfo.InvariantCulture,
            $"""

            <aside class="verification" lang="{language}" dir="{(rtl ? "rtl" : "ltr")}" style="display:flex;align-items:center;gap:5mm;margin-block-start:8mm;padding:3mm;border:1px solid #000;color:#000;background:#fff;font-size:9.5pt;line-height:1.4;break-inside:avoid;page-break-inside:avoid">
            """);
        QrSvg(html, address, QrLabel.Get(language));
        html.Append(CultureInfo.InvariantCulture,
            $"""
            <div>
            <p style="margin:0 0 1mm;font-weight:700">{Encode(Title.Get(language))}</p>
            <p style="margin:0">{string.Format(CultureInfo.InvariantCulture, Encode(HowTo.Get(language)), $"<bdi dir=\"ltr\">{Encode(page)}</bdi>")}</p>
            <p style="margin:1.5mm 0 0">{Encode(CodeLabel.Get(language))} <bdi dir="ltr" class="verification-code" style="font-family:'DejaVu Sans Mono',Consolas,monospace;font-size:12.5pt;font-weight:700;letter-spacing:.04em">{code}</bdi></p>
            {(sample ? $"<p class=\"verification-sample\" style=\"margin:1.5mm 0 0;font-style:italic\">{Encode(SampleNote.Get(language))}</p>\n" : "")}</div>
            </aside>

            """);
        return html.ToString();
    }

    /// <summary>
    /// The QR code of <paramref name="payload"/> (error correction M, quiet zone included) as one SVG path, a horizontal run
    /// of dark modules per <c>M x y h n v 1 h -n z</c>, one unit per module.
    /// </summary>
    private static void QrSvg(StringBuilder html, string payload, string label)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        html.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"30mm\" height=\"30mm\" role=\"img\" aria-label=\"{Encode(label)}\" ")
            .Append(CultureInfo.InvariantCulture, $"shape-rendering=\"crispEdges\" style=\"flex:none\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            for (var x = 0; x < size;)
            {
                if (!row[x])
                {
                    x++;
                    continue;
                }
                var start = x;
                while (x < size && row[x])
                    x++;
                html.Append(CultureInfo.InvariantCulture, $"M{start} {y}h{x - start}v1h-{x - start}z");
            }
        }
        html.Append("\"/></svg>\n");
    }

    private static string Encode(string text) => HtmlText.Escape(text);
}
