using System.Globalization;
using Bunit;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using EmploymentProcedures.Host.MyApplications;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Reviewing;

/// <summary>The reviewer's page of one application: what it shows, and a decision panel offering only what the engine permits.</summary>
[Collection(LivePortalTests.Name)]
public sealed class CasePageTests(LivePortal portal)
{
    private Applications Service => portal.Portal.App.Services.GetRequiredService<Applications>();

    private static string[] Offered(IRenderedComponent<CasePage> page) =>
        page.FindAll("input[name=decision-action]").Select(e => e.GetAttribute("value")!).ToArray();

    /// <summary>A new applicant's submitted application, and its case page as a desk agent of its province sees it once the decisions are offered.</summary>
    private async Task<AgentPage> AgentPageAsync()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(owner);
        var context = new PageContext(portal, Filing.DeskAgent(submitted, "desk-" + Guid.NewGuid().ToString("N")));
        var page = context.Render<CasePage>(p => p.Add(c => c.Id, submitted.Id));
        page.WaitForAssertion(() => Assert.NotEmpty(Offered(page)));
        return new AgentPage(context, page, submitted, owner);
    }

    private sealed record AgentPage(PageContext Context, IRenderedComponent<CasePage> Page, Application Submitted, Actor Owner) : IDisposable
    {
        public void Dispose() => Context.Dispose();
    }

    [Fact]
    public async Task SubmittedFile_ShowsHeaderAnswersReadOnlyAndFiles_AndOffersTheStepsActionsOnly()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(owner);
        var agent = Filing.DeskAgent(submitted, "desk-" + Guid.NewGuid().ToString("N"));
        using var context = new PageContext(portal, agent);

        var page = context.Render<CasePage>(p => p.Add(c => c.Id, submitted.Id));

        page.WaitForAssertion(() => Assert.Equal(["Approve", "RequestChanges", "Reject"], Offered(page)));
        Assert.Contains(submitted.Reference!, page.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Contains(owner.Name, page.Find(".facts").TextContent, StringComparison.Ordinal);
        Assert.Equal("En cours d'examen", page.Find(".facts .status").TextContent);
        Assert.NotNull(page.Find(".answers .procedure-form"));
        Assert.Empty(page.FindAll(".answers .procedure-form input:not([disabled]):not([readonly])"));
        Assert.Equal(submitted.Documents.Select(d => ApplicationFiles.Url(submitted.Id, d)), page.FindAll(".files a").Select(a => a.GetAttribute("href")));
        Assert.Empty(page.FindAll(".answer-changes"));
        Assert.Empty(page.FindAll(".recorded-fields"));
    }

    [Fact]
    public async Task SubmittedFile_OffersTheWholeFileAsOneDownload_SayingTheDownloadIsRecorded()
    {
        using var agent = await AgentPageAsync();

        var link = agent.Page.Find(".dossier-download a");

        Assert.Equal(ApplicationDossier.Url(agent.Submitted.Id), link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
        Assert.Contains("Ce téléchargement est inscrit au journal du dossier.", agent.Page.Find(".dossier-download").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LaterStep_ShowsTheFieldsRecordedAtEarlierSteps_ReadOnly_UnderTheStepsName()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(owner);
        var atReview = (await Service.DecideAsync(submitted.Id, Filing.DeskAgent(submitted), new WorkflowCommand.Decide(submitted.Step!, StepAction.Approve))).Application!;
        var inspector = Actor.Reviewer("inspector-" + Guid.NewGuid().ToString("N"), "Inspectrice", "labour-inspector", atReview.Province!);
        var opinion = Answers.From(new Dictionary<string, object?> { ["review_opinion"] = "Règlement conforme, sauf l'article 12." });
        Assert.Equal("approval", (await Service.DecideAsync(submitted.Id, inspector, new WorkflowCommand.Decide("legal_review", StepAction.Approve, null, null, null, opinion))).Application!.Step);
        var delegate_ = Actor.Reviewer("delegate-" + Guid.NewGuid().ToString("N"), "Délégué", "provincial-delegate", atReview.Province!);
        using var context = new PageContext(portal, delegate_);

        var page = Render(context, submitted.Id);

        var recorded = Assert.Single(page.FindAll(".recorded-fields .recorded-step"));
        Assert.Equal("legal_review", recorded.GetAttribute("data-step"));
        Assert.Equal("Examen juridique par l'inspecteur du travail", recorded.QuerySelector("h3")!.TextContent);
        var field = page.Find(".recorded-step textarea#recorded-legal_review-all-f-review_opinion");
        Assert.Equal("Règlement conforme, sauf l'article 12.", field.GetAttribute("value"));
        Assert.True(field.HasAttribute("disabled"));
        // The delegate's own step fields stay in the decision panel, to fill.
        Assert.Single(page.FindAll(".decision .step-fields #step-f-approval_number"));
    }

    [Fact]
    public async Task LaterStep_AfterAParallelStep_ShowsEachRolesRecordedFieldsUnderTheStepAndRolesNames()
    {
        var (filed, _) = await AgreementAtFilingAsync();
        var desk = Filing.DeskAgent(filed, "desk-" + Guid.NewGuid().ToString("N"));
        var clerk = Actor.Reviewer("clerk-" + Guid.NewGuid().ToString("N"), "Greffière", "court-clerk", filed.Province!);
        static Answers Given(params (string Key, string Value)[] values) => Answers.From(values.Select(v => KeyValuePair.Create(v.Key, (object?)v.Value)));
        Assert.NotNull((await Service.DecideAsync(filed.Id, desk, new WorkflowCommand.Decide("filing", StepAction.Approve, null, null, null, Given(("copies_complete", "true"))))).Application);
        var clerkFields = Given(("court_name", "Tribunal de première instance de Casablanca"), ("court_receipt_number", "TPI-CAS-2026-CC-077"), ("court_receipt_date", MoroccoTime.Today(MoroccoTime.Instance).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal("legality", (await Service.DecideAsync(filed.Id, clerk, new WorkflowCommand.Decide("filing", StepAction.Approve, null, null, null, clerkFields))).Application!.Step);
        var directorate = Actor.Reviewer("directorate-" + Guid.NewGuid().ToString("N"), "Direction du travail", "labour-directorate");
        using var context = new PageContext(portal, directorate);

        var page = Render(context, filed.Id);

        var steps = page.FindAll(".recorded-fields .recorded-step");
        Assert.Equal(["desk-agent", "court-clerk"], steps.Select(s => s.GetAttribute("data-role")));
        Assert.All(steps, s => Assert.Equal("filing", s.GetAttribute("data-step")));
        var title = "Dépôt auprès de la délégation de l'emploi et au secrétariat-greffe du tribunal";
        Assert.StartsWith(title + " — ", steps[0].QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(steps[0].QuerySelector("h3")!.TextContent, steps[1].QuerySelector("h3")!.TextContent);
        Assert.True(steps[0].QuerySelector("input[value=true]")!.HasAttribute("checked"));
        Assert.Empty(steps[0].QuerySelectorAll("[id*=court_]"));
        Assert.Equal("TPI-CAS-2026-CC-077", steps[1].QuerySelector("input[id$=court_receipt_number]")!.GetAttribute("value"));
        Assert.All(page.FindAll(".recorded-fields input, .recorded-fields textarea"), input => Assert.True(input.HasAttribute("disabled") || input.HasAttribute("readonly")));
    }

    [Fact]
    public async Task Reject_WithoutAReason_IsNotSent_AndSaysWhy()
    {
        using var agent = await AgentPageAsync();
        var (page, submitted, owner) = (agent.Page, agent.Submitted, agent.Owner);

        page.Find("input[value=Reject]").Change(true);
        page.Find(".decision form").Submit();

        Assert.Equal("Indiquez le motif du rejet.", page.Find("#decision-problem").TextContent);
        Assert.Equal(ApplicationStatus.InReview, (await Service.GetAsync(submitted.Id, owner)).Value!.Status);
    }

    [Fact]
    public async Task RequestChanges_WithNoItemTicked_IsNotSent_AndWithOne_ReopensIt()
    {
        using var agent = await AgentPageAsync();
        var (page, submitted, owner) = (agent.Page, agent.Submitted, agent.Owner);

        page.Find("input[value=RequestChanges]").Change(true);
        page.Find(".decision form").Submit();
        Assert.Equal("Cochez au moins un champ ou document à corriger.", page.Find("#decision-problem").TextContent);

        page.Find(".reopen input[value=article_count]").Change(true);
        page.Find("#decision-comment").Change("Précisez le nombre d'articles.");
        page.Find(".decision form").Submit();

        page.WaitForAssertion(() => Assert.Equal("Décision enregistrée.", page.Find(".decision [role=status]").TextContent));
        var changed = (await Service.GetAsync(submitted.Id, owner)).Value!;
        Assert.Equal(ApplicationStatus.ChangesRequested, changed.Status);
        Assert.Equal(["article_count"], changed.Reopened);
        Assert.Empty(Offered(page));
    }

    [Fact]
    public async Task Resubmission_ShowsWhatChanged_BeforeAndAfterInWords()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var requested = await portal.Filing.RequestChangesAsync(await portal.Filing.SubmittedAsync(owner), "Corrigez.", "article_count");
        var before = requested.Answers["article_count"]?.ToString();
        var fixedAnswers = requested.Answers.With("article_count", "99");
        Assert.NotNull((await Service.SaveAnswersAsync(requested.Id, owner, fixedAnswers)).Application);
        Assert.NotNull((await Service.SubmitAsync(requested.Id, owner)).Application);
        using var context = new PageContext(portal, Filing.DeskAgent(requested, "desk-" + Guid.NewGuid().ToString("N")));

        var page = context.Render<CasePage>(p => p.Add(c => c.Id, requested.Id));

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".answer-changes tbody tr")));
        var row = page.Find(".answer-changes tbody tr");
        Assert.Equal("Nombre d'articles", row.QuerySelector("th")!.TextContent);
        Assert.Equal("Avant : " + before, row.QuerySelector(".before")!.TextContent);
        Assert.Equal("Après : 99", row.QuerySelector(".after")!.TextContent);
    }

    [Fact]
    public async Task LostRace_SaysWhoDecided_KeepsTheComment_AndOffersNothingMore()
    {
        using var agent = await AgentPageAsync();
        var (page, submitted) = (agent.Page, agent.Submitted);
        page.Find("input[value=Approve]").Change(true);
        page.Find("#decision-comment").Change("Dossier complet.");

        var other = Filing.DeskAgent(submitted, "other-desk");
        Assert.NotNull((await Service.DecideAsync(submitted.Id, other, new WorkflowCommand.Decide(submitted.Step!, StepAction.Approve))).Application);
        page.Find(".decision form").Submit();

        page.WaitForAssertion(() => Assert.Contains("L'action n'a pas abouti", page.Find(".decision [role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Dossier complet.", page.Find("#decision-kept").GetAttribute("value"));
        Assert.Empty(Offered(page));
    }

    [Fact]
    public async Task StepFields_UseTheFormsInputs_ARequiredOneStopsTheApproval_ThenTheyAreSentWithIt()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(owner);
        var atReview = (await Service.DecideAsync(submitted.Id, Filing.DeskAgent(submitted), new WorkflowCommand.Decide(submitted.Step!, StepAction.Approve))).Application!;
        Assert.Equal("legal_review", atReview.Step);
        var inspector = Actor.Reviewer("inspector-" + Guid.NewGuid().ToString("N"), "Inspectrice", "labour-inspector", atReview.Province!);
        using var context = new PageContext(portal, inspector);
        var page = context.Render<CasePage>(p => p.Add(c => c.Id, submitted.Id));
        page.WaitForAssertion(() => Assert.NotEmpty(Offered(page)));

        var opinion = page.Find(".decision .step-fields textarea#step-f-review_opinion");
        Assert.Equal("true", opinion.GetAttribute("aria-required"));
        Assert.Equal("Avis de l'inspecteur", page.Find("label[for=step-f-review_opinion]").TextContent.Trim());
        page.Find("input[value=Approve]").Change(true);
        page.Find(".decision form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Avis de l'inspecteur", page.Find(".decision .error-summary").TextContent, StringComparison.Ordinal));
        Assert.Equal("legal_review", (await Service.GetAsync(submitted.Id, owner)).Value!.Step);

        page.Find("#step-f-review_opinion").Change("Règlement conforme au Code du travail.");
        page.Find(".decision form").Submit();

        page.WaitForAssertion(() => Assert.Equal("Décision enregistrée.", page.Find(".decision [role=status]").TextContent));
        var decided = (await Service.GetAsync(submitted.Id, owner)).Value!;
        Assert.Equal("approval", decided.Step);
        Assert.Equal("Règlement conforme au Code du travail.", decided.StepFields["legal_review"]["review_opinion"]);
    }

    /// <summary>A collective agreement filed and at its parallel step, where the desk agent and the court clerk each have fields of their own.</summary>
    private async Task<(Application Filed, Actor Owner)> AgreementAtFilingAsync()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var definitions = portal.Portal.App.Services.GetRequiredService<ProcedureCatalog>().Definitions;
        var filed = await new Filing(Service, definitions["collective-agreement-filing"]).SubmittedAsync(owner);
        Assert.Equal("filing", filed.Step);
        return (filed, owner);
    }

    private static IRenderedComponent<CasePage> Render(PageContext context, Guid id)
    {
        var page = context.Render<CasePage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(Offered(page)));
        return page;
    }

    [Fact]
    public async Task ParallelStep_EachRoleSeesOnlyItsOwnFieldsAndTheShared_WithBothOpinionsAwaitedAndTheQuorum()
    {
        var (filed, _) = await AgreementAtFilingAsync();
        var clerk = Actor.Reviewer("clerk-" + Guid.NewGuid().ToString("N"), "Greffière", "court-clerk", filed.Province!);
        using var context = new PageContext(portal, clerk);

        var page = Render(context, filed.Id);

        Assert.Equal("0 avis favorable(s) sur 2 requis (2 intervenants).", page.Find(".opinions p").TextContent);
        Assert.Equal(["avis attendu", "avis attendu"], page.FindAll(".opinions li").Select(li => li.TextContent.Split(':')[1].Trim()));
        Assert.All(["court_name", "court_receipt_number", "court_receipt_date"], id => Assert.Single(page.FindAll($".decision .step-fields #step-f-{id}")));
        Assert.Empty(page.FindAll("[name=step-f-copies_complete]"));
    }

    [Fact]
    public async Task ParallelStep_AnotherRolesRecordedFields_AreShownReadOnlyWithItsOpinion_AndTheRoleThatSpokeGivesNoSecondOpinion()
    {
        var (filed, owner) = await AgreementAtFilingAsync();
        var desk = Filing.DeskAgent(filed, "desk-" + Guid.NewGuid().ToString("N"));
        var given = Answers.From(new Dictionary<string, object?> { ["copies_complete"] = "true" });
        Assert.NotNull((await Service.DecideAsync(filed.Id, desk, new WorkflowCommand.Decide("filing", StepAction.Approve, "Pièces complètes.", null, null, given))).Application);
        var clerk = Actor.Reviewer("clerk-" + Guid.NewGuid().ToString("N"), "Greffière", "court-clerk", filed.Province!);

        using (var clerkContext = new PageContext(portal, clerk))
        {
            var page = Render(clerkContext, filed.Id);
            Assert.Equal("1 avis favorable(s) sur 2 requis (2 intervenants).", page.Find(".opinions p").TextContent);
            var deskOpinion = page.Find(".opinions li[data-role=desk-agent]");
            Assert.Contains("Approuver", deskOpinion.TextContent, StringComparison.Ordinal);
            Assert.Contains("Texte signé et pouvoirs complets", deskOpinion.TextContent, StringComparison.Ordinal);
            Assert.True(deskOpinion.QuerySelector("input[value=true]")!.HasAttribute("checked"));
            Assert.All(deskOpinion.QuerySelectorAll("input"), input => Assert.True(input.HasAttribute("disabled") || input.HasAttribute("readonly")));
            Assert.Empty(page.FindAll(".opinions li[data-role=court-clerk] .procedure-form"));
        }

        using var deskContext = new PageContext(portal, desk);
        var deskPage = Render(deskContext, filed.Id);
        Assert.Equal(["RequestChanges"], Offered(deskPage));
        Assert.Contains("Votre rôle a déjà donné son avis à cette étape (« Approuver »)", deskPage.Find(".decision .opinion-given").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, deskPage.FindAll(".decision [name=step-f-copies_complete]").Count);
        Assert.Empty(deskPage.FindAll("#step-f-court_name"));
        Assert.Equal("filing", (await Service.GetAsync(filed.Id, owner)).Value!.Step);
    }

    [Fact]
    public async Task Page_ForTheApplicant_OrAReviewerOfAnotherProvinceOrRole_IsNotFound()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(owner);
        Actor[] strangers =
        [
            owner,
            Actor.Reviewer("far-" + Guid.NewGuid().ToString("N"), "Agent lointain", "desk-agent", submitted.Province == "oujda-angad" ? "casablanca" : "oujda-angad"),
            Actor.Reviewer("inspector-" + Guid.NewGuid().ToString("N"), "Inspecteur", "occupational-health-inspector", submitted.Province ?? "casablanca"),
        ];
        foreach (var stranger in strangers)
        {
            using var context = new PageContext(portal, stranger);
            var notFound = false;
            context.Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => notFound = true;

            var page = context.Render<CasePage>(p => p.Add(c => c.Id, submitted.Id));

            page.WaitForAssertion(() => Assert.True(notFound, stranger.Role + " reached the case page"));
            Assert.DoesNotContain(submitted.Reference!, page.Markup, StringComparison.Ordinal);
            Assert.Empty(page.FindAll(".decision"));
        }
    }
}
