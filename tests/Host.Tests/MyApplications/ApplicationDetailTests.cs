using System.Globalization;
using Bunit;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Pages.MyApplications;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.MyApplications;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.MyApplications;

/// <summary>One application's page: what it shows at each status, and only the actions the workflow permits.</summary>
[Collection(LivePortalTests.Name)]
public sealed class ApplicationDetailTests(LivePortal portal)
{
    /// <summary>A new applicant's application, made by <paramref name="make"/>, and its page as they see it.</summary>
    private async Task<OwnPage> OwnPageAsync(Func<Filing, Actor, Task<Application>> make, Language? language = null)
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var application = await make(portal.Filing, owner);
        var context = new PageContext(portal, owner, language);
        return new OwnPage(context, context.Render<ApplicationDetail>(p => p.Add(c => c.Id, application.Id)), application, owner);
    }

    private sealed record OwnPage(PageContext Context, IRenderedComponent<ApplicationDetail> Page, Application Application, Actor Owner) : IDisposable
    {
        public void Dispose() => Context.Dispose();
    }

    private static string[] Actions(IRenderedComponent<ApplicationDetail> page) =>
        page.FindAll(".actions a, .actions button").Select(e => e.TextContent.Trim()).ToArray();

    [Fact]
    public async Task Draft_OffersToContinueTheDraft_AndNothingElse()
    {
        using var own = await OwnPageAsync((filing, owner) => filing.DraftAsync(owner));
        var (page, draft) = (own.Page, own.Application);

        page.WaitForAssertion(() => Assert.Equal(["Continuer le brouillon"], Actions(page)));
        Assert.Equal(ApplicantPages.FormUrl(draft.Id), page.Find(".actions a").GetAttribute("href"));
        Assert.Equal("Brouillon", page.Find(".facts .status").TextContent);
        Assert.Contains("Pas encore déposée", page.Find(".facts").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Brouillon commencé."], page.FindAll(".timeline .what").Select(e => e.TextContent));
    }

    [Fact]
    public async Task InReview_OffersWithdrawal_ShowsTheTimelineDeadlineAndDownloads()
    {
        using var own = await OwnPageAsync((filing, owner) => filing.SubmittedAsync(owner));
        var (page, submitted) = (own.Page, own.Application);

        page.WaitForAssertion(() => Assert.Equal(["Retirer la demande"], Actions(page)));
        Assert.Equal("En cours d'examen", page.Find(".facts .status").TextContent);
        var events = page.FindAll(".timeline .what").Select(e => e.TextContent).ToList();
        Assert.Equal("Brouillon commencé.", events[0]);
        Assert.Contains($"Demande déposée sous la référence {submitted.Reference}.", events);
        Assert.Contains(events, e => e.StartsWith("La demande passe à l'étape « Recevabilité", StringComparison.Ordinal));
        Assert.Contains("Décision attendue au plus tard le", page.Find(".facts").TextContent, StringComparison.Ordinal);
        var links = page.FindAll(".files a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(submitted.Documents.Select(d => ApplicationFiles.Url(submitted.Id, d)), links);
        Assert.Equal(ApplicantPages.ReceiptUrl(submitted.Id), page.Find("a[href$='/receipt']").GetAttribute("href"));
    }

    [Fact]
    public async Task Submitted_OffersTheWholeFileAsOneDownload_ADraftDoesNot()
    {
        using var own = await OwnPageAsync((filing, owner) => filing.SubmittedAsync(owner));
        using var draft = await OwnPageAsync((filing, owner) => filing.DraftAsync(owner));

        own.Page.WaitForAssertion(() => Assert.NotEmpty(own.Page.FindAll(".dossier-download a")));
        var link = own.Page.Find(".dossier-download a");
        Assert.Equal(ApplicationDossier.Url(own.Application.Id), link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
        Assert.Equal("Télécharger le dossier complet (ZIP)", link.TextContent);
        Assert.DoesNotContain("journal", own.Page.Find(".dossier-download").TextContent, StringComparison.Ordinal);
        draft.Page.WaitForAssertion(() => Assert.NotEmpty(draft.Page.FindAll(".timeline")));
        Assert.Empty(draft.Page.FindAll(".dossier-download"));
    }

    [Fact]
    public async Task ChangesRequested_ShowsTheRequestItsMessageAndItems_AndOffersToAnswerOrWithdraw()
    {
        using var own = await OwnPageAsync(async (filing, owner) =>
            await filing.RequestChangesAsync(await filing.SubmittedAsync(owner), "Joignez la version signée du projet.", "draft_regulations", "article_count"));
        var page = own.Page;

        page.WaitForAssertion(() => Assert.Equal(["Répondre à la demande de modifications", "Retirer la demande"], Actions(page)));
        var request = page.Find(".changes-request");
        Assert.Equal("Joignez la version signée du projet.", request.QuerySelector("blockquote")!.TextContent);
        Assert.Equal(["Projet de règlement intérieur", "Nombre d'articles"], request.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Contains("Le délai est suspendu jusqu'à votre réponse", page.Find(".facts").TextContent, StringComparison.Ordinal);
        Assert.Equal("Délai suspendu", page.Find(".facts .deadline").TextContent);
    }

    [Fact]
    public async Task Rejected_ShowsTheDecisionAndItsReason_AndNoAction()
    {
        using var own = await OwnPageAsync(async (filing, owner) =>
        {
            var submitted = await filing.SubmittedAsync(owner);
            return (await portal.Applications.DecideAsync(submitted.Id, Filing.DeskAgent(submitted),
                new WorkflowCommand.Decide(submitted.Step!, StepAction.Reject, "Le projet ne porte pas de signature."))).Application!;
        });
        var page = own.Page;

        page.WaitForAssertion(() => Assert.Contains("Aucune action n'est attendue de vous", page.Find(".actions").TextContent, StringComparison.Ordinal));
        Assert.Empty(Actions(page));
        var decision = page.FindAll(".facts > div").Single(d => d.QuerySelector("dt")!.TextContent == "Décision");
        Assert.Equal("Refusée", decision.QuerySelector(".status")!.TextContent);
        Assert.Contains("Motif : Le projet ne porte pas de signature.", decision.TextContent, StringComparison.Ordinal);
        Assert.Equal("Décision : demande refusée.", page.FindAll(".timeline .what")[^1].TextContent);
    }

    [Fact]
    public async Task Approved_ShowsNothingOfWhatReviewersRecordedInTheirStepsFields()
    {
        const string Opinion = "Avis interne : l'article 12 reste discutable.";
        using var own = await OwnPageAsync(async (filing, owner) =>
        {
            var submitted = await filing.SubmittedAsync(owner);
            var province = submitted.Province!;
            static Answers Given(params (string Key, string Value)[] values) => Answers.From(values.Select(v => KeyValuePair.Create(v.Key, (object?)v.Value)));
            async Task Decide(Actor reviewer, string step, Answers fields) =>
                Assert.NotNull((await portal.Applications.DecideAsync(submitted.Id, reviewer, new WorkflowCommand.Decide(step, StepAction.Approve, null, null, null, fields))).Application);
            await Decide(Filing.DeskAgent(submitted), "reception", Answers.Empty);
            await Decide(Actor.Reviewer("inspector-" + Guid.NewGuid().ToString("N"), "Inspectrice", "labour-inspector", province), "legal_review", Given(("review_opinion", Opinion)));
            await Decide(Actor.Reviewer("delegate-" + Guid.NewGuid().ToString("N"), "Délégué", "provincial-delegate", province), "approval",
                Given(("approval_number", "APP-INTERNE-4242"), ("approval_date", MoroccoTime.Today(MoroccoTime.Instance).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
            return (await portal.Applications.GetAsync(submitted.Id, owner)).Value!;
        });
        var page = own.Page;

        page.WaitForAssertion(() => Assert.Equal("Acceptée", page.FindAll(".facts > div").Single(d => d.QuerySelector("dt")!.TextContent == "Décision").QuerySelector(".status")!.TextContent));
        Assert.Equal(ApplicationStatus.Approved, own.Application.Status);
        Assert.DoesNotContain(Opinion, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("APP-INTERNE-4242", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".recorded-fields"));
    }

    [Fact]
    public async Task Withdrawing_AsksForConfirmation_ThenWithdrawsWithTheReason()
    {
        using var own = await OwnPageAsync((filing, owner) => filing.SubmittedAsync(owner));
        var page = own.Page;
        page.WaitForElement(".withdraw button");

        page.Find(".withdraw button").Click();
        page.Find("#withdraw-reason").Change("Le projet est abandonné.");
        page.Find(".withdraw form").Submit();

        page.WaitForAssertion(() => Assert.Equal("Retirée", page.Find(".facts .status").TextContent));
        Assert.Equal("Votre demande a été retirée.", page.Find("[role=status]").TextContent);
        Assert.Empty(Actions(page));
        Assert.Contains("Aucune action n'est attendue de vous", page.Find(".actions").TextContent, StringComparison.Ordinal);
        var last = page.FindAll(".timeline li")[^1];
        Assert.Equal("Vous avez retiré la demande.", last.QuerySelector(".what")!.TextContent);
        Assert.Equal("Le projet est abandonné.", last.QuerySelector("blockquote")!.TextContent);
        Assert.Equal(ApplicationStatus.Withdrawn, (await portal.Applications.GetAsync(own.Application.Id, own.Owner)).Value!.Status);
    }

    [Fact]
    public async Task Withdrawing_Cancelled_KeepsTheApplication()
    {
        using var own = await OwnPageAsync((filing, owner) => filing.SubmittedAsync(owner));
        var page = own.Page;
        page.WaitForElement(".withdraw button");

        page.Find(".withdraw button").Click();
        page.FindAll(".withdraw button").Single(b => b.TextContent == "Non, garder ma demande").Click();

        Assert.Empty(page.FindAll(".withdraw form"));
        Assert.Equal(ApplicationStatus.InReview, (await portal.Applications.GetAsync(own.Application.Id, own.Owner)).Value!.Status);
    }

    [Fact]
    public async Task AnotherApplicant_SeesNothing_TheAddressIsNotFound()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var (_, stranger) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(owner);
        using var context = new PageContext(portal, stranger);
        var notFound = false;
        context.Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => notFound = true;

        var page = context.Render<ApplicationDetail>(p => p.Add(c => c.Id, submitted.Id));

        page.WaitForAssertion(() => Assert.True(notFound));
        Assert.Empty(page.FindAll("h1"));
        Assert.DoesNotContain(submitted.Reference!, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InArabic_TheTimelineAndActionsAreInArabic()
    {
        using var own = await OwnPageAsync((filing, owner) => filing.SubmittedAsync(owner), Languages.Arabic);
        var page = own.Page;

        page.WaitForAssertion(() => Assert.Equal(["سحب الطلب"], Actions(page)));
        Assert.Contains($"أودع الطلب تحت المرجع {own.Application.Reference}.", page.FindAll(".timeline .what").Select(e => e.TextContent));
        Assert.Equal("قيد الدراسة", page.Find(".facts .status").TextContent);
    }

    [Fact]
    public async Task PartnersReads_AreOneLinePerPartnerForTheDay_InFrenchAndArabic_AndNothingOfAnotherApplicantsFile()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(owner);
        var (_, neighbour) = await portal.AccountAsync("employer");
        var theirs = await portal.Filing.SubmittedAsync(neighbour);
        await portal.Filing.ReadByPartnerAsync(submitted, "CNSS — immatriculations", times: 50);
        await portal.Filing.ReadByPartnerAsync(submitted, "DGSN — visas");
        await portal.Filing.ReadByPartnerAsync(theirs, "ANAPEC — offres");
        var today = MoroccoTime.Today(MoroccoTime.Instance);

        foreach (var (language, said) in new[]
        {
            (Languages.French, "Dossier consulté par {0}, système d'une administration partenaire."),
            (Languages.Arabic, "اطّلع على الملف {0}، وهو نظام معلوماتي لإدارة شريكة."),
        })
        {
            using var context = new PageContext(portal, owner, language);
            var page = context.Render<ApplicationDetail>(p => p.Add(c => c.Id, submitted.Id));

            page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".timeline .event-read-through-api").Count));
            var reads = page.FindAll(".timeline .event-read-through-api");
            Assert.Equal([string.Format(CultureInfo.InvariantCulture, said, "CNSS — immatriculations"), string.Format(CultureInfo.InvariantCulture, said, "DGSN — visas")],
                reads.Select(r => r.QuerySelector(".what")!.TextContent));
            // The day, not a time: the line stands for every read of that day.
            Assert.All(reads, r => Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.QuerySelector("time")!.GetAttribute("datetime")));
            Assert.All(reads, r => Assert.Equal(today.ToDateTime(TimeOnly.MinValue).ToString("D", language.Culture), r.QuerySelector("time")!.TextContent));
            Assert.DoesNotContain("ANAPEC", page.Markup, StringComparison.Ordinal);
            Assert.DoesNotContain(theirs.Reference!, page.Markup, StringComparison.Ordinal);
        }
    }
}
