using Bunit;
using EmploymentProcedures.Host.Reviewing;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Reviewing;

/// <summary>Labels and "new message" on the case page (a named group of checkboxes) and on the inbox (chips, the filter and its counts).</summary>
[Collection(LivePortalTests.Name)]
public sealed class LabelTests(LivePortal portal)
{
    [Fact]
    public async Task CasePage_TickingALabel_PutsItOnTheFileAndInTheHeader_UntickingTakesItOff()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(owner);
        var agent = Filing.DeskAgent(submitted, "desk-" + Guid.NewGuid().ToString("N"));
        using var context = new PageContext(portal, agent);
        var page = context.Render<CasePage>(p => p.Add(c => c.Id, submitted.Id));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("fieldset.labels input[type=checkbox]").Count));

        Assert.Equal("Étiquettes", page.Find("fieldset.labels legend").TextContent);
        Assert.Equal(["Dossier prioritaire", "Clause à vérifier", "Avis des délégués à obtenir"], page.FindAll("fieldset.labels label").Select(ReviewerPage.Text));
        Assert.Equal("label-priority", page.Find("fieldset.labels label").GetAttribute("for"));
        Assert.Empty(page.FindAll(".case-marks .label-chip"));

        page.Find("#label-clause-to-check").Change(true);

        page.WaitForAssertion(() => Assert.Equal("Étiquette « Clause à vérifier » ajoutée.", page.Find(".label-panel [role=status]").TextContent));
        Assert.Equal(["Clause à vérifier"], page.FindAll(".case-marks .label-chip").Select(ReviewerPage.Text));
        Assert.Contains("label-yellow", page.Find(".case-marks .label-chip").ClassList);
        Assert.True(page.Find("#label-clause-to-check").HasAttribute("checked"));
        Assert.Equal(["clause-to-check"], (await portal.Applications.LabelsAsync(submitted.Id, agent)).Value!.On);

        page.Find("#label-clause-to-check").Change(false);

        page.WaitForAssertion(() => Assert.Equal("Étiquette « Clause à vérifier » retirée.", page.Find(".label-panel [role=status]").TextContent));
        Assert.Empty(page.FindAll(".case-marks .label-chip"));
    }

    [Fact]
    public async Task CasePage_ApplicantWroteLast_SaysNewMessageAndNoReplyNeededClearsIt()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(owner);
        Assert.True((await portal.Applications.PostMessageAsync(submitted.Id, owner, "Avez-vous reçu le règlement ?", [])).Succeeded);
        using var context = new PageContext(portal, Filing.DeskAgent(submitted, "desk-" + Guid.NewGuid().ToString("N")), Languages.Arabic);
        var page = context.Render<CasePage>(p => p.Add(c => c.Id, submitted.Id));
        page.WaitForAssertion(() => Assert.Equal("رسالة جديدة", page.Find(".case-marks .badge.new-message").TextContent));

        page.Find(".label-panel button").Click();

        page.WaitForAssertion(() => Assert.Equal("تم تسجيل أن آخر رسالة لصاحب الطلب لا تحتاج إلى رد.", page.Find(".label-panel [role=status]").TextContent));
        Assert.Empty(page.FindAll(".badge.new-message"));
    }

    [Fact]
    public async Task Inbox_LabelledFileAndOneAwaitingAReply_ShowChipsAndMarkAndFilterWithCounts()
    {
        var files = await InboxFiles.FileAsync(portal, inReview: 2);
        var (_, agent) = await portal.AccountAsync("desk-agent", files.Province);
        var (labelled, written) = (files.InReview[0], files.InReview[1]);
        Assert.True((await portal.Applications.SetLabelAsync(labelled.Id, agent, "priority", on: true)).Succeeded);
        Assert.True((await portal.Applications.PostMessageAsync(written.Id, Actor.Applicant(written.OwnerId, written.ApplicantName), "Une question.", [])).Succeeded);

        using (var context = ReviewerPage.At(portal, agent, $"inbox?q={files.Word}"))
        {
            var page = context.Render<Inbox>();
            page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
            var rows = page.FindAll("tbody tr");
            var labelledRow = rows.Single(r => r.TextContent.Contains(labelled.Reference!, StringComparison.Ordinal));
            var writtenRow = rows.Single(r => r.TextContent.Contains(written.Reference!, StringComparison.Ordinal));
            Assert.Equal(["Dossier prioritaire"], labelledRow.QuerySelectorAll(".label-chip").Select(ReviewerPage.Text));
            Assert.Equal("Étiquettes", labelledRow.QuerySelector("ul.label-chips")!.GetAttribute("aria-label"));
            Assert.Equal("Nouveau message", writtenRow.QuerySelector(".badge.new-message")!.TextContent);
            Assert.Null(labelledRow.QuerySelector(".badge.new-message"));
            Assert.Equal(["Dossier prioritaire (1)"], page.FindAll("input[name=label] + label").Select(ReviewerPage.Text));
            Assert.Equal("Le demandeur attend une réponse (1)", ReviewerPage.Text(page.Find("#filter-reply + label")));
        }

        using (var context = ReviewerPage.At(portal, agent, $"inbox?q={files.Word}&label=priority"))
        {
            var page = context.Render<Inbox>();
            page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
            Assert.Contains(labelled.Reference!, page.Find("tbody tr").TextContent, StringComparison.Ordinal);
            Assert.True(page.Find("input[name=label]").HasAttribute("checked"));
            Assert.Contains("label=priority", page.Find("a[href*='export.csv']").GetAttribute("href"), StringComparison.Ordinal);
        }

        using (var context = ReviewerPage.At(portal, agent, $"inbox?q={files.Word}&reply=awaiting", Languages.Arabic))
        {
            var page = context.Render<Inbox>();
            page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
            Assert.Equal("رسالة جديدة", page.Find("tbody tr .badge.new-message").TextContent);
            // The labels' counts apply the other filters: the labelled file awaits no reply, so no label is offered here.
            Assert.Empty(page.FindAll("input[name=label]"));
        }
    }

    [Fact]
    public void InboxAddress_LabelsAndAwaitingReply_RoundTripThroughTheQueryString()
    {
        var address = InboxAddress.Parse("?label=priority&label=site-visit&reply=awaiting&reply=nonsense");

        Assert.Equal(["priority", "site-visit"], address.Filter.Labels);
        Assert.True(address.Filter.AwaitingReply);
        Assert.True(address.Narrows);
        Assert.Equal("?label=priority&label=site-visit&reply=awaiting", address.Query());
        Assert.False(InboxAddress.Parse("?reply=yes").Filter.AwaitingReply);
    }
}
