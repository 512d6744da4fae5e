using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using Microsoft.Net.Http.Headers;

namespace EmploymentProcedures.Host.MyApplications;

/// <summary>
/// Downloading what an application holds, for whoever may see it (its applicant, a reviewer of its circuit and
/// territory): an attached file <c>GET /applications/{id}/files/{documentId}/{fileName}</c>, a message's file
/// <c>/applications/{id}/messages/files/{attachmentId}/{fileName}</c>, and an issued letter
/// <c>/applications/{id}/letters/{letterId}/{fileName}</c> (shown to print, or saved with <c>?download=true</c>).
/// Anyone else gets 404, as for an application that does not exist, so the address never confirms that a file is
/// there; the engine audits each refusal. A visitor who is not signed in is sent to sign in.
/// </summary>
internal static class ApplicationFiles
{
    public const string Route = "/applications/{id:guid}/files/{documentId}/{fileName}";
    public const string MessageFileRoute = "/applications/{id:guid}/messages/files/{attachmentId:long}/{fileName}";
    public const string LetterRoute = "/applications/{id:guid}/letters/{letterId:long}/{fileName}";

    /// <summary>
    /// A letter is the engine's HTML (escaped answers, its own stylesheet): shown in a sandbox, an origin of its own
    /// where no script runs and nothing is fetched, so even a letter that carried markup could do nothing; like every page,
    /// never inside another site's frame (this policy replaces the portal's, so it says it again).
    /// </summary>
    public const string LetterContentSecurityPolicy = "sandbox allow-modals; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

    /// <summary>The address of one attached file (relative to the base href, as the pages' links are).</summary>
    public static string Url(Guid applicationId, AttachedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return $"applications/{applicationId}/files/{Uri.EscapeDataString(document.DocumentId)}/{Uri.EscapeDataString(document.FileName)}";
    }

    public static string Url(Guid applicationId, MessageAttachment file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return $"applications/{applicationId}/messages/files/{file.Id}/{Uri.EscapeDataString(file.FileName)}";
    }

    public static string Url(IssuedLetter letter, bool download = false)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return $"applications/{letter.ApplicationId}/letters/{letter.Id}/{Uri.EscapeDataString(letter.FileName)}" + (download ? "?download=true" : "");
    }

    public static IEndpointRouteBuilder MapApplicationFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, (Guid id, string documentId, string fileName, HttpContext context, Applications applications, ProcedureCatalog catalog) =>
            SendAsync(context, catalog, fileName, attachment: true, actor => applications.OpenDocumentAsync(id, actor, documentId, fileName, context.RequestAborted)))
            .RequireAuthorization();
        endpoints.MapGet(MessageFileRoute, (Guid id, long attachmentId, string fileName, HttpContext context, Applications applications, ProcedureCatalog catalog) =>
            SendAsync(context, catalog, fileName, attachment: true, actor => applications.OpenMessageAttachmentAsync(id, actor, attachmentId, context.RequestAborted)))
            .RequireAuthorization();
        endpoints.MapGet(LetterRoute, (Guid id, long letterId, string fileName, bool? download, HttpContext context, Applications applications, ProcedureCatalog catalog) =>
            SendAsync(context, catalog, fileName, attachment: download == true, actor => applications.OpenIssuedAsync(id, actor, letterId, context.RequestAborted)))
            .RequireAuthorization();
        return endpoints;
    }

    /// <summary>
    /// What <paramref name="open"/> gives the signed-in person, never cached. A file goes out as it is stored, never
    /// interpreted by the browser: an attachment of no declared type (nosniff is on every response). A letter to show
    /// is HTML under <see cref="LetterContentSecurityPolicy"/>.
    /// </summary>
    private static async Task<IResult> SendAsync(HttpContext context, ProcedureCatalog catalog, string fileName, bool attachment, Func<Actor, Task<Outcome<Stream>>> open)
    {
        if (SignedInActor.From(context.User, catalog.Library) is not { } actor)
            return Results.NotFound();
        var opened = await open(actor);
        if (opened.Value is not { } content)
            return Results.NotFound();

        context.Response.Headers.CacheControl = "private, no-store";
        var disposition = new ContentDispositionHeaderValue(attachment ? "attachment" : "inline");
        disposition.SetHttpFileName(fileName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        if (attachment)
            return Results.Stream(content, "application/octet-stream");
        context.Response.Headers.ContentSecurityPolicy = LetterContentSecurityPolicy;
        return Results.Stream(content, "text/html; charset=utf-8");
    }
}
