using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// A parallel step in Chromium, on a real procedure: the collective agreement's filing, received at the same time by the
/// employment delegation's desk agent and the court clerk, each giving an opinion with fields of their own, then checked
/// by the labour directorate; the employer follows it on their page. The filing itself goes through the engine's service.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class ParallelOpinionsTests(PortalFixture portal)
{
    private const string Procedure = "collective-agreement-filing";

    private Applications Applications => portal.App.Services.GetRequiredService<Applications>();

    private static ILocator Opinions(ReviewerDesk desk) => desk.Page.Locator(".opinions");

    private static ILocator OpinionOf(ReviewerDesk desk, string role) => Opinions(desk).Locator($"li[data-role={role}]");

    [Fact]
    public async Task CollectiveAgreement_DeskAgentAndCourtClerkEachGiveTheirOpinionWithTheirOwnFields_ThenTheDirectorateAcknowledges_AndTheEmployerDownloadsIt()
    {
        var email = await portal.CreateAccountAsync("employer", ReviewerDesk.Password);
        var account = (await portal.FindAccountAsync(email))!;
        var employer = Actor.Applicant(account.Id, account.DisplayName, account.Role);
        var file = await portal.FilingOf(Procedure).SubmittedAsync(employer);
        var province = file.Province!;

        // The desk agent: both opinions awaited, none given of the 2 needed, and only the desk agent's own field.
        var desk = await ReviewerDesk.SignInAsync(portal, "desk-agent", province);
        await desk.OpenAsync(file.Id);
        await Assertions.Expect(Opinions(desk).Locator("p")).ToHaveTextAsync("0 avis favorable(s) sur 2 requis (2 intervenants).");
        await Assertions.Expect(OpinionOf(desk, "desk-agent")).ToContainTextAsync("avis attendu");
        await Assertions.Expect(OpinionOf(desk, "court-clerk")).ToContainTextAsync("avis attendu");
        await Assertions.Expect(desk.Option("copies_complete", "true")).ToBeVisibleAsync();
        await Assertions.Expect(desk.Field("court_receipt_number")).ToHaveCountAsync(0);
        await Pages.AssertNoSeriousAxeViolationAsync(desk.Page);

        // A second tab of the same desk agent, opened before the opinion is given, cannot give another one.
        var secondTab = desk with { Page = await desk.Page.Context.NewPageAsync() };
        await secondTab.OpenAsync(file.Id);

        await desk.Option("copies_complete", "true").CheckAsync();
        await desk.ChooseAsync(StepAction.Approve);
        await desk.CommentAsync("Texte signé et pouvoirs des signataires reçus.");
        await desk.RecordAsync();
        await Assertions.Expect(desk.Decided).ToBeVisibleAsync();

        await secondTab.ChooseAsync(StepAction.Approve);
        await secondTab.RecordAsync();
        await Assertions.Expect(secondTab.Refused).ToContainTextAsync("Déjà traité par " + desk.Name);
        await desk.OpenAsync(file.Id);
        await Assertions.Expect(desk.Panel.Locator(".opinion-given")).ToContainTextAsync("Votre rôle a déjà donné son avis à cette étape");
        await Assertions.Expect(desk.Panel.Locator("input[name=decision-action][value=Approve]")).ToHaveCountAsync(0);
        await Assertions.Expect(Opinions(desk).Locator("p")).ToHaveTextAsync("1 avis favorable(s) sur 2 requis (2 intervenants).");

        // The court clerk sees the desk agent's opinion and recorded field read-only, and fills only the court's fields.
        var clerk = await ReviewerDesk.SignInAsync(portal, "court-clerk", province);
        await clerk.OpenAsync(file.Id);
        await Assertions.Expect(OpinionOf(clerk, "desk-agent")).ToContainTextAsync("Approuver");
        await Assertions.Expect(OpinionOf(clerk, "desk-agent")).ToContainTextAsync("Texte signé et pouvoirs complets");
        await Assertions.Expect(OpinionOf(clerk, "desk-agent").Locator("input[value=true]")).ToBeCheckedAsync();
        await Assertions.Expect(OpinionOf(clerk, "desk-agent").Locator("input[value=true]")).ToBeDisabledAsync();
        await Assertions.Expect(clerk.Page.Locator("[name=step-f-copies_complete]")).ToHaveCountAsync(0);
        await Pages.AssertNoSeriousAxeViolationAsync(clerk.Page);
        await clerk.Field("court_name").FillAsync("Tribunal de première instance civil de Casablanca");
        await clerk.Field("court_receipt_number").FillAsync("TPI-CAS-2026-CC-101");
        await clerk.Field("court_receipt_date").FillAsync(ReviewerDesk.Today);
        await clerk.ChooseAsync(StepAction.Approve);
        await clerk.RecordAsync();
        await Assertions.Expect(clerk.Decided).ToBeVisibleAsync();

        var atLegality = (await Applications.GetAsync(file.Id, employer)).Value!;
        Assert.Equal("legality", atLegality.Step);
        Assert.Equal("true", atLegality.StepFields["filing"]["copies_complete"]?.ToString(), ignoreCase: true);
        Assert.Equal("TPI-CAS-2026-CC-101", atLegality.StepFields["filing"]["court_receipt_number"]);

        // The labour directorate checks legality and registers the agreement.
        var directorate = await ReviewerDesk.SignInAsync(portal, "labour-directorate", province);
        await directorate.OpenAsync(file.Id);
        await Assertions.Expect(directorate.Page.Locator(".opinions")).ToHaveCountAsync(0);
        // What the desk agent and the clerk recorded at the filing step, read-only, one block per role.
        await Assertions.Expect(directorate.Page.Locator(".recorded-fields .recorded-step")).ToHaveCountAsync(2);
        await Assertions.Expect(directorate.Page.Locator(".recorded-step[data-role=court-clerk] input[id$=court_receipt_number]")).ToHaveValueAsync("TPI-CAS-2026-CC-101");
        await Assertions.Expect(directorate.Page.Locator(".recorded-step[data-role=court-clerk] input[id$=court_receipt_number]")).ToBeDisabledAsync();
        await directorate.Option("legality_opinion", "compliant").CheckAsync();
        await directorate.Field("registration_number").FillAsync("CCT-2026-0101");
        await directorate.ChooseAsync(StepAction.Acknowledge);
        await directorate.RecordAsync();
        await Assertions.Expect(directorate.Actions).ToHaveCountAsync(0);
        Assert.Equal(ApplicationStatus.Acknowledged, (await Applications.GetAsync(file.Id, employer)).Value!.Status);

        // The employer follows it: each opinion and step in the timeline, and the acknowledgement to download.
        var page = await portal.NewPageAsync();
        await Pages.SignInAsync(page, email, ReviewerDesk.Password);
        await page.GotoAsync($"/applications/{file.Id}");
        var timeline = page.Locator(".timeline .what");
        await Assertions.Expect(timeline.Filter(new() { HasText = "Avis favorable à l'étape « Dépôt auprès de la délégation" })).ToHaveCountAsync(2);
        await Assertions.Expect(timeline.Filter(new() { HasText = "La demande passe à l'étape « Contrôle de légalité" })).ToHaveCountAsync(1);
        var letter = page.Locator(".letters li").Last;
        var download = await page.RunAndWaitForDownloadAsync(() => letter.Locator("a[download]").ClickAsync());
        Assert.EndsWith("-acknowledgement.fr.html", download.SuggestedFilename, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains(file.Reference!, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasePage_WithTheOpinionsPanelAndAnotherRolesFields_InArabic_IsRightToLeftWithNoSeriousAxeViolation()
    {
        var email = await portal.CreateAccountAsync("employer", ReviewerDesk.Password);
        var account = (await portal.FindAccountAsync(email))!;
        var employer = Actor.Applicant(account.Id, account.DisplayName, account.Role);
        var file = await portal.FilingOf(Procedure).SubmittedAsync(employer);
        var clerk = await ReviewerDesk.SignInAsync(portal, "court-clerk", file.Province!, language: Languages.Find("ar"));
        var desk = Actor.Reviewer("desk-" + Guid.NewGuid().ToString("N"), "Agent du guichet", "desk-agent", file.Province!);
        var fields = Answers.From(new Dictionary<string, object?> { ["copies_complete"] = "true" });
        var given = await Applications.DecideAsync(file.Id, desk, new WorkflowCommand.Decide("filing", StepAction.Approve, null, null, null, fields));
        Assert.True(given.Succeeded, given.ToString());

        await clerk.OpenAsync(file.Id);

        await Assertions.Expect(clerk.Page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(OpinionOf(clerk, "desk-agent")).ToContainTextAsync("الموافقة");
        await Assertions.Expect(OpinionOf(clerk, "desk-agent").Locator("input[value=true]")).ToBeCheckedAsync();
        await Assertions.Expect(clerk.Field("court_receipt_number")).ToBeVisibleAsync();
        await Pages.AssertNoSeriousAxeViolationAsync(clerk.Page);
    }
}
