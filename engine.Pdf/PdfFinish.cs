using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EmploymentProcedures.Engine.Pdf;

/// <summary>
/// Two things SkiaSharp's PDF writer does not do, done on its output: the document's language (<c>/Lang</c> in the catalog,
/// which screen readers and text extraction use; SkiaSharp's metadata has no field for it) and a document identifier
/// that depends on the letter alone (SkiaSharp draws <c>/ID</c> from the clock, so two renderings would differ). The
/// identifier is replaced in place (same length: nothing moves), and the catalog with its language is added as an
/// incremental update (a new version of that object, a cross-reference section and a trailer pointing back to the
/// first), which every PDF reader follows.
/// </summary>
internal static partial class PdfFinish
{
    public static byte[] Finish(byte[] pdf, string language, byte[] seed)
    {
        // Latin-1 maps each byte to one character and back: the binary streams survive the round trip.
        var text = Encoding.Latin1.GetString(pdf);
        var id = Convert.ToHexString(seed, 0, 16);
        text = Identifier().Replace(text, m => m.Value.Replace(m.Groups["a"].Value, id[..m.Groups["a"].Length], StringComparison.Ordinal)
            .Replace(m.Groups["b"].Value, id[..m.Groups["b"].Length], StringComparison.Ordinal));

        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var trailer = Trailer().Match(text, trailerAt);
        var startXref = StartXref().Match(text, trailerAt);
        if (trailerAt < 0 || !trailer.Success || !startXref.Success)
            throw new InvalidOperationException("SkiaSharp's PDF has no trailer where one was expected.");
        var dictionary = trailer.Groups["dict"].Value;
        var root = Root().Match(dictionary);
        if (!root.Success)
            throw new InvalidOperationException("SkiaSharp's PDF trailer names no catalog.");
        var number = int.Parse(root.Groups["n"].Value, CultureInfo.InvariantCulture);
        var catalog = new Regex($@"(?<=\n|^){number} 0 obj\s*<<(?<body>.*?)>>\s*endobj", RegexOptions.Singleline).Match(text);
        if (!catalog.Success)
            throw new InvalidOperationException("SkiaSharp's PDF catalog was not found.");

        var update = new StringBuilder();
        var objectAt = text.Length + 1;
        update.Append('\n')
            .Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n<<{catalog.Groups["body"].Value}\n/Lang ({Language(language)})>>\nendobj\n");
        var xrefAt = text.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"xref\n{number} 1\n{objectAt:D10} 00000 n \n")
            .Append(CultureInfo.InvariantCulture, $"trailer\n<<{dictionary.TrimEnd()}\n/Prev {startXref.Groups["at"].Value}>>\n")
            .Append(CultureInfo.InvariantCulture, $"startxref\n{xrefAt}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(text + update);
    }

    /// <summary>A BCP 47 tag of letters, digits and hyphens only (it goes into a PDF string).</summary>
    private static string Language(string language) =>
        LanguageTag().IsMatch(language) ? language : "fr";

    [GeneratedRegex(@"/ID\s*\[\s*<(?<a>[0-9A-Fa-f]+)>\s*<(?<b>[0-9A-Fa-f]+)>\s*\]")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\Gtrailer\s*<<(?<dict>.*?)>>\s*startxref", RegexOptions.Singleline)]
    private static partial Regex Trailer();

    [GeneratedRegex(@"\Gtrailer.*?startxref\s+(?<at>\d+)\s+%%EOF", RegexOptions.Singleline)]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Root\s+(?<n>\d+)\s+0\s+R")]
    private static partial Regex Root();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
