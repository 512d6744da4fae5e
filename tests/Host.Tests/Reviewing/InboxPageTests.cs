using Bunit;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Reviewing;

/// <summary>The reviewer's inbox page: filters from the address, the engine's counts beside each value, the lines.</summary>
[Collection(LivePortalTests.Name)]
public sealed class InboxPageTests(LivePortal portal)
{
    [Fact]
    public async Task Search_ShowsTheMatchingFiles_WithTheirCountsPerStatus()
    {
        var files = await InboxFiles.FileAsync(portal);
        var (_, agent) = await portal.AccountAsync("desk-agent", files.Province);
        using var context = ReviewerPage.At(portal, agent, $"inbox?q={files.Word}");

        var page = context.Render<Inbox>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        Assert.Equal("3 dossiers", page.Find(".inbox-total").TextContent);
        Assert.Equal(files.All.Select(a => a.Reference).Order(), page.FindAll("tbody th a").Select(a => a.TextContent).Order());
        Assert.Equal(files.All.Select(a => "cases/" + a.Id).Order(), page.FindAll("tbody th a").Select(a => a.GetAttribute("href")).Order());
        Assert.Equal(["En cours d'examen (2)", "Modifications demandées (1)"], Labels(page, "status"));
        Assert.Equal(files.Word, page.Find("#inbox-search").GetAttribute("value"));
        Assert.Equal($"inbox/export.csv?q={files.Word}", page.Find(".exports a").GetAttribute("href"));
    }

    [Fact]
    public async Task StatusFilter_KeepsItsLines_AndStillCountsTheOtherStatus()
    {
        var files = await InboxFiles.FileAsync(portal);
        var (_, agent) = await portal.AccountAsync("desk-agent", files.Province);
        using var context = ReviewerPage.At(portal, agent, $"inbox?q={files.Word}&status=changes_requested");

        var page = context.Render<Inbox>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
        Assert.Equal(files.ChangesRequested.Reference, page.Find("tbody th a").TextContent);
        Assert.Equal("Délai suspendu", page.Find("tbody .deadline").TextContent);
        // The status panel counts with every filter but its own: choosing "in review" instead would give 2.
        Assert.Equal(["En cours d'examen (2)", "Modifications demandées (1)"], Labels(page, "status"));
        Assert.Equal(["changes_requested"], page.FindAll("input[name=status][checked]").Select(i => i.GetAttribute("value")));
        // Every other panel counts what this filter leaves: the one file.
        Assert.All(page.FindAll("input[name=procedure] + label .count"), c => Assert.Equal("(1)", c.TextContent));
        Assert.Equal(["1 dossier"], page.FindAll(".inbox-total").Select(p => p.TextContent));
    }

    [Fact]
    public async Task ReviewerOfAnotherProvince_SeesNoneOfTheFiles()
    {
        var files = await InboxFiles.FileAsync(portal, inReview: 1);
        var (_, agent) = await portal.AccountAsync("desk-agent", files.OtherProvince);
        using var context = ReviewerPage.At(portal, agent, $"inbox?q={files.Word}");

        var page = context.Render<Inbox>();

        page.WaitForAssertion(() => Assert.Equal("Aucun dossier ne correspond à ces critères.", page.Find(".empty-state").TextContent));
        Assert.Empty(page.FindAll("table"));
        Assert.Empty(page.FindAll(".exports"));
    }

    [Fact]
    public async Task Arabic_ShowsTheCountsAndLabelsInArabic()
    {
        var files = await InboxFiles.FileAsync(portal, inReview: 1);
        var (_, agent) = await portal.AccountAsync("desk-agent", files.Province);
        using var context = ReviewerPage.At(portal, agent, $"inbox?q={files.Word}&status=in_review", Languages.Arabic);

        var page = context.Render<Inbox>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
        Assert.Equal("ملف واحد", page.Find(".inbox-total").TextContent);
        Assert.Contains("الوضعية", page.FindAll(".facet legend").Select(l => l.TextContent));
        Assert.Equal(["in_review"], page.FindAll("input[name=status][checked]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task PageLinks_KeepTheFilter()
    {
        var files = await InboxFiles.FileAsync(portal, inReview: 1);
        var (_, agent) = await portal.AccountAsync("desk-agent", files.Province);
        using var context = ReviewerPage.At(portal, agent, $"inbox?q={files.Word}&order=newest&page=3");

        var page = context.Render<Inbox>();

        // Page 3 of a single page: told it is empty, with the way back, the filter kept in every link.
        page.WaitForAssertion(() => Assert.Contains("première page", page.Find(".empty-state").TextContent, StringComparison.Ordinal));
        Assert.Equal("newest", page.Find("#inbox-order option[selected]").GetAttribute("value"));
        Assert.Equal($"inbox/export.xlsx?q={files.Word}&order=newest", page.FindAll(".exports a")[1].GetAttribute("href"));
    }

    private static List<string> Labels(IRenderedComponent<Inbox> page, string name) =>
        page.FindAll($"input[name={name}] + label").Select(ReviewerPage.Text).ToList();
}
