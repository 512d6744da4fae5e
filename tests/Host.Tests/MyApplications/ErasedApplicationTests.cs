using Bunit;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Pages.MyApplications;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using EmploymentProcedures.Host.Localization;

namespace EmploymentProcedures.Host.Tests.MyApplications;

/// <summary>An application erased at the end of its retention, as its applicant and a reviewer see it: what is left, and why the rest is gone.</summary>
[Collection(LivePortalTests.Name)]
public sealed class ErasedApplicationTests(LivePortal portal)
{
    private const string Reason = "Règlement de M. Benali non signé";

    /// <summary>A new applicant's application, rejected with a reason that names someone, then erased.</summary>
    private async Task<(Application Erased, Actor Owner)> ErasedAsync()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var rejected = await portal.Filing.RejectedAsync(await portal.Filing.SubmittedAsync(owner), Reason);
        Assert.True(await portal.Applications.EraseAsync(rejected.Id, Applications.RetentionEnded));
        return (rejected, owner);
    }

    public static TheoryData<string, string> Notices => new()
    {
        { "fr", "Données effacées le " },
        { "ar", "تم محو المعطيات بتاريخ " },
        { "en", "Data erased on " },
    };

    [Theory]
    [MemberData(nameof(Notices))]
    public async Task ApplicantPage_Erased_SaysWhenAndWhyAndShowsTheOutcomeWithoutTheData(string language, string notice)
    {
        var (erased, owner) = await ErasedAsync();
        using var context = new PageContext(portal, owner, Languages.Find(language));

        var page = context.Render<ApplicationDetail>(p => p.Add(c => c.Id, erased.Id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".erased")));
        Assert.StartsWith(notice, page.Find(".erased").TextContent, StringComparison.Ordinal);
        Assert.Contains(erased.Reference!, page.Find(".facts").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll(".facts .status"));
        Assert.NotEmpty(page.FindAll(".timeline .event-decided"));
        Assert.NotEmpty(page.FindAll(".timeline .event-erased"));
        Assert.DoesNotContain("Benali", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".files a"));
        Assert.Empty(page.FindAll("section.messages"));
        Assert.Empty(page.FindAll("#letters-title"));
        Assert.Empty(page.FindAll("a[href$='/receipt']"));
    }

    [Fact]
    public async Task ApplicationList_Erased_MarksTheLine()
    {
        var (erased, owner) = await ErasedAsync();
        using var context = new PageContext(portal, owner);

        var page = context.Render<ApplicationList>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tbody tr")));
        var line = Assert.Single(page.FindAll("tbody tr"), r => r.TextContent.Contains(erased.Reference!, StringComparison.Ordinal));
        Assert.Equal("Données effacées", line.QuerySelector(".erased")!.TextContent);
    }

    [Fact]
    public async Task CasePage_Erased_ShowsTheRecordWithoutAnswersApplicantMessagesOrLetters()
    {
        var (erased, owner) = await ErasedAsync();
        using var context = new PageContext(portal, Filing.DeskAgent(erased, "desk-" + Guid.NewGuid().ToString("N")));

        var page = context.Render<CasePage>(p => p.Add(c => c.Id, erased.Id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".erased")));
        Assert.StartsWith("Données effacées le ", page.Find(".erased").TextContent, StringComparison.Ordinal);
        Assert.Contains(erased.Reference!, page.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(owner.Name, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Benali", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".answers"));
        Assert.Empty(page.FindAll(".files a"));
        Assert.Empty(page.FindAll("input[name=decision-action]"));
        Assert.NotEmpty(page.FindAll(".timeline .event-decided"));
    }
}
