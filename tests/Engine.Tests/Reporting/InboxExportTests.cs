using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Tests.Storage;
using EmploymentProcedures.Engine.Workflow;
using static EmploymentProcedures.Engine.Tests.Reporting.ReportingStore;

namespace EmploymentProcedures.Engine.Tests.Reporting;

/// <summary>Exports of the filtered inbox: CSV as RFC 4180 with a BOM and no live formula, XLSX that opens with the same lines, the same rights as the inbox.</summary>
public sealed class InboxExportTests : IAsyncLifetime
{
    private static readonly Actor CasablancaAgent = Agent("casa", "casablanca");
    private const string Hostile = "=HYPERLINK(\"http://evil.example\",\"x\")";

    private TestStore _store = null!;
    private InboxExport _export = null!;

    public async Task InitializeAsync()
    {
        _store = await CreateAsync();
        _export = new InboxExport(_store.Applications);
        await SubmitAsync(_store, Hostile, Permit, PermitAnswers("Atlas", IceOf("0010000000001"), "BE1", "casablanca"));
        await SubmitAsync(_store, "فاطمة \"الزهراء\", Rabat", Permit, PermitAnswers("مطاحن", IceOf("0010000000002"), "BE2", "casablanca"));
        await SubmitAsync(_store, "Omar Tazi", Permit, PermitAnswers("Tazi", IceOf("0010000000003"), "BE3", "rabat"));
        await SubmitAsync(_store, "Atlas Textile", Declaration, DeclarationAnswers("Atlas Textile", IceOf("0010000000004")));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private async Task<(byte[] Bytes, int Count)> CsvAsync(Actor reviewer, InboxFilter filter, string language)
    {
        using var output = new MemoryStream();
        var count = await _export.WriteCsvAsync(reviewer, filter, language, output);
        return (output.ToArray(), count);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("", "")]
    public void CsvField_QuotesWhatRfc4180Requires(string value, string field) => Assert.Equal(field, CsvText.Field(value));

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+212600000000", "'+212600000000")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    [InlineData("a=b", "a=b")]
    public void CsvField_StartingLikeAFormula_IsNeutralised(string value, string field) => Assert.Equal(field, CsvText.Field(value));

    [Fact]
    public async Task Csv_StartsWithABomAndHasOneCrlfLinePerInboxLine()
    {
        var (bytes, count) = await CsvAsync(CasablancaAgent, InboxFilter.None, "fr");
        var lines = await _store.Applications.InboxLinesAsync(CasablancaAgent, InboxFilter.None).ToListAsync();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.Equal(3, count);
        Assert.Equal(lines.Count, count);
        var records = Records(text);
        Assert.Equal(["Référence", "Procédure", "Étape", "Statut", "Demandeur", "Province", "Déposé le", "Échéance", "Urgence", "Étiquettes"], records[0]);
        Assert.Equal(lines.Select(l => l.Reference), records.Skip(1).Select(r => r[0]));
        Assert.Equal(["Autorisation (boîte de réception)", "Réception", "En cours d'instruction"], records[1][1..4]);
        Assert.Equal("2026-03-02", records[1][6]);
    }

    [Fact]
    public async Task Csv_HostileNameAndQuotedArabicName_StayTextInTheirCells()
    {
        var (bytes, _) = await CsvAsync(CasablancaAgent, new InboxFilter { Procedures = [Permit] }, "ar");
        var records = Records(Encoding.UTF8.GetString(bytes[3..]));

        Assert.Equal("المرجع", records[0][0]);
        Assert.Contains("'" + Hostile, records.Select(r => r[4]));
        Assert.Contains("فاطمة \"الزهراء\", Rabat", records.Select(r => r[4]));
        Assert.All(records, r => Assert.Equal(10, r.Count));
        Assert.All(records.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@', cell));
    }

    [Fact]
    public async Task Csv_LabelledFile_HasItsLabelsTitlesInTheLanguageAskedAndOthersAnEmptyCell()
    {
        var lines = await _store.Applications.InboxLinesAsync(CasablancaAgent, new InboxFilter { Procedures = [Permit] }).ToListAsync();
        var labelled = lines[0];
        await _store.Applications.SetLabelAsync(labelled.ApplicationId, CasablancaAgent, "site-visit", on: true);
        await _store.Applications.SetLabelAsync(labelled.ApplicationId, CasablancaAgent, "priority", on: true);

        var (french, _) = await CsvAsync(CasablancaAgent, InboxFilter.None, "fr");
        var (arabic, _) = await CsvAsync(CasablancaAgent, new InboxFilter { Labels = ["priority"] }, "ar");

        var rows = Records(Encoding.UTF8.GetString(french[3..])).Skip(1).ToList();
        Assert.Equal("Dossier prioritaire ; En attente de visite", rows.Single(r => r[0] == labelled.Reference)[9]);
        Assert.All(rows.Where(r => r[0] != labelled.Reference), r => Assert.Equal("", r[9]));
        var only = Assert.Single(Records(Encoding.UTF8.GetString(arabic[3..])).Skip(1));
        Assert.Equal((labelled.Reference, "ملف ذو أولوية ; في انتظار الزيارة الميدانية"), (only[0], only[9]));
    }

    [Fact]
    public async Task Export_ReviewerOfAnotherProvinceOrAnApplicant_GetsTheHeaderOnly()
    {
        var (tanger, tangerCount) = await CsvAsync(Agent("t", "tanger-assilah"), new InboxFilter { Procedures = [Permit] }, "en");
        var (applicant, applicantCount) = await CsvAsync(Actor.Applicant("amina", "Amina"), InboxFilter.None, "en");

        Assert.Equal(0, tangerCount);
        Assert.Equal(0, applicantCount);
        Assert.Single(Records(Encoding.UTF8.GetString(tanger[3..])));
        Assert.Single(Records(Encoding.UTF8.GetString(applicant[3..])));
    }

    [Fact]
    public async Task Xlsx_OpensValidWithTheSameLinesAsTheInbox()
    {
        using var output = new MemoryStream();
        var count = await _export.WriteXlsxAsync(CasablancaAgent, InboxFilter.None, "ar", output);
        var lines = await _store.Applications.InboxLinesAsync(CasablancaAgent, InboxFilter.None).ToListAsync();

        output.Position = 0;
        using var document = SpreadsheetDocument.Open(output, isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        var rows = Rows(document);
        Assert.Equal(lines.Count, count);
        Assert.Equal(lines.Count + 1, rows.Count);
        Assert.Equal("المرجع", rows[0][0]);
        Assert.Equal(lines.Select(l => l.Reference), rows.Skip(1).Select(r => r[0]));
        Assert.Equal(lines.Select(l => l.ApplicantName), rows.Skip(1).Select(r => r[4]));
        Assert.Contains(Hostile, rows.Select(r => r[4]));
        Assert.Equal("قيد الدراسة", rows[1][3]);
        // Dates are dates: Excel's serial day number for 2 March 2026.
        Assert.Equal(new DateTime(2026, 3, 2).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), rows[1][6]);
    }

    /// <summary>The cells' texts, row by row (inline strings, shared strings or numbers as written).</summary>
    private static List<List<string>> Rows(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(cell =>
            cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
            : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
            : cell.CellValue?.Text ?? "").ToList()).ToList();
    }

    /// <summary>A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records.</summary>
    private static List<List<string>> Records(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    (field, i) = (field.Append('"'), i + 1);
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
                (record, field) = (Add(record, field), new StringBuilder());
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                records.Add(Add(record, field));
                (record, field, i) = ([], new StringBuilder(), i + 1);
            }
            else
                field.Append(c);
        }
        return records;
    }

    private static List<string> Add(List<string> record, StringBuilder field)
    {
        record.Add(field.ToString());
        return record;
    }
}
