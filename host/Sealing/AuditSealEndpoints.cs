using System.Globalization;
using EmploymentProcedures.Engine.Storage;
using Microsoft.Net.Http.Headers;

namespace EmploymentProcedures.Host.Sealing;

/// <summary>
/// <c>GET /audit-seals.json</c> and <c>GET /audit-seals.csv</c>: every daily seal of the audit chain (<see cref="AuditSeals"/>),
/// oldest first, for anyone to keep a copy of; the page <c>/audit-seals</c> shows the last <see cref="OnPage"/>.
/// </summary>
internal static class AuditSealEndpoints
{
    public const string PagePath = "/audit-seals";
    public const string JsonPath = "/audit-seals.json";
    public const string CsvPath = "/audit-seals.csv";

    /// <summary>How many seals the page lists (about three months); the downloads hold them all.</summary>
    public const int OnPage = 90;

    /// <summary>How long a browser or a proxy may keep a download: a new seal comes once a day.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapAuditSealEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(JsonPath, (HttpContext context, AuditSeals seals) => WriteAsync(context, seals, "application/json; charset=utf-8", "json", AuditSealFiles.WriteJsonAsync));
        endpoints.MapGet(CsvPath, (HttpContext context, AuditSeals seals) => WriteAsync(context, seals, "text/csv; charset=utf-8", "csv", AuditSealFiles.WriteCsvAsync));
        return endpoints;
    }

    private static async Task WriteAsync(
        HttpContext context, AuditSeals seals, string type, string extension, Func<IReadOnlyList<PublishedSeal>, Stream, CancellationToken, Task> write)
    {
        var all = await seals.ListAsync(cancellationToken: context.RequestAborted);
        var response = context.Response;
        response.ContentType = type;
        response.Headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"public, max-age={(int)Lifetime.TotalSeconds}");
        // Named after the last day sealed, so that the copies someone keeps sort by date.
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(all.Count == 0
            ? $"audit-seals.{extension}"
            : string.Create(CultureInfo.InvariantCulture, $"audit-seals-{all[^1].Day:yyyy-MM-dd}.{extension}"));
        response.Headers.ContentDisposition = disposition.ToString();
        await write(all, response.Body, context.RequestAborted);
    }
}
