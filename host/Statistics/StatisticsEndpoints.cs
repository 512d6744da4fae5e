using System.Globalization;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Localization;
using Microsoft.Net.Http.Headers;

namespace EmploymentProcedures.Host.Statistics;

/// <summary><c>GET /statistics.csv</c>: the public statistics as open data, for anyone, the figures the pages show.</summary>
internal static class StatisticsEndpoints
{
    public const string CsvPath = "/statistics.csv";

    public static IEndpointRouteBuilder MapStatisticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvPath, WriteCsvAsync);
        return endpoints;
    }

    private static async Task WriteCsvAsync(HttpContext context, PublishedStatistics statistics, CatalogIndex index)
    {
        var tally = await statistics.CurrentAsync(context.RequestAborted);
        // The catalog's categories in order, each one's procedures by id: the same lines in the same order whatever the
        // reader's language, so that two downloads compare line by line.
        var procedures = index.Search(null, Languages.Default.Code).SelectMany(g => g.Procedures.OrderBy(d => d.Id, StringComparer.Ordinal)).ToList();
        var response = context.Response;
        response.ContentType = "text/csv; charset=utf-8";
        // Public figures, the same for everyone and kept a quarter of an hour by the portal too.
        response.Headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"public, max-age={(int)PublishedStatistics.Lifetime.TotalSeconds}");
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(string.Create(CultureInfo.InvariantCulture, $"statistics-{tally.Period.FirstMonth:yyyy-MM}-{tally.Period.LastMonth:yyyy-MM}.csv"));
        response.Headers.ContentDisposition = disposition.ToString();
        await StatisticsCsv.WriteAsync(tally, procedures, statistics.Threshold, response.Body, context.RequestAborted);
    }
}
