using Bunit;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Components.Layout;
using EmploymentProcedures.Host.Components.Pages.Notifying;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.MyApplications;
using EmploymentProcedures.Host.Reviewing;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Notifying;

/// <summary>The notifications page and the header's count, for an applicant and for reviewers, in French and Arabic.</summary>
[Collection(LivePortalTests.Name)]
public sealed class NotificationsPageTests(LivePortal portal)
{
    [Fact]
    public async Task Applicant_ChangesRequested_ReadsASentenceWithTheMessageMarkedNewThenSeenOnTheNextVisit()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var application = await portal.Filing.RequestChangesAsync(await portal.Filing.SubmittedAsync(applicant), "Joignez le règlement signé.", "article_count");
        using var context = new PageContext(portal, applicant);

        var page = context.Render<NotificationsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("li.notification").Count));
        var latest = page.FindAll("li.notification")[0];
        var link = latest.QuerySelector("a")!;
        Assert.Equal(ApplicantPages.DetailUrl(application.Id), link.GetAttribute("href"));
        Assert.Equal($"Votre demande {application.Reference} (Approbation du règlement intérieur)", link.TextContent);
        Assert.Contains("Des modifications vous sont demandées à l'étape « Recevabilité (direction provinciale de l'emploi) ».", latest.QuerySelector(".what")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Nouveau", latest.QuerySelector(".new-mark")!.TextContent);
        Assert.Equal("Message de l'administration", latest.QuerySelector(".label")!.TextContent);
        Assert.Equal("Joignez le règlement signé.", latest.QuerySelector("blockquote")!.TextContent);
        Assert.Contains($"Demande déposée sous la référence {application.Reference}.", page.FindAll("li.notification")[1].TextContent, StringComparison.Ordinal);

        using var again = new PageContext(portal, applicant);
        var revisit = again.Render<NotificationsPage>();
        revisit.WaitForAssertion(() => Assert.Equal(2, revisit.FindAll("li.notification").Count));
        Assert.Empty(revisit.FindAll(".new-mark"));
    }

    [Fact]
    public async Task Applicant_Arabic_ReadsTheSentenceWithTheArabicTitles()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(applicant);
        using var context = new PageContext(portal, applicant, Languages.Arabic);

        var page = context.Render<NotificationsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("li.notification")));
        Assert.Equal("الإشعارات", page.Find("h1").TextContent);
        Assert.Equal("جديد", page.Find(".new-mark").TextContent);
        var about = page.Find("li.notification a").TextContent;
        Assert.StartsWith("طلبكم " + application.Reference, about, StringComparison.Ordinal);
        Assert.Contains(portal.Filing.Definition.Title.Get("ar"), about, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/notifications", "abc")]
    [InlineData("/notifications", "99999999999")]
    [InlineData("/notifications", "2147483647")]
    [InlineData("/applications", "abc")]
    [InlineData("/applications", "2147483647")]
    public async Task Lists_OddPageNumber_IsTheFirstPageOrAnEmptyOne(string path, string number)
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(applicant);
        using var client = await portal.SignedInAsync(email);

        using var response = await client.GetAsync($"{path}?page={number}");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        // The first page for what is not a page number; a page far past the last is empty, never the first one's rows again.
        var far = number == "2147483647";
        Assert.Equal(!far, (await response.Content.ReadAsStringAsync()).Contains(submitted.Reference!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoNotification_SaysSo()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        using var context = new PageContext(portal, applicant);

        var page = context.Render<NotificationsPage>();

        page.WaitForAssertion(() => Assert.Equal("Vous n'avez aucune notification pour le moment.", page.Find("h1 + p").TextContent));
        Assert.Empty(page.FindAll("li"));
    }

    [Fact]
    public async Task DeskAgent_NewFileInTheirProvince_LinksToTheCase_AndNotToAnotherProvincesAgent()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(applicant);
        var (_, agent) = await portal.AccountAsync("desk-agent", application.Province!);
        var (_, elsewhere) = await portal.AccountAsync("desk-agent", "oujda-angad");
        using var context = new PageContext(portal, agent);
        using var other = new PageContext(portal, elsewhere);

        var page = context.Render<NotificationsPage>();
        var otherPage = other.Render<NotificationsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("li.notification")));
        var line = page.FindAll("li.notification").Single(l => l.QuerySelector("a")!.GetAttribute("href") == ReviewerPages.CaseUrl(application.Id));
        Assert.StartsWith($"Dossier {application.Reference} (", line.QuerySelector("a")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Demande déposée sous la référence {application.Reference}.", line.TextContent, StringComparison.Ordinal);
        otherPage.WaitForAssertion(() => Assert.NotNull(otherPage.Find("h1")));
        Assert.DoesNotContain(otherPage.FindAll("li.notification a"), a => a.GetAttribute("href") == ReviewerPages.CaseUrl(application.Id));
    }

    [Fact]
    public async Task HeaderLink_SaysHowManyAreNewInWords_InFrenchAndArabic_AndNothingOnTheNotificationsPage()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        await portal.Filing.RequestChangesAsync(await portal.Filing.SubmittedAsync(applicant), "Précisez.", "article_count");
        using (var french = new PageContext(portal, applicant))
        {
            var link = french.Render<NotificationsLink>(p => p.Add(l => l.Path, "/applications"));
            var here = french.Render<NotificationsLink>(p => p.Add(l => l.Path, "/notifications?page=1"));

            link.WaitForAssertion(() => Assert.Equal("2", link.Find(".count").TextContent));
            Assert.Equal("true", link.Find(".count").GetAttribute("aria-hidden"));
            Assert.Equal(", 2 nouvelles", link.Find(".visually-hidden").TextContent);
            Assert.Equal("notifications", link.Find("a").GetAttribute("href"));
            here.WaitForAssertion(() => Assert.Equal("page", here.Find("a").GetAttribute("aria-current")));
            Assert.Empty(here.FindAll(".count"));
        }

        // The UI culture is the process's: the Arabic context comes after the French one is done.
        using var arabic = new PageContext(portal, applicant, Languages.Arabic);
        var arabicLink = arabic.Render<NotificationsLink>(p => p.Add(l => l.Path, "/"));
        arabicLink.WaitForAssertion(() => Assert.Equal("، 2 جديدة", arabicLink.Find(".visually-hidden").TextContent));
        Assert.Equal("الإشعارات", arabicLink.Find("a span").TextContent);
    }

    [Fact]
    public async Task HeaderLink_OneNew_SaidInTheSingular_AndGoneOnceThePageIsSeen()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(applicant);
        using var context = new PageContext(portal, applicant);

        var link = context.Render<NotificationsLink>(p => p.Add(l => l.Path, "/applications"));
        link.WaitForAssertion(() => Assert.Equal(", 1 nouvelle", link.Find(".visually-hidden").TextContent));

        var page = context.Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".new-mark")));
        link.Render(p => p.Add(l => l.Path, ApplicantPages.DetailUrl(application.Id)));

        link.WaitForAssertion(() => Assert.Empty(link.FindAll(".count")));
        Assert.Empty(link.FindAll(".visually-hidden"));
    }

    [Fact]
    public async Task HeaderLink_MoreThanItCounts_Says99PlusInFiguresAndInWords()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(applicant);
        var agent = Filing.DeskAgent(application);
        for (var i = 0; i < Notifications.CountedUpTo; i++)
            Assert.NotNull((await portal.Applications.PostMessageAsync(application.Id, agent, $"Message {i}", [])).Value);
        using var context = new PageContext(portal, applicant);

        var link = context.Render<NotificationsLink>(p => p.Add(l => l.Path, "/applications"));

        link.WaitForAssertion(() => Assert.Equal("99+", link.Find(".count").TextContent));
        Assert.Equal(", plus de 99 nouvelles", link.Find(".visually-hidden").TextContent);
    }

    [Fact]
    public async Task Served_TheHeaderCountsOnEveryPage_AndTheNotificationsPageIsStaticAndMarksWhatItShowsSeen()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(applicant);
        using var client = await portal.SignedInAsync(email);

        var catalog = await client.GetStringAsync("/");
        var notifications = await client.GetStringAsync("/notifications");
        var after = await client.GetStringAsync("/applications");

        Assert.Contains("<span class=\"visually-hidden\">, 1 nouvelle</span>", catalog, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ApplicantPages.DetailUrl(application.Id)}\"", notifications, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\" tabindex=\"-1\">", notifications, StringComparison.Ordinal);
        Assert.Contains("class=\"new-mark\"", notifications, StringComparison.Ordinal);
        Assert.DoesNotContain("nouvelle</span>", after, StringComparison.Ordinal);
    }
}
