using System.Net;
using Bunit;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Api;
using EmploymentProcedures.Host.Components.Pages.Admin;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Api;

/// <summary>The administrators' page of the API clients: create (the token shown once), renew, revoke, and who reaches it.</summary>
[Collection(ApiPortalTests.Name)]
public sealed class ApiClientsPageTests(ApiPortal portal)
{
    [Fact]
    public async Task Create_ShowsTheTokenOnce_StoresOnlyItsHash_AndTheTokenWorks()
    {
        var administrator = await portal.AdministratorAsync();
        using var context = Context(administrator);
        var page = context.Render<ApiClientsPage>();
        page.WaitForElement("#api-client-name");

        page.Find("#api-client-name").Change("ANAPEC — suivi des contrats");
        page.Find("#api-client-organisation").Change("ANAPEC");
        page.Find("#api-client-contact").Change("si@anapec.example.test");
        page.Find("#api-client-procedure-" + ApiPortal.Procedure).Change(true);
        page.Find("#api-client-province-rabat").Change(true);
        page.Find("form").Submit();

        var token = page.WaitForElement("#api-client-token").TextContent;
        Assert.StartsWith(ApiTokens.Prefix, token, StringComparison.Ordinal);
        Assert.Contains("ANAPEC — suivi des contrats", page.Find(".api-client-token h2").TextContent, StringComparison.Ordinal);
        var stored = await FindAsync(ApiTokens.ClientIdOf(token)!);
        Assert.Equal([ApiPortal.Procedure], stored.Procedures);
        Assert.Equal(["rabat"], stored.Provinces);
        Assert.Equal(ApiTokens.Hash(token), stored.SecretHash);
        Assert.NotEqual(token, stored.SecretHash);
        Assert.NotNull(await portal.WithClientsAsync(c => c.AuthenticateAsync(token)));
        Assert.Contains("ANAPEC — suivi des contrats", page.Find("table.api-clients").TextContent, StringComparison.Ordinal);

        // Shown once: the page opened again lists the client but shows no token.
        using var again = Context(administrator);
        var reopened = again.Render<ApiClientsPage>();
        reopened.WaitForAssertion(() => Assert.Contains("ANAPEC — suivi des contrats", reopened.Markup, StringComparison.Ordinal));
        Assert.Empty(reopened.FindAll("#api-client-token"));
        Assert.DoesNotContain(token, reopened.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Incomplete_SaysWhatIsMissing_AndCreatesNothing()
    {
        using var context = Context(await portal.AdministratorAsync());
        var page = context.Render<ApiClientsPage>();
        page.WaitForElement("#api-client-name");
        var before = await CountAsync();

        page.Find("#api-client-name").Change("CNSS");
        page.Find("#api-client-contact").Change("pas une adresse");
        page.Find("form").Submit();

        var summary = page.WaitForElement(".error-summary");
        Assert.Contains("« Administration partenaire » est obligatoire.", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("n'est pas une adresse électronique valide", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("« Procédures accordées » est obligatoire.", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.Find("#api-client-contact").GetAttribute("aria-invalid"));
        Assert.Empty(page.FindAll("#api-client-token"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Renew_ThenRevoke_TheOldTokenStops_TheNewOneShownOnceThenStopsToo_AllInTheHistory()
    {
        var (client, old) = await portal.ClientAsync([ApiPortal.Procedure], name: "DGSN — visas de travail");
        using var context = Context(await portal.AdministratorAsync(), Languages.Arabic);
        var page = context.Render<ApiClientPage>(p => p.Add(c => c.Id, client.Id));
        page.WaitForElement("#api-client-renew");

        page.Find("#api-client-renew").Click();
        var renewed = page.WaitForElement("#api-client-token").TextContent;

        Assert.NotEqual(old, renewed);
        Assert.Null(await portal.WithClientsAsync(c => c.AuthenticateAsync(old)));
        Assert.NotNull(await portal.WithClientsAsync(c => c.AuthenticateAsync(renewed)));
        Assert.Equal("تم إحداث رمز جديد: لم يعد الرمز القديم صالحا.", page.Find("p.alert.success").TextContent);

        page.Find("#api-client-revoke").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#api-client-revoke")));
        Assert.Empty(page.FindAll("#api-client-token"));
        Assert.Null(await portal.WithClientsAsync(c => c.AuthenticateAsync(renewed)));
        Assert.Contains("ملغى", page.Find(".badge").TextContent, StringComparison.Ordinal);
        var history = page.FindAll(".staff-history li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, history.Count);
        Assert.Contains("ألغاه", history[0], StringComparison.Ordinal);
        Assert.Contains("جدد", history[1], StringComparison.Ordinal);
        Assert.Contains("أحدثه", history[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_Grants_AreRecordedFromTo()
    {
        var (client, _) = await portal.ClientAsync([ApiPortal.Procedure]);
        using var context = Context(await portal.AdministratorAsync());
        var page = context.Render<ApiClientPage>(p => p.Add(c => c.Id, client.Id));
        page.WaitForElement("#api-client-province-fes");

        page.Find("#api-client-province-fes").Change(true);
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("Modifications enregistrées.", page.Find("p.alert.success").TextContent));
        Assert.Equal(["fes"], (await FindAsync(client.Id)).Provinces);
        Assert.Contains("« Provinces accordées » modifié par", page.FindAll(".staff-history li")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("« — » → « Préfecture de Fès »", page.FindAll(".staff-history li")[0].TextContent, StringComparison.Ordinal);
        var created = page.FindAll(".staff-history li")[1].TextContent;
        Assert.Contains($"procédures « {portal.Filing.Definition.Title.Get("fr")} » ; provinces : Toutes ; dernier jour : Sans limite.", created, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("employer")]
    [InlineData("desk-agent", "rabat")]
    [InlineData("labour-directorate")]
    [InlineData("analyst")]
    public async Task Pages_AnyoneButAnAdministrator_GetNotFoundAndNoLink_AndTheServiceRefusesThem(string role, params string[] provinces)
    {
        var (client, _) = await portal.ClientAsync([ApiPortal.Procedure], name: "Client caché");
        var (email, actor) = await portal.AccountAsync(role, provinces);
        using var browser = await portal.SignedInAsync(email);

        foreach (var path in new[] { "/admin/api-clients", "/admin/api-clients/" + client.Id })
        {
            using var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Client caché", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain("href=\"admin/api-clients\"", await browser.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Null(await portal.WithClientsAsync(c => c.ListAsync(actor)));
        Assert.Same(ApiClientOutcome.NotAllowed, await portal.WithClientsAsync(c => c.RenewAsync(actor, client.Id)));
        Assert.Same(ApiClientOutcome.NotAllowed, await portal.WithClientsAsync(c => c.RevokeAsync(actor, client.Id)));
        Assert.Same(ApiClientOutcome.NotAllowed, await portal.WithClientsAsync(c => c.CreateAsync(actor, new ApiClientForm("x", "x", "x@example.test", [ApiPortal.Procedure], [], null))));
        Assert.Null((await FindAsync(client.Id)).RevokedAt);
    }

    [Fact]
    public async Task Page_Administrator_IsLinkedFromTheNavigation_AndAnonymousIsSentToSignIn()
    {
        var (email, _) = await portal.AccountAsync("administrator");
        using var admin = await portal.SignedInAsync(email);
        using var anonymous = portal.Anonymous();

        using var response = await anonymous.GetAsync("/admin/api-clients");

        Assert.Contains("href=\"admin/api-clients\"", await admin.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/api-clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_NotAnAdministrator_InBunit_IsNotFound()
    {
        var (_, analyst) = await portal.AccountAsync("analyst");
        using var context = Context(analyst);
        var notFound = false;
        context.Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => notFound = true;

        var page = context.Render<ApiClientsPage>();

        page.WaitForAssertion(() => Assert.True(notFound));
        Assert.Empty(page.FindAll("form"));
    }

    [Fact]
    public async Task SetWebhook_AddressInsideTheNetwork_RefusedWithTheReason_NothingRecorded()
    {
        var (client, _) = await portal.ClientAsync([ApiPortal.Procedure]);
        using var context = Context(await portal.AdministratorAsync(), Languages.English);
        var page = context.Render<ApiClientPage>(p => p.Add(c => c.Id, client.Id));
        var history = page.WaitForElement(".staff-history").TextContent;

        page.Find("#api-client-webhook").Change("https://169.254.169.254/latest/meta-data");
        page.Find("#api-client-webhook").ParentElement!.QuerySelector("button[type=submit]")!.Click();

        var summary = page.WaitForElement(".error-summary");
        Assert.Contains("leads to a loopback, link-local or private network address", summary.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#api-client-webhook-secret"));
        Assert.Equal(history, page.Find(".staff-history").TextContent);
        Assert.Null((await FindAsync(client.Id)).WebhookUrl);
    }

    private PageContext Context(Actor actor, Language? language = null) => portal.AdminPage(actor, language);

    private async Task<ApiClient> FindAsync(string id)
    {
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDb>().ApiClients.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDb>().ApiClients.CountAsync();
    }
}
