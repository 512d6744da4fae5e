using System.Globalization;
using System.Security.Claims;
using Bunit;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Reviewing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.MyApplications;

/// <summary>
/// A bUnit context for the applicant's pages: the portal's real engine services (over its temporary database),
/// the real UI strings in a language, and one person signed in.
/// </summary>
internal sealed class PageContext : BunitContext
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    /// <param name="drawings">The dashboard's drawings kept, when not the portal's.</param>
    /// <param name="more">More services a page needs (registered before anything is read from the container).</param>
    public PageContext(LivePortal portal, Actor actor, Language? language = null, ChartDrawings? drawings = null, Action<IServiceCollection>? more = null)
    {
        var services = portal.Portal.App.Services;
        Services.AddSingleton(services.GetRequiredService<Applications>());
        Services.AddSingleton(services.GetRequiredService<DefinitionStore>());
        Services.AddSingleton(services.GetRequiredService<ProcedureCatalog>());
        Services.AddSingleton(services.GetRequiredService<PublishedCatalog>());
        Services.AddSingleton(services.GetRequiredService<Dashboard>());
        Services.AddSingleton(services.GetRequiredService<Notifications>());
        Services.AddSingleton(drawings ?? services.GetRequiredService<ChartDrawings>());
        Services.AddSingleton<TimeProvider>(MoroccoTime.Instance);
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddScoped<SignedInActor>();
        more?.Invoke(Services);
        var authorization = AddAuthorization();
        authorization.SetAuthorized(actor.Name);
        authorization.SetClaims(
        [
            new Claim(ClaimTypes.NameIdentifier, actor.UserId),
            new Claim(PortalClaims.DisplayName, actor.Name),
            new Claim(PortalClaims.Role, actor.Role),
            .. actor.Provinces.Select(p => new Claim(PortalClaims.Province, p)),
        ]);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        // js/keep.js: a text sent is forgotten by the tab (the tests check the call where it matters).
        JSInterop.SetupVoid("keep.forget", _ => true).SetVoidResult();
        // The pages read their language from the UI culture, as the request-localization middleware sets it.
        CultureInfo.CurrentUICulture = (language ?? Languages.French).Culture;
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = _previous;
        base.Dispose(disposing);
    }
}
