using Bunit;
using EmploymentProcedures.Host.Components.Pages.MyApplications;
using EmploymentProcedures.Host.MyApplications;

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
    public async Task Reviewer_IsToldThePageIsForApplicants()
    {
        var (_, reviewer) = await portal.AccountAsync("desk-agent", "casablanca");
        using var context = new PageContext(portal, reviewer);

        var page = context.Render<ApplicationList>();

        page.WaitForAssertion(() => Assert.Contains("comptes de demandeurs", page.Find("main, p").TextContent, StringComparison.Ordinal));
    }
}
