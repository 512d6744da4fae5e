using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Designer.Forms;

/// <summary>
/// What the browser may send for a document, checked before a single byte is read: the extension among
/// the definition's formats, the size within its <c>max_mb</c>. These checks save the applicant a
/// pointless upload; the store still checks the content itself (magic bytes), since names lie.
/// </summary>
internal static class DocumentLimits
{
    private const long Megabyte = 1024 * 1024;

    public static long MaxBytes(DocumentDefinition document) => (long)(document.MaxMegabytes * Megabyte);

    /// <summary>The extensions a format is written with (<c>jpg</c> also as <c>.jpeg</c>).</summary>
    public static IEnumerable<string> Extensions(string format) => format == "jpg" ? [".jpg", ".jpeg"] : ["." + format];

    /// <summary>The <c>accept</c> attribute: the file picker offers only these.</summary>
    public static string Accept(DocumentDefinition document) => string.Join(',', document.Formats.SelectMany(Extensions));

    public static bool HasAcceptedExtension(DocumentDefinition document, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return document.Formats.SelectMany(Extensions).Contains(extension, StringComparer.Ordinal);
    }

    public static string FormatList(DocumentDefinition document) => string.Join(", ", document.Formats.Select(f => f.ToUpperInvariant()));

    public static string Megabytes(decimal megabytes, string language) => FormCulture.Number(Math.Round(megabytes, 1), language);

    public static string Megabytes(long bytes, string language) => Megabytes((decimal)bytes / Megabyte, language);

    /// <summary>
    /// An attached file's size as the applicant reads it: in kilobytes under a megabyte (a one-page scan is not "0 MB"),
    /// rounded up, as their applications' pages say it; in megabytes with one decimal above.
    /// </summary>
    public static (string Key, string Number) Size(long bytes, string language) => bytes < Megabyte
        ? ("documents.size_kb", FormCulture.Number(Math.Max(1, (bytes + 1023) / 1024), language))
        : ("documents.size", Megabytes(bytes, language));
}
