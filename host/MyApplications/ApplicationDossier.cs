using System.Text;
using EmploymentProcedures.Engine.Archiving;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Components.Dossier;
using EmploymentProcedures.Host.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.MyApplications;

/// <summary>
/// An application's whole file as one ZIP, <c>GET /applications/{id}/dossier</c>: for its applicant (from their
/// application's page) and for whoever may open its case (a reviewer of its circuit and territory, an administrator),
/// the engine deciding (<see cref="Applications.DossierAsync"/>, which audits a reviewer's download). Anyone else gets
/// 404, as for an application that does not exist; a visitor who is not signed in is sent to sign in. The archive is
/// written into the response as it is made (<see cref="DossierArchive"/>), with the two HTML pages rendered here by
/// Blazor's <see cref="HtmlRenderer"/> outside any circuit, through the same components as the portal's pages.
/// </summary>
internal static class ApplicationDossier
{
    public const string Route = "/applications/{id:guid}/dossier";

    /// <summary>The address of the archive (relative to the base href, as the pages' links are).</summary>
    public static string Url(Guid applicationId) => $"applications/{applicationId}/dossier";

    public static IEndpointRouteBuilder MapApplicationDossier(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, SendAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> SendAsync(
        Guid id, HttpContext context, Applications applications, ProcedureCatalog catalog, IStringLocalizer<Strings> strings, TimeProvider clock, ILoggerFactory loggers)
    {
        if (SignedInActor.From(context.User, catalog.Library) is not { } actor)
            return Results.NotFound();
        var found = await applications.DossierAsync(id, actor, context.RequestAborted);
        if (found.Value is not { } dossier)
            return found.Refusal?.Code == RefusalCodes.Busy ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.NotFound();

        var pages = PagesOf(dossier, actor, context.RequestServices, catalog, strings, clock, loggers);

        context.Response.Headers.CacheControl = "private, no-store";
        // Results.Stream writes the Content-Disposition (attachment, the name encoded as filename*) and nothing is sniffed (nosniff on every response).
        return Results.Stream(
            body => DossierArchive.WriteAsync(DossierLayout.Of(dossier), pages, body, context.RequestAborted),
            "application/zip", dossier.FileName);
    }

    /// <summary>The two pages of <paramref name="dossier"/>'s archive, rendered for <paramref name="actor"/> in the request's language.</summary>
    internal static DossierPages PagesOf(
        Dossier dossier, Actor actor, IServiceProvider services, ProcedureCatalog catalog, IStringLocalizer<Strings> strings, TimeProvider clock, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(catalog);
        var language = Languages.Current;
        var texts = new ProcedureTexts(dossier.Definition, catalog.Library, language, strings);
        return new DossierPages(
            (layout, target, token) => RenderAsync<DossierSummary>(services, loggers, target, new Dictionary<string, object?>
            {
                [nameof(DossierSummary.Layout)] = layout,
                [nameof(DossierSummary.Texts)] = texts,
                [nameof(DossierSummary.Timeline)] = Timeline.Of(dossier.History, texts, language, strings, clock, staff: dossier.Audit is not null),
                [nameof(DossierSummary.Deadline)] = LegalDeadline.Of(dossier.Application, dossier.Definition, MoroccoTime.Today(clock), catalog.Library.Calendar),
                [nameof(DossierSummary.Recorded)] = ReviewerFields.RecordedBefore(dossier.Definition, dossier.Application, actor),
                [nameof(DossierSummary.Today)] = MoroccoTime.Today(clock),
            }, token),
            (layout, target, token) => RenderAsync<DossierMessages>(services, loggers, target, new Dictionary<string, object?>
            {
                [nameof(DossierMessages.Layout)] = layout,
                [nameof(DossierMessages.Texts)] = texts,
            }, token),
            letter => LetterPdfDownload.Print(letter, dossier.Application.Reference ?? dossier.Application.Id.ToString("N"), loggers));
    }

    /// <summary>Renders <typeparamref name="TComponent"/> as a whole HTML document into <paramref name="target"/>.</summary>
    internal static async Task RenderAsync<TComponent>(
        IServiceProvider services, ILoggerFactory loggers, Stream target, Dictionary<string, object?> parameters, CancellationToken cancellationToken)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        await target.WriteAsync(Encoding.UTF8.GetBytes("<!DOCTYPE html>\n" + html), cancellationToken);
    }
}
