using Bunit;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Reviewing;

/// <summary>Claims from the inbox's lines: the button, the badge, the "claimed by me" filter, releasing.</summary>
[Collection(LivePortalTests.Name)]
public sealed class InboxClaimTests(LivePortal portal)
{
    [Fact]
    public async Task ClaimButton_ClaimsTheLine_WhichShowsItsBadge_AndTheMineFilterCountsIt()
    {
        var files = await InboxFiles.FileAsync(portal, inReview: 1);
        var (_, agent) = await portal.AccountAsync("desk-agent", files.Province);
        using var context = ReviewerPage.At(portal, agent, $"inbox?q={files.Word}");
        var page = context.Render<Inbox>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        // Only a file in review can be claimed: the one waiting for the applicant has no button.
        Assert.Single(page.FindAll("td.claim button"));
        Assert.Equal(["Tous", "Pris en charge par vous", "Non pris en charge (2)"], page.FindAll("input[name=claim] + label").Select(ReviewerPage.Text));

        page.Find("td.claim button").Click();

        page.WaitForAssertion(() => Assert.Equal($"Vous avez pris en charge le dossier {files.InReview[0].Reference}.", page.Find("[role=status].alert").TextContent));
        Assert.Equal("Pris en charge par vous", page.Find("td.claim .badge").TextContent);
        Assert.Equal("Libérer — " + files.InReview[0].Reference, ReviewerPage.Text(page.Find("td.claim button")));
        Assert.Equal(["Tous", "Pris en charge par vous (1)", "Non pris en charge (1)"], page.FindAll("input[name=claim] + label").Select(ReviewerPage.Text));
    }

    [Fact]
    public async Task ClaimedLine_ShowsTheColleagueWhoHoldsIt_WithNoButton_AndReleaseFreesIt()
    {
        var files = await InboxFiles.FileAsync(portal, inReview: 1);
        var (_, holder) = await portal.AccountAsync("desk-agent", files.Province);
        var (_, colleague) = await portal.AccountAsync("desk-agent", files.Province);
        Assert.True((await portal.Applications.ClaimAsync(files.InReview[0].Id, holder)).Succeeded);

        using (var context = ReviewerPage.At(portal, colleague, $"inbox?q={files.Word}&status=in_review"))
        {
            var page = context.Render<Inbox>();
            page.WaitForAssertion(() => Assert.Equal("Pris en charge par " + holder.Name, page.Find("td.claim .badge").TextContent));
            Assert.Empty(page.FindAll("td.claim button"));
        }

        using (var context = ReviewerPage.At(portal, holder, $"inbox?q={files.Word}&claim=mine"))
        {
            var page = context.Render<Inbox>();
            page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
            Assert.True(page.Find("#filter-claim-mine").HasAttribute("checked"));

            page.Find("td.claim button").Click();

            page.WaitForAssertion(() => Assert.Equal($"Vous avez libéré le dossier {files.InReview[0].Reference}.", page.Find("[role=status].alert").TextContent));
            Assert.Empty(page.FindAll("tbody tr"));
        }
    }
}
