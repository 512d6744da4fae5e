using System.Globalization;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace EmploymentProcedures.Engine.Reporting;

/// <summary>
/// The reviewer's filtered inbox as a file: CSV (<see cref="CsvText"/>) or XLSX (SpreadCheetah, written forward
/// only), every line of the filter and not just a page, read from the database and written out as they come (a
/// few kilobytes of buffer whatever the size). The lines are <see cref="Applications.InboxLinesAsync"/>'s, so the
/// same rights apply: a reviewer exports what their inbox shows them, anyone else an empty table. Headers and
/// values (procedure, step, status, province, urgency, the labels' titles) are in the language asked, fr, ar or en.
/// </summary>
public sealed class InboxExport
{
    private static readonly LocalizedText[] Headers =
    [
        LocalizedText.Of("Référence", "المرجع", "Reference"),
        LocalizedText.Of("Procédure", "المسطرة", "Procedure"),
        LocalizedText.Of("Étape", "المرحلة", "Step"),
        LocalizedText.Of("Statut", "الوضعية", "Status"),
        LocalizedText.Of("Demandeur", "صاحب الطلب", "Applicant"),
        LocalizedText.Of("Province", "الإقليم", "Province"),
        LocalizedText.Of("Déposé le", "تاريخ الإيداع", "Submitted on"),
        LocalizedText.Of("Échéance", "أجل المعالجة", "Due on"),
        LocalizedText.Of("Urgence", "الاستعجال", "Urgency"),
        LocalizedText.Of("Étiquettes", "الأوسام", "Labels"),
    ];

    private static readonly LocalizedText SheetName = LocalizedText.Of("Dossiers", "الملفات", "Inbox");

    private readonly Applications _applications;

    public InboxExport(Applications applications)
    {
        ArgumentNullException.ThrowIfNull(applications);
        _applications = applications;
    }

    /// <summary>Writes the lines as CSV to <paramref name="output"/> (left open); returns how many lines (header excluded).</summary>
    public async Task<int> WriteCsvAsync(Actor reviewer, InboxFilter filter, string language, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var labels = await _applications.LabelsAsync(cancellationToken).ConfigureAwait(false);
        language = Language(language);
        var writer = new StreamWriter(output, CsvText.Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(CsvText.Line(Headers.Select(h => h.Get(language)))).ConfigureAwait(false);
            var count = 0;
            await foreach (var item in _applications.InboxLinesAsync(reviewer, filter, cancellationToken).ConfigureAwait(false))
            {
                var (texts, submitted, due) = Values(item, labels, language);
                await writer.WriteAsync(CsvText.Line([.. texts[..6], Iso(submitted), Iso(due), texts[6], texts[7]])).ConfigureAwait(false);
                count++;
            }
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }

    /// <summary>Writes the lines as an XLSX workbook (one sheet, a bold frozen header, an auto filter, dates as dates) to <paramref name="output"/> (left open); returns how many lines.</summary>
    public async Task<int> WriteXlsxAsync(Actor reviewer, InboxFilter filter, string language, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var labels = await _applications.LabelsAsync(cancellationToken).ConfigureAwait(false);
        language = Language(language);
        var spreadsheet = await Spreadsheet.CreateNewAsync(output, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (spreadsheet.ConfigureAwait(false))
        {
            var options = new WorksheetOptions { FrozenRows = 1, AutoFilter = new AutoFilterOptions("A1:J1") };
            foreach (var (column, width) in new[] { (1, 20d), (2, 45d), (3, 25d), (4, 22d), (5, 35d), (6, 25d), (7, 13d), (8, 13d), (9, 14d), (10, 35d) })
                options.Column(column).Width = width;
            await spreadsheet.StartWorksheetAsync(SheetName.Get(language), options, cancellationToken).ConfigureAwait(false);
            var bold = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
            var date = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
            await spreadsheet.AddRowAsync(Headers.Select(h => new Cell(h.Get(language), bold)).ToArray(), cancellationToken).ConfigureAwait(false);
            var count = 0;
            var row = new Cell[Headers.Length];
            await foreach (var item in _applications.InboxLinesAsync(reviewer, filter, cancellationToken).ConfigureAwait(false))
            {
                var (texts, submitted, due) = Values(item, labels, language);
                for (var i = 0; i < 6; i++)
                    row[i] = new Cell(texts[i]);
                row[6] = new Cell(submitted?.ToDateTime(TimeOnly.MinValue), date);
                row[7] = new Cell(due?.ToDateTime(TimeOnly.MinValue), date);
                row[8] = new Cell(texts[6]);
                row[9] = new Cell(texts[7]);
                await spreadsheet.AddRowAsync(row, cancellationToken).ConfigureAwait(false);
                count++;
            }
            await spreadsheet.FinishAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }

    /// <summary>The line's texts (reference, procedure, step, status, applicant, province, urgency, labels) and its dates.</summary>
    private static (string[] Texts, DateOnly? Submitted, DateOnly? Due) Values(InboxItem item, CatalogLabels labels, string language) => (
        [
            item.Reference ?? "",
            labels.Procedure(item.ProcedureId).Get(language),
            labels.Step(item.Step, item.ProcedureId).Get(language),
            CatalogLabels.Status(item.Status).Get(language),
            item.ApplicantName,
            item.Province is null ? "" : labels.Province(item.Province).Get(language),
            InboxFacets.Label(item.Urgency).Get(language),
            string.Join(" ; ", item.Labels.Select(l => l.Title.Get(language))),
        ],
        item.SubmittedOn,
        item.DueOn);

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Language(string? language) => language is "ar" or "en" ? language : "fr";
}
