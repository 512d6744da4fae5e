using System.Diagnostics;
using System.Text;
using EmploymentProcedures.Engine.Archiving;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Pdf;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;

namespace EmploymentProcedures.Host.MyApplications;

/// <summary>
/// An issued letter as PDF, <c>GET /applications/{id}/letters/{letterId}/pdf</c>: made on demand from the HTML that was
/// issued (<see cref="LetterPdf"/>), for whoever may see the letter (<see cref="Applications.PrintableAsync"/>: its
/// applicant, a reviewer of its circuit and territory, an administrator); anyone else gets 404 as for a letter that does
/// not exist, and a visitor who is not signed in is sent to sign in. A letter the renderer cannot lay out (a template
/// using an element it does not draw, which <c>lint</c> warns of with EP0508) is logged and answered with a page saying
/// so, in the reader's language, with a link to the letter to print.
/// </summary>
internal static partial class LetterPdfDownload
{
    public const string Route = "/applications/{id:guid}/letters/{letterId:long}/pdf";

    /// <summary>Set on the request when the PDF could not be made: the status page then explains, and links to this address (the letter to print).</summary>
    public const string FailedItem = "LetterPdfFailed";

    /// <summary>The address of a letter's PDF (relative to the base href, as the pages' links are).</summary>
    public static string Url(IssuedLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return $"applications/{letter.ApplicationId}/letters/{letter.Id}/pdf";
    }

    public static IEndpointRouteBuilder MapLetterPdf(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, SendAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> SendAsync(Guid id, long letterId, HttpContext context, Applications applications, ProcedureCatalog catalog, ILogger<LetterPdfResult> logger)
    {
        if (SignedInActor.From(context.User, catalog.Library) is not { } actor)
            return Results.NotFound();
        var found = await applications.PrintableAsync(id, actor, letterId, context.RequestAborted);
        if (found.Value is not { } letter)
            return found.Refusal?.Code == RefusalCodes.Busy ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.NotFound();

        var started = Stopwatch.GetTimestamp();
        var result = LetterPdf.Render(letter.Html, letter.Reference, letter.Letter.IssuedAt);
        if (result is not LetterPdfResult.Rendered rendered)
        {
            Log.NotRendered(logger, letter.Letter.Id, letter.Letter.Template, letter.Letter.Language, ((LetterPdfResult.Failed)result).Message);
            context.Items[FailedItem] = ApplicationFiles.Url(letter.Letter);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log.Rendered(logger, letter.Letter.Id, rendered.Pages, rendered.Pdf.Length, milliseconds);

        context.Response.Headers.CacheControl = "private, no-store";
        // Results.File writes Content-Disposition: attachment with the name (filename* in UTF-8); nosniff is on every response.
        return Results.File(rendered.Pdf, "application/pdf", letter.PdfFileName);
    }

    /// <summary>A letter of a whole file as PDF; null (and logged) when it cannot be laid out.</summary>
    internal static byte[]? Print(DossierLetter letter, string reference, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var result = LetterPdf.Render(Encoding.UTF8.GetString(letter.Content.Span), reference, letter.Letter.IssuedAt);
        if (result is LetterPdfResult.Rendered rendered)
            return rendered.Pdf;
        Log.NotRendered(loggers.CreateLogger<LetterPdfResult>(), letter.Letter.Id, letter.Letter.Template, letter.Letter.Language, ((LetterPdfResult.Failed)result).Message);
        return null;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Letter {LetterId} ({Template}.{Language}) could not be made a PDF: {Reason}")]
        public static partial void NotRendered(ILogger logger, long letterId, string template, string language, string reason);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Letter {LetterId} made a PDF of {Pages} page(s), {Bytes} bytes, in {Milliseconds:F0} ms")]
        public static partial void Rendered(ILogger logger, long letterId, int pages, int bytes, double milliseconds);
    }
}
