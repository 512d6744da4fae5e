using Bunit;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Reviewing;

/// <summary>What the case page exchanges besides the decision: who works on the file.</summary>
[Collection(LivePortalTests.Name)]
public sealed class CaseExchangeTests(LivePortal portal)
{
    private Applications Service => portal.Portal.App.Services.GetRequiredService<Applications>();

    private async Task<(Application Submitted, Actor Owner, Actor Agent)> SubmittedAsync()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(owner);
        return (submitted, owner, Filing.DeskAgent(submitted, "desk-" + Guid.NewGuid().ToString("N")));
    }

    private static IRenderedComponent<CasePage> Open(PageContext context, Guid id)
    {
        var page = context.Render<CasePage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("input[name=decision-action]")));
        return page;
    }

    [Fact]
    public async Task Claim_TakenThenReleased_TheHeaderSaysWhoWorksOnTheFile()
    {
        var (submitted, _, agent) = await SubmittedAsync();
        using var context = new PageContext(portal, agent);
        var page = Open(context, submitted.Id);
        Assert.Equal("Personne ne traite ce dossier pour le moment.", page.Find(".claims dd p").TextContent);

        page.Find(".claims button").Click();

        page.WaitForAssertion(() => Assert.StartsWith(agent.Name + " (Agent du guichet)", page.Find(".claims li").TextContent, StringComparison.Ordinal));
        Assert.Equal(agent.UserId, Assert.Single((await Service.ClaimsAsync(submitted.Id, agent)).Value!).UserId);
        Assert.Equal("Libérer le dossier", page.Find(".claims button").TextContent);

        page.Find(".claims button").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".claims li")));
        Assert.Empty((await Service.ClaimsAsync(submitted.Id, agent)).Value!);
    }
}
