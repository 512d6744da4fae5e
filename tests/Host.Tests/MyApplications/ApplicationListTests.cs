using Bunit;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Pages.MyApplications;
using EmploymentProcedures.Host.MyApplications;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.MyApplications;

/// <summary>"My applications": the person's own applications, each with the action that matters.</summary>
[Collection(LivePortalTests.Name)]
public sealed class ApplicationListTests(LivePortal portal)
{
    [Fact]
    public async Task NoApplication_ShowsTheEmptyStateWithALinkToTheCatalog()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        using var context = new PageContext(portal, applicant);

        var page = context.Render<ApplicationList>();

        page.WaitForAssertion(() => Assert.Equal("Vous n'avez encore aucune demande.", page.Find(".empty-state p").TextContent));
        Assert.Equal("", page.Find(".empty-state a").GetAttribute("href"));
        Assert.Empty(page.FindAll("table"));
    }

    [Fact]
    public async Task Applications_AreListedNewestFirst_EachWithItsStatusAndAction_AndNoOneElses()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var (_, other) = await portal.AccountAsync("employer");
        await portal.Filing.SubmittedAsync(other);
        var draft = await portal.Filing.DraftAsync(applicant);
        var submitted = await portal.Filing.SubmittedAsync(applicant);
        var changes = await portal.Filing.RequestChangesAsync(await portal.Filing.SubmittedAsync(applicant), "Précisez.", "article_count");
        using var context = new PageContext(portal, applicant);

        var page = context.Render<ApplicationList>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        var rows = page.FindAll("tbody tr").Select(r => (
            Status: r.QuerySelector(".status")!.TextContent,
            Reference: r.QuerySelectorAll("td")[0].TextContent.Trim(),
            Action: r.QuerySelector("td:last-child a")!.GetAttribute("href"))).ToList();
        Assert.Equal(
        [
            ("Modifications demandées", changes.Reference!, ApplicantPages.FormUrl(changes.Id)),
            ("En cours d'examen", submitted.Reference!, ApplicantPages.DetailUrl(submitted.Id)),
            ("Brouillon", "Brouillon", ApplicantPages.FormUrl(draft.Id)),
        ], rows);
        Assert.Equal("Délai suspendu", page.FindAll("tbody tr")[0].QuerySelector(".deadline")!.TextContent);
        Assert.StartsWith("Recevabilité", page.FindAll("tbody tr")[1].QuerySelectorAll("td")[3].TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".pagination"));
    }

    [Fact]
    public async Task MoreThanAPage_IsPaginated_FiftyAPage()
    {
        var (_, applicant) = await ApplicantWithDraftsAsync(Applications.PageSize + 1);
        using var context = new PageContext(portal, applicant);

        var page = context.Render<ApplicationList>();
        page.WaitForAssertion(() => Assert.Equal(Applications.PageSize, page.FindAll("tbody tr").Count));
        Assert.Equal(["applications?page=2"], page.FindAll(".pagination a").Select(a => a.GetAttribute("href")));

        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("page", 2));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
        Assert.Equal(["applications"], page.FindAll(".pagination a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Page 2", page.Find(".pagination [aria-current=page]").TextContent);
    }

    [Fact]
    public async Task ExactlyAPage_OffersNoNextPage()
    {
        var (_, applicant) = await ApplicantWithDraftsAsync(Applications.PageSize);
        using var context = new PageContext(portal, applicant);

        var page = context.Render<ApplicationList>();

        page.WaitForAssertion(() => Assert.Equal(Applications.PageSize, page.FindAll("tbody tr").Count));
        Assert.Empty(page.FindAll(".pagination"));
    }

    private async Task<(string Email, Actor Actor)> ApplicantWithDraftsAsync(int count)
    {
        var account = await portal.AccountAsync("employer");
        for (var i = 0; i < count; i++)
            Assert.True((await portal.Applications.StartAsync(Filing.Procedure, account.Actor)).Succeeded);
        return account;
    }

    [Fact]
    public async Task Reviewer_IsToldThePageIsForApplicants()
    {
        var (_, reviewer) = await portal.AccountAsync("desk-agent", "casablanca");
        using var context = new PageContext(portal, reviewer);

        var page = context.Render<ApplicationList>();

        page.WaitForAssertion(() => Assert.Contains("comptes de demandeurs", page.Find("main, p").TextContent, StringComparison.Ordinal));
    }
}
