using System.Globalization;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Localization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace EmploymentProcedures.Host.Reviewing;

/// <summary>
/// The inbox's exports, <c>GET /inbox/export.csv</c> and <c>GET /inbox/export.xlsx</c>, with the page's query string:
/// every line of the filter (not a page), in the reviewer's language, streamed from the database into the response
/// (<see cref="InboxExport"/> over <see cref="Applications.InboxLinesAsync"/>, so the reviewer's rights apply: only
/// what their inbox shows them). Signed-in only; anyone who is not a reviewer gets 404, as for a page that does not exist.
/// </summary>
internal static class InboxEndpoints
{
    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/inbox/export.csv", (HttpContext context, Applications applications, ProcedureCatalog catalog, TimeProvider clock) =>
            ExportAsync(context, applications, catalog, clock, "csv", "text/csv; charset=utf-8", new InboxExport(applications).WriteCsvAsync)).RequireAuthorization();
        endpoints.MapGet("/inbox/export.xlsx", (HttpContext context, Applications applications, ProcedureCatalog catalog, TimeProvider clock) =>
            ExportAsync(context, applications, catalog, clock, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new InboxExport(applications).WriteXlsxAsync)).RequireAuthorization();
        return endpoints;
    }

    private delegate Task<int> Writer(Engine.Workflow.Actor reviewer, InboxFilter filter, string language, Stream output, CancellationToken cancellationToken);

    private static async Task<IResult> ExportAsync(HttpContext context, Applications applications, ProcedureCatalog catalog, TimeProvider clock, string extension, string contentType, Writer write)
    {
        if (SignedInActor.From(context.User, catalog.Library) is not { } reviewer || !ReviewerPages.MaySeeInbox(reviewer))
            return Results.NotFound();
        var filter = InboxAddress.Parse(context.Request.QueryString.Value).Filter;
        var name = string.Create(CultureInfo.InvariantCulture, $"dossiers-{MoroccoTime.Today(clock):yyyy-MM-dd}.{extension}");
        var response = context.Response;
        response.ContentType = contentType;
        response.Headers.CacheControl = "private, no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(name);
        response.Headers.ContentDisposition = disposition.ToString();
        // System.IO.Compression, under SpreadCheetah, writes each zip entry's small data descriptor with a synchronous
        // Write when the entry closes (sveinungf/spreadcheetah#118); Kestrel refuses synchronous writes unless allowed.
        // Allowed for this response only: everything else is written asynchronously, as the lines are read.
        if (extension == "xlsx" && context.Features.Get<IHttpBodyControlFeature>() is { } body)
            body.AllowSynchronousIO = true;
        // Written as the lines are read: the response is never held whole in memory.
        await write(reviewer, filter, Languages.Current.Code, response.Body, context.RequestAborted);
        return Results.Empty;
    }
}
