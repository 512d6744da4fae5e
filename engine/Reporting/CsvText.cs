using System.Text;

namespace EmploymentProcedures.Engine.Reporting;

/// <summary>
/// CSV as RFC 4180 writes it (comma-separated, CRLF line ends, a field holding a comma, a quote or a line break
/// quoted with its quotes doubled), in UTF-8 with a byte-order mark so that Excel reads Arabic right. A cell a
/// spreadsheet would take for a formula (starting with <c>= + - @</c>, a tab or a carriage return) is neutralised
/// with a leading apostrophe, so an applicant's name such as <c>=HYPERLINK(...)</c> stays text.
/// </summary>
internal static class CsvText
{
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny(NeedsQuotes) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field)) + "\r\n";
}
