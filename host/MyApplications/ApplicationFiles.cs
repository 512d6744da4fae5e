using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Host.Accounts;
using Microsoft.Net.Http.Headers;

namespace EmploymentProcedures.Host.MyApplications;

/// <summary>
/// Downloading a file attached to an application: <c>GET /applications/{id}/files/{documentId}/{fileName}</c>, for
/// whoever may see the application (its applicant, a reviewer of its circuit and territory). Anyone else gets
/// 404, as for an application that does not exist, so the address never confirms that a file is there; the
/// engine audits each refusal. A visitor who is not signed in is sent to sign in.
/// </summary>
internal static class ApplicationFiles
{
    public const string Route = "/applications/{id:guid}/files/{documentId}/{fileName}";

    /// <summary>The address of one attached file (relative to the base href, as the pages' links are).</summary>
    public static string Url(Guid applicationId, AttachedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return $"applications/{applicationId}/files/{Uri.EscapeDataString(document.DocumentId)}/{Uri.EscapeDataString(document.FileName)}";
    }

    public static IEndpointRouteBuilder MapApplicationFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        Guid id, string documentId, string fileName, HttpContext context, Applications applications, ProcedureCatalog catalog)
    {
        if (SignedInActor.From(context.User, catalog.Library) is not { } actor)
            return Results.NotFound();
        var opened = await applications.OpenDocumentAsync(id, actor, documentId, fileName, context.RequestAborted);
        if (opened.Value is not { } content)
            return Results.NotFound();

        // The bytes go out as they are stored, never interpreted by the browser: an attachment of no declared
        // type (nosniff is on every response), kept in no shared or private cache.
        context.Response.Headers.CacheControl = "private, no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Stream(content, "application/octet-stream");
    }
}
