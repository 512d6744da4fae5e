using Bunit;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Reviewing;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Reviewing;

/// <summary>Acting on several lines of the inbox at once: the selection bar, the actions it offers, the confirmation and the summary.</summary>
[Collection(LivePortalTests.Name)]
public sealed class InboxBatchTests(LivePortal portal)
{
    /// <summary>A declaration whose labour inspector acknowledges it, with only an optional field at that step.</summary>
    private const string Declaration = "lost-hours-recovery-notification";

    /// <summary>Two files in review and one waiting for the applicant's changes, in the inbox of a desk agent of their province, searched to them alone.</summary>
    private async Task<(InboxFiles Files, Actor Agent, PageContext Context, IRenderedComponent<Inbox> Page)> AgentsInboxAsync()
    {
        var files = await InboxFiles.FileAsync(portal, inReview: 2);
        var (_, agent) = await portal.AccountAsync("desk-agent", files.Province);
        var context = ReviewerPage.At(portal, agent, $"inbox?q={files.Word}");
        var page = context.Render<Inbox>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        return (files, agent, context, page);
    }

    [Fact]
    public async Task SelectionBar_TickingLines_CountsThemAndOffersOnlyTheActionsPermittedOnOne()
    {
        var (files, _, context, page) = await AgentsInboxAsync();
        using var owned = context;
        Assert.Equal("Cochez des dossiers de cette page pour agir sur plusieurs à la fois.", page.Find(".batch-bar .hint").TextContent);
        // Each line's box is named by its reference, read by a screen reader as the line's own.
        Assert.Equal(files.InReview.Select(f => f.Reference).Order(),
            page.FindAll("tbody td.select input").Select(i => i.GetAttribute("aria-label")).Where(r => r != files.ChangesRequested.Reference).Order());

        page.FindAll("tbody td.select input")[0].Change(true);

        page.WaitForAssertion(() => Assert.Equal("1 dossier sélectionné", page.Find(".batch-count").TextContent));
        Assert.False(page.Find("#inbox-select-all").HasAttribute("checked"));

        page.Find("#inbox-select-all").Change(true);

        page.WaitForAssertion(() => Assert.Equal("3 dossiers sélectionnés", page.Find(".batch-count").TextContent));
        // The reception approves, requests changes or rejects: only approving is taken in batch; no line is claimed, so none is released.
        // Every ticked file may receive a message. The procedure declares labels: one may be added to, or removed from, every ticked line.
        Assert.Equal(["Prendre en charge", "Approuver", "Écrire aux demandeurs", "Ajouter une étiquette", "Retirer une étiquette"], page.FindAll(".batch-bar button").Select(b => b.TextContent));
        Assert.All(page.FindAll("tbody td.select input"), i => Assert.True(i.HasAttribute("checked")));

        page.Find("#inbox-select-all").Change(false);

        page.WaitForAssertion(() => Assert.NotNull(page.Find(".batch-bar .hint")));
        Assert.Empty(page.FindAll(".batch-bar button"));
    }

    [Fact]
    public async Task Dialog_ListsWhatItCannotActOn_EscapeClosesIt_AndConfirmingShowsTheSummaryWithTheRefusedLinked()
    {
        var (files, agent, context, page) = await AgentsInboxAsync();
        using var owned = context;
        page.Find("#inbox-select-all").Change(true);
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll(".batch-bar button").Count));

        page.Find(".batch-bar button[data-action=Approve]").Click();

        var dialog = page.Find("[role=dialog]");
        Assert.Equal("true", dialog.GetAttribute("aria-modal"));
        Assert.Equal("Confirmer : Approuver", page.Find("#batch-dialog-title").TextContent);
        Assert.Equal("L'action portera sur 2 dossiers.", page.Find("#batch-dialog-count").TextContent);
        Assert.Equal("1 dossier ne sera pas traité :", page.Find("#batch-dialog-refused").TextContent);
        var refused = ReviewerPage.Text(page.Find(".batch-refused li"));
        Assert.StartsWith(files.ChangesRequested.Reference + " — ", refused, StringComparison.Ordinal);
        // The rest of the page cannot be reached while the confirmation is open, and focus moved into it.
        Assert.True(page.Find("table").Closest(".table-scroll")!.HasAttribute("inert"));
        Assert.True(page.Find("form.inbox-filters").HasAttribute("inert"));
        Assert.Contains(context.JSInterop.Invocations, i => i.Identifier == "Blazor._internal.domWrapper.focus");

        dialog.KeyDown(new KeyboardEventArgs { Key = "Escape" });

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[role=dialog]")));
        Assert.False(page.Find("form.inbox-filters").HasAttribute("inert"));
        foreach (var file in files.InReview)
            Assert.Equal(ApplicationStatus.InReview, (await portal.Applications.GetAsync(file.Id, agent)).Value!.Status);

        page.Find(".batch-bar button[data-action=Approve]").Click();
        page.Find("#batch-comment").Change("Dossiers recevables.");
        page.Find("[role=dialog] button.primary").Click();

        page.WaitForAssertion(() => Assert.Equal("2 dossiers approuvés ; 1 non traité :", page.Find(".batch-summary[role=status] p").TextContent));
        Assert.Empty(page.FindAll("[role=dialog]"));
        var link = page.Find(".batch-summary li a");
        Assert.Equal((files.ChangesRequested.Reference, ReviewerPages.CaseUrl(files.ChangesRequested.Id)), (link.TextContent, link.GetAttribute("href")));
        Assert.Equal(refused, ReviewerPage.Text(page.Find(".batch-summary li")));
        // The approved files moved on to the inspector: the agent's page keeps the one waiting for the applicant, unticked.
        Assert.Equal([files.ChangesRequested.Reference], page.FindAll("tbody th a").Select(a => a.TextContent));
        Assert.False(page.Find("tbody td.select input").HasAttribute("checked"));
        foreach (var file in files.InReview)
        {
            var history = (await portal.Applications.HistoryAsync(file.Id, agent)).Value!;
            Assert.Contains(history, h => h.Kind == WorkflowEvents.StepApproved && h.Comment == "Dossiers recevables.");
        }
    }

    [Fact]
    public async Task Claim_TheWholePage_ClaimsWhatItMay_ThenOffersReleaseInsteadOfClaim()
    {
        var (files, _, context, page) = await AgentsInboxAsync();
        using var owned = context;
        page.Find("#inbox-select-all").Change(true);
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll(".batch-bar button").Count));

        page.Find(".batch-bar button[data-action=Claim]").Click();
        Assert.Equal("L'action portera sur 2 dossiers.", page.Find("#batch-dialog-count").TextContent);
        // A claim has no comment: it tells colleagues, not the applicant.
        Assert.Empty(page.FindAll("#batch-comment"));
        page.Find("[role=dialog] button.primary").Click();

        page.WaitForAssertion(() => Assert.Equal("2 dossiers pris en charge ; 1 non traité :", page.Find(".batch-summary p").TextContent));
        Assert.Equal(files.ChangesRequested.Reference, page.Find(".batch-summary li a").TextContent);
        Assert.Equal(2, page.FindAll("td.claim .badge.mine").Count);

        page.Find("#inbox-select-all").Change(true);

        page.WaitForAssertion(() => Assert.Equal(["Libérer", "Approuver", "Écrire aux demandeurs", "Ajouter une étiquette", "Retirer une étiquette"], page.FindAll(".batch-bar button").Select(b => b.TextContent)));
    }

    [Fact]
    public async Task Acknowledge_ThreeDeclarationsInArabic_TheSummarySaysItInItsCountedForm()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        var filing = new Filing(portal.Applications, portal.Portal.App.Services.GetRequiredService<ProcedureCatalog>().Definitions[Declaration]);
        var declarations = new List<Application>();
        for (var i = 0; i < 3; i++)
            declarations.Add(await filing.ReceivedAsync(await filing.SubmittedAsync(Actor.Applicant($"employer-{word}-{i}", "Atlas " + word))));
        var (_, inspector) = await portal.AccountAsync("labour-inspector", declarations[0].Province!);
        using var context = ReviewerPage.At(portal, inspector, $"inbox?q={word}", Languages.Arabic);
        var page = context.Render<Inbox>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        page.Find("#inbox-select-all").Change(true);
        page.WaitForAssertion(() => Assert.Equal("3 ملفات محددة", page.Find(".batch-count").TextContent));
        // The declaration declares no label: adding or removing one is not offered.
        Assert.Equal(["التكفل بالملف", "الإشعار بالتوصل", "مراسلة أصحاب الطلبات"], page.FindAll(".batch-bar button").Select(b => b.TextContent));

        page.Find(".batch-bar button[data-action=Acknowledge]").Click();
        Assert.Equal("سيشمل هذا الإجراء 3 ملفات.", page.Find("#batch-dialog-count").TextContent);
        Assert.Empty(page.FindAll(".batch-refused"));
        page.Find("[role=dialog] button.primary").Click();

        page.WaitForAssertion(() => Assert.Equal("تم الإشعار بالتوصل بـ3 ملفات.", page.Find(".batch-summary[role=status] p").TextContent));
        Assert.Empty(page.FindAll("tbody tr"));
        foreach (var declaration in declarations)
            Assert.Equal(ApplicationStatus.Acknowledged, (await portal.Applications.GetAsync(declaration.Id, inspector)).Value!.Status);
    }

    [Fact]
    public async Task AddLabel_FilesOfTwoProcedures_ListsTheOneWhoseProcedureLacksIt_AndLabelsTheOthers()
    {
        var files = await InboxFiles.FileAsync(portal, inReview: 2);
        // A declaration of the same applicant and province: its procedure declares no label.
        var filing = new Filing(portal.Applications, portal.Portal.App.Services.GetRequiredService<ProcedureCatalog>().Definitions[Declaration]);
        var declaration = await filing.SubmittedAsync(Actor.Applicant("employer-" + files.Word, "Atlas " + files.Word), change: a => Filing.InProvince(a, files.Province));
        var (_, agent) = await portal.AccountAsync("desk-agent", files.Province);
        using var context = ReviewerPage.At(portal, agent, $"inbox?q={files.Word}");
        var page = context.Render<Inbox>();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr").Count));
        page.Find("#inbox-select-all").Change(true);
        page.WaitForAssertion(() => Assert.Equal("4 dossiers sélectionnés", page.Find(".batch-count").TextContent));

        page.Find(".batch-bar button[data-action=AddLabel]").Click();

        Assert.Equal("Confirmer : Ajouter une étiquette", page.Find("#batch-dialog-title").TextContent);
        // The choice is a select named by its label, offering the labels the ticked files' procedures declare.
        Assert.Equal(("Étiquette", "batch-label"), (page.Find("[role=dialog] label").TextContent, page.Find("[role=dialog] label").GetAttribute("for")));
        Assert.Equal(["priority", "clause-to-check", "delegates-opinion"], page.FindAll("#batch-label option").Select(o => o.GetAttribute("value")));
        Assert.Equal("Dossier prioritaire", page.Find("#batch-label option").TextContent);
        Assert.Equal("L'action portera sur 3 dossiers.", page.Find("#batch-dialog-count").TextContent);
        Assert.Equal(declaration.Reference + " — La procédure de ce dossier n'a pas l'étiquette « Dossier prioritaire ».", ReviewerPage.Text(page.Find(".batch-refused li")));

        page.Find("#batch-label").Change("clause-to-check");

        Assert.Equal(declaration.Reference + " — La procédure de ce dossier n'a pas l'étiquette « Clause à vérifier ».", ReviewerPage.Text(page.Find(".batch-refused li")));
        Assert.Empty(await LabelledAsync(files.All, agent));
        page.Find("[role=dialog] button.primary").Click();

        page.WaitForAssertion(() => Assert.Equal("Étiquette « Clause à vérifier » ajoutée à 3 dossiers ; 1 non traité :", page.Find(".batch-summary[role=status] p").TextContent));
        var link = page.Find(".batch-summary li a");
        Assert.Equal((declaration.Reference, ReviewerPages.CaseUrl(declaration.Id)), (link.TextContent, link.GetAttribute("href")));
        Assert.Equal(files.All.Select(f => f.Id).Order(), (await LabelledAsync(files.All, agent)).Order());
        Assert.Equal(3, page.FindAll("tbody .label-chip").Count(c => ReviewerPage.Text(c) == "Clause à vérifier"));
        // The declaration was refused, audited, and carries nothing.
        Assert.Empty((await portal.Applications.LabelsAsync(declaration.Id, agent)).Value!.On);

        async Task<List<Guid>> LabelledAsync(IEnumerable<Application> all, Actor reader)
        {
            var labelled = new List<Guid>();
            foreach (var file in all)
            {
                if ((await portal.Applications.LabelsAsync(file.Id, reader)).Value!.On.Contains("clause-to-check"))
                    labelled.Add(file.Id);
            }
            return labelled;
        }
    }

    [Fact]
    public async Task RemoveLabel_InArabic_TakesTheChosenLabelOffEveryTickedFile_AndLeavesTheOthers()
    {
        var files = await InboxFiles.FileAsync(portal, inReview: 2);
        var (_, agent) = await portal.AccountAsync("desk-agent", files.Province);
        foreach (var file in files.InReview)
        {
            Assert.True((await portal.Applications.SetLabelAsync(file.Id, agent, "priority", on: true)).Succeeded);
            Assert.True((await portal.Applications.SetLabelAsync(file.Id, agent, "delegates-opinion", on: true)).Succeeded);
        }
        using var context = ReviewerPage.At(portal, agent, $"inbox?q={files.Word}", Languages.Arabic);
        var page = context.Render<Inbox>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        page.Find("#inbox-select-all").Change(true);
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll(".batch-bar button").Count));

        page.Find(".batch-bar button[data-action=RemoveLabel]").Click();

        Assert.Equal("تأكيد: إزالة وسم", page.Find("#batch-dialog-title").TextContent);
        Assert.Equal("الوسم", page.Find("[role=dialog] label[for=batch-label]").TextContent);
        Assert.Equal(["ملف ذو أولوية", "بند يتعين التحقق منه", "رأي مندوبي الأجراء يتعين الحصول عليه"], page.FindAll("#batch-label option").Select(o => o.TextContent));
        // Taking off a label a file does not carry does nothing and refuses nothing.
        Assert.Empty(page.FindAll(".batch-refused"));
        page.Find("[role=dialog] button.primary").Click();

        page.WaitForAssertion(() => Assert.Equal("أزيل الوسم «ملف ذو أولوية» من 3 ملفات.", page.Find(".batch-summary[role=status] p").TextContent));
        foreach (var file in files.InReview)
            Assert.Equal(["delegates-opinion"], (await portal.Applications.LabelsAsync(file.Id, agent)).Value!.On);
        Assert.Equal(2, page.FindAll("tbody .label-chip").Count);
    }

    [Theory]
    [InlineData("fr", 12, 2, "12 dossiers accusés réception ; 2 non traités :")]
    [InlineData("fr", 1, 0, "1 dossier accusé réception.")]
    [InlineData("ar", 2, 1, "تم الإشعار بالتوصل بملفين؛ ملف واحد لم يعالج:")]
    [InlineData("ar", 11, 3, "تم الإشعار بالتوصل بـ11 ملفا؛ 3 ملفات لم تعالج:")]
    [InlineData("ar", 100, 0, "تم الإشعار بالتوصل بـ100 ملف.")]
    [InlineData("en", 1, 2, "1 file acknowledged; 2 not done:")]
    public void Summary_Counts_SayEachInItsLanguagesForm(string language, int done, int refused, string expected)
    {
        var busy = new Refusal(RefusalCodes.Busy, LocalizedText.Of("occupé", "مشغول", "busy"));
        var lines = Enumerable.Range(0, done).Select(i => new BatchLine(Guid.NewGuid(), $"REF-{i}", null))
            .Concat(Enumerable.Range(0, refused).Select(i => new BatchLine(Guid.NewGuid(), $"BUSY-{i}", busy)))
            .ToList();
        using var context = new PageContext(portal, TestReviewer, Languages.Find(language));

        var summary = context.Render<BatchSummary>(p => p.Add(s => s.Result, new BatchResult(BatchAction.Acknowledge, lines)));

        Assert.Equal(expected, summary.Find("[role=status] p").TextContent);
        Assert.Equal(refused, summary.FindAll("li a").Count);
    }

    private static readonly Actor TestReviewer = Actor.Reviewer("batch-summary", "Agent", "desk-agent", "casablanca");
}
