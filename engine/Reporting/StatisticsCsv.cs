using System.Globalization;
using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Reporting;

/// <summary>
/// The public statistics as open data: one CSV line per procedure (<see cref="CsvText"/>: RFC 4180, UTF-8 with a BOM so
/// spreadsheets read the Arabic titles), the titles in the three languages and the same values whatever the reader's,
/// numbers in the invariant culture (a point for decimals, shares from 0 to 1), dates as ISO 8601. A figure withheld
/// for too few decisions, or that has no meaning for the procedure (<c>can_be_rejected</c> false, no legal deadline),
/// is an empty cell. The column names are a contract with whoever reuses the file: add columns, never rename one.
/// </summary>
public static class StatisticsCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "procedure_id", "title_fr", "title_ar", "title_en", "category_id", "period_start", "period_end",
        "submitted", "decided", "withdrawn", "can_be_rejected", "share_approved",
        "median_processing_days", "processing_days_unit", "legal_deadline_days", "share_decided_within_deadline",
        "publication_threshold", "computed_at",
    ];

    /// <summary>Writes a line per procedure of <paramref name="definitions"/>, in their order, to <paramref name="output"/> (left open).</summary>
    public static async Task WriteAsync(StatisticsTally tally, IEnumerable<ProcedureDefinition> definitions, int threshold, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(output);
        var writer = new StreamWriter(output, CsvText.Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(CsvText.Line(Columns)).ConfigureAwait(false);
            foreach (var definition in definitions)
            {
                var s = tally.For(definition, threshold);
                await writer.WriteAsync(CsvText.Line(
                [
                    definition.Id, definition.Title.Get("fr"), definition.Title.Get("ar"), definition.Title.Get("en"), definition.Category,
                    Iso(tally.Period.FirstMonth), Iso(tally.Period.LastDay),
                    Number(s.Submitted), Number(s.Decided), Number(s.Withdrawn),
                    ProcedureStatistics.CanReject(definition) ? "true" : "false", Share(s.ShareApproved),
                    s.MedianDays.Published?.ToString("0.#", CultureInfo.InvariantCulture), Unit(s.DaysUnit),
                    s.LegalDeadline is { } deadline ? Number(deadline.Days) : null, Share(s.ShareInTime),
                    Number(threshold), tally.ComputedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                ])).ConfigureAwait(false);
            }
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Share(PublicFigure figure) => figure.Published?.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Unit(CalendarKind unit) => unit == CalendarKind.Business ? "business" : "calendar";
}
