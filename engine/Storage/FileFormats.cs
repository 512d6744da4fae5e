using System.IO.Compression;
using System.Text;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// What a file is, from its content, never from its name: PDF, PNG and JPEG by their magic bytes; DOCX,
/// XLSX, ODT and ODS as zip archives holding the part that makes them so. Archives whose declared unpacked
/// size or entry count is out of proportion are not recognised (a zip bomb is refused, not opened).
/// </summary>
internal static class FileFormats
{
    /// <summary>How many leading bytes <see cref="Detect(ReadOnlySpan{byte})"/> needs.</summary>
    public const int HeadLength = 8;

    private const long MaxUnpackedBytes = 200L * 1024 * 1024;
    private const int MaxEntries = 10_000;

    /// <summary>The format the leading bytes announce: pdf, png, jpg, zip, or null.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
            return "pdf";
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return "png";
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return "jpg";
        if (head.StartsWith("PK\u0003\u0004"u8))
            return "zip";
        return null;
    }

    /// <summary>The office format a zip archive is (docx, xlsx, odt, ods), or null.</summary>
    public static string? DetectArchive(Stream archive)
    {
        try
        {
            using var zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                return null;
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Contains("word/document.xml"))
                    return "docx";
                if (names.Contains("xl/workbook.xml"))
                    return "xlsx";
                return null;
            }
            return zip.GetEntry("mimetype") is { Length: < 100 } entry ? OpenDocumentKind(entry) : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string? OpenDocumentKind(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return reader.ReadToEnd().Trim() switch
        {
            "application/vnd.oasis.opendocument.text" => "odt",
            "application/vnd.oasis.opendocument.spreadsheet" => "ods",
            _ => null,
        };
    }
}
