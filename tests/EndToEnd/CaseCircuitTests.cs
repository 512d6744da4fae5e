using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// Whole circuits through the reviewers' case pages (<c>/cases/{id}</c>) in Chromium: each reviewer of the definition
/// opens the file, fills the step's own fields and decides; the applicant's part goes through the engine's service
/// where their pages are covered by the applying tests. The portal is shared: nothing assumes an empty database.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class CaseCircuitTests(PortalFixture portal)
{
    private Applications Applications => portal.App.Services.GetRequiredService<Applications>();

    /// <summary>A new applicant account of <paramref name="role"/>: its e-mail (to sign in) and its actor (to apply through the service).</summary>
    private async Task<(string Email, Actor Actor)> ApplicantAsync(string role)
    {
        var email = await portal.CreateAccountAsync(role, ReviewerDesk.Password);
        var account = (await portal.FindAccountAsync(email))!;
        return (email, Actor.Applicant(account.Id, account.DisplayName, account.Role));
    }

    private static void Succeeded(WorkflowResult result) => Assert.True(result.Succeeded, result.ToString());

    [Theory]
    [InlineData("fr", "Acceptée")]
    [InlineData("ar", "مقبول")]
    public async Task Visa_OneAnswerSentBackFixedAndResubmitted_ThenEachStepApproved_TheApplicantSeesTheDecision(string language, string approved)
    {
        var applicant = await ApplicantDraft.SubmittedVisaAsync(portal, Languages.Find(language));
        var province = (await applicant.StoredAsync(portal)).Province ?? "casablanca";
        var desk = await ReviewerDesk.SignInAsync(portal, "desk-agent", province);

        await desk.OpenAsync(applicant.Id);
        await Assertions.Expect(desk.Actions).ToHaveCountAsync(3);
        await desk.ChooseAsync(StepAction.RequestChanges);
        await desk.Page.Locator(".reopen input[value=birth_place]").CheckAsync();
        await desk.CommentAsync("Le lieu de naissance ne correspond pas au passeport.");
        await desk.RecordAsync();
        await Assertions.Expect(desk.Decided).ToBeVisibleAsync();

        var requested = await applicant.StoredAsync(portal);
        Assert.Equal(ApplicationStatus.ChangesRequested, requested.Status);
        Assert.Equal(["birth_place"], requested.Reopened);
        // The applicant's own pages would send their language with each command; the service is told it here.
        var owner = applicant.Applicant with { Language = language };
        Succeeded(await Applications.SaveAnswersAsync(applicant.Id, owner, requested.Answers.With("birth_place", "Marseille")));
        Succeeded(await Applications.SubmitAsync(applicant.Id, owner));

        await desk.OpenAsync(applicant.Id);
        var change = desk.Page.Locator(".answer-changes tbody tr");
        await Assertions.Expect(change).ToHaveCountAsync(1);
        await Assertions.Expect(change.Locator(".before")).ToContainTextAsync((string)requested.Answers["birth_place"]!);
        await Assertions.Expect(change.Locator(".after")).ToContainTextAsync("Marseille");
        await desk.ChooseAsync(StepAction.Approve);
        await desk.RecordAsync();
        await Assertions.Expect(desk.Decided).ToBeVisibleAsync();

        // The migrant employment service examines the file, then, at the next step, grants the visa.
        var service = await ReviewerDesk.SignInAsync(portal, "migrant-employment-service", province);
        await service.OpenAsync(applicant.Id);
        await service.Option("anapec_checked", "true").CheckAsync();
        await service.Field("opinion").FillAsync("Contrat conforme ; attestation de l'ANAPEC produite.");
        await service.ChooseAsync(StepAction.Approve);
        await service.RecordAsync();
        await Assertions.Expect(service.Field("visa_number")).ToBeVisibleAsync();
        await service.Field("visa_number").FillAsync("VT-2026-0042");
        await service.Field("visa_date").FillAsync(ReviewerDesk.Today);
        await service.ChooseAsync(StepAction.Approve);
        await service.RecordAsync();
        await Assertions.Expect(service.Actions).ToHaveCountAsync(0);

        var decided = await applicant.StoredAsync(portal);
        Assert.Equal(ApplicationStatus.Approved, decided.Status);
        Assert.Equal("true", decided.StepFields["examination"]["anapec_checked"]?.ToString(), ignoreCase: true);
        Assert.Equal("VT-2026-0042", decided.StepFields["decision"]["visa_number"]);

        await applicant.Page.GotoAsync($"/applications/{applicant.Id}");
        await Assertions.Expect(applicant.Page.Locator("html")).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");
        await Assertions.Expect(applicant.Page.Locator(".facts .status").Last).ToHaveTextAsync(approved);

        // The decision letter, last of the letters, saved in the applicant's language.
        var letter = applicant.Page.Locator(".letters li").Last;
        var download = await applicant.Page.RunAndWaitForDownloadAsync(() => letter.Locator("a[download]").ClickAsync());
        Assert.EndsWith($"-decision-approved.{language}.html", download.SuggestedFilename, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains(language == "ar" ? "<html lang=\"ar\" dir=\"rtl\">" : "<html lang=\"fr\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains(decided.Reference!, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrikeNotice_IsRegistered_ForwardedAndAcknowledged_WithAConditionalStepField()
    {
        var filing = portal.FilingOf("strike-notice");
        var (_, union) = await ApplicantAsync(filing.Definition.Applicant);
        var notice = await filing.SubmittedAsync(union);
        var province = notice.Province!;

        var desk = await ReviewerDesk.SignInAsync(portal, "desk-agent", province);
        await desk.DecideAsync(notice.Id, StepAction.Approve);
        var governor = await ReviewerDesk.SignInAsync(portal, "governor-office", province);
        await governor.DecideAsync(notice.Id, StepAction.Approve, fields: new Dictionary<string, string> { ["received_date"] = ReviewerDesk.Today });

        var delegate_ = await ReviewerDesk.SignInAsync(portal, "provincial-delegate", province);
        await delegate_.OpenAsync(notice.Id);
        await Assertions.Expect(delegate_.Actions).ToHaveCountAsync(2);
        await Assertions.Expect(delegate_.Field("mediation_date")).ToHaveCountAsync(0);
        await delegate_.Option("mediation_offered", "true").CheckAsync();
        await Assertions.Expect(delegate_.Field("mediation_date")).ToBeVisibleAsync();
        await delegate_.ChooseAsync(StepAction.Acknowledge);
        await delegate_.RecordAsync();
        await Assertions.Expect(delegate_.Page.Locator(".decision .error-summary")).ToBeVisibleAsync();

        await delegate_.Field("mediation_date").FillAsync(ReviewerDesk.Today);
        await delegate_.RecordAsync();
        await Assertions.Expect(delegate_.Actions).ToHaveCountAsync(0);

        var registered = (await Applications.GetAsync(notice.Id, union)).Value!;
        Assert.Equal(ApplicationStatus.Acknowledged, registered.Status);
        Assert.Equal(ReviewerDesk.Today, registered.StepFields["registration"]["mediation_date"]?.ToString());
    }

    [Fact]
    public async Task EconomicDismissal_GoesThroughFourReviewers_TheCommissionReturnsItOnce_AndTheDelegatesReportIsKept()
    {
        var filing = portal.FilingOf("economic-dismissal-authorization");
        var (_, employer) = await ApplicantAsync(filing.Definition.Applicant);
        var file = await filing.SubmittedAsync(employer);
        var province = file.Province!;
        var report = new Dictionary<string, string> { ["investigation_report"] = "Difficultés économiques avérées ; consultation des délégués faite.", ["referral_date"] = ReviewerDesk.Today };

        await (await ReviewerDesk.SignInAsync(portal, "desk-agent", province)).DecideAsync(file.Id, StepAction.Approve);
        var delegate_ = await ReviewerDesk.SignInAsync(portal, "provincial-delegate", province);
        await delegate_.DecideAsync(file.Id, StepAction.Approve, fields: report);

        var commission = await ReviewerDesk.SignInAsync(portal, "provincial-commission", province);
        await commission.OpenAsync(file.Id);
        await Assertions.Expect(commission.Actions).ToHaveCountAsync(2);
        await commission.ChooseAsync(StepAction.Return);
        await Assertions.Expect(commission.Page.Locator("#decision-return")).ToHaveValueAsync("investigation");
        await commission.CommentAsync("Joindre le procès-verbal de la réunion avec les délégués.");
        await commission.RecordAsync();
        await Assertions.Expect(commission.Actions).ToHaveCountAsync(0);

        await delegate_.OpenAsync(file.Id);
        await Assertions.Expect(delegate_.Field("investigation_report")).ToHaveValueAsync(report["investigation_report"]);
        await delegate_.ChooseAsync(StepAction.Approve);
        await delegate_.RecordAsync();
        await Assertions.Expect(delegate_.Actions).ToHaveCountAsync(0);

        await commission.OpenAsync(file.Id);
        await Assertions.Expect(commission.Field("dismissals_proposed")).ToHaveCountAsync(0);
        await commission.Option("opinion", "partly-favourable").CheckAsync();
        await commission.Field("dismissals_proposed").FillAsync("2");
        await commission.Field("meeting_date").FillAsync(ReviewerDesk.Today);
        await commission.Field("commission_minutes_reference").FillAsync("PV-CP-2026-17");
        await commission.ChooseAsync(StepAction.Approve);
        await commission.RecordAsync();
        await Assertions.Expect(commission.Actions).ToHaveCountAsync(0);

        await (await ReviewerDesk.SignInAsync(portal, "governor-office", province)).DecideAsync(file.Id, StepAction.Approve, fields: new Dictionary<string, string>
        {
            ["decision_number"] = "GOUV-2026-311",
            ["decision_date"] = ReviewerDesk.Today,
            ["dismissals_authorised"] = "2",
            ["reasons"] = "Motif économique établi par l'enquête et les conclusions de la commission.",
        });

        var decided = (await Applications.GetAsync(file.Id, employer)).Value!;
        Assert.Equal(ApplicationStatus.Approved, decided.Status);
        Assert.Equal(report["investigation_report"], decided.StepFields["investigation"]["investigation_report"]);
        Assert.Equal("2", decided.StepFields["commission"]["dismissals_proposed"]?.ToString());
        Assert.Equal("GOUV-2026-311", decided.StepFields["decision"]["decision_number"]);
    }

    [Fact]
    public async Task TwoReviewers_DecideTheSameStepAtOnce_OneWins_TheOtherIsToldByWhomAndKeepsTheirText()
    {
        var (_, owner) = await ApplicantAsync("employer");
        var file = await portal.FilingOf(Filing.Procedure).SubmittedAsync(owner);
        var province = file.Province!;
        var approving = await ReviewerDesk.SignInAsync(portal, "desk-agent", province, "Nadia Alaoui " + Guid.NewGuid().ToString("N")[..4]);
        var rejecting = await ReviewerDesk.SignInAsync(portal, "desk-agent", province, "Youssef Tazi " + Guid.NewGuid().ToString("N")[..4]);
        await Task.WhenAll(approving.OpenAsync(file.Id), rejecting.OpenAsync(file.Id));
        await approving.ChooseAsync(StepAction.Approve);
        await approving.CommentAsync("Dossier complet.");
        await rejecting.ChooseAsync(StepAction.Reject);
        await rejecting.CommentAsync("L'avis des délégués du personnel manque.");

        await Task.WhenAll(approving.RecordAsync(), rejecting.RecordAsync());

        // The clicks return before the server has decided: wait until one decision is stored (the step moved on, or the file
        // was rejected) before naming the winner.
        var stored = (await Applications.GetAsync(file.Id, owner)).Value!;
        for (var waited = 0; stored.Status == ApplicationStatus.InReview && stored.Step == file.Step && waited < 200; waited++)
        {
            await Task.Delay(100);
            stored = (await Applications.GetAsync(file.Id, owner)).Value!;
        }
        var (winner, loser, kept) = stored.Status == ApplicationStatus.Rejected
            ? (rejecting, approving, "Dossier complet.")
            : (approving, rejecting, "L'avis des délégués du personnel manque.");
        await Assertions.Expect(winner.Decided).ToHaveTextAsync("Décision enregistrée.");
        await Assertions.Expect(loser.Refused).ToContainTextAsync("Déjà traité par " + winner.Name);
        await Assertions.Expect(loser.Page.Locator("#decision-kept")).ToHaveValueAsync(kept);
        await Assertions.Expect(loser.Actions).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task CasePage_IsNotFound_ForAReviewerOfAnotherProvinceOrRole_AndForTheApplicant()
    {
        var (email, owner) = await ApplicantAsync("employer");
        var file = await portal.FilingOf(Filing.Procedure).SubmittedAsync(owner);
        var elsewhere = file.Province == "rabat" ? "casablanca" : "rabat";
        var applicantPage = await portal.NewPageAsync();
        await Pages.SignInAsync(applicantPage, email, ReviewerDesk.Password);
        IPage[] strangers =
        [
            (await ReviewerDesk.SignInAsync(portal, "desk-agent", elsewhere)).Page,
            (await ReviewerDesk.SignInAsync(portal, "occupational-health-inspector", file.Province!)).Page,
            applicantPage,
        ];

        foreach (var page in strangers)
        {
            var response = await page.GotoAsync($"/cases/{file.Id}");
            Assert.Equal(404, response?.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page introuvable");
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(file.Reference!);
            await Assertions.Expect(page.Locator(".decision")).ToHaveCountAsync(0);
        }
        Assert.Equal(ApplicationStatus.InReview, (await Applications.GetAsync(file.Id, owner)).Value!.Status);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task CasePage_WithChangesStepFieldsAndErrors_HasNoSeriousOrCriticalAxeViolation(string language)
    {
        // Back at the legal review (a step with its own fields) after the inspector asked for a correction.
        var (_, owner) = await ApplicantAsync("employer");
        var requested = await portal.FilingOf(Filing.Procedure).SubmittedAsync(owner);
        Succeeded(await Applications.DecideAsync(requested.Id, Filing.DeskAgent(requested), new WorkflowCommand.Decide(requested.Step!, StepAction.Approve)));
        var province = requested.Province!;
        Succeeded(await Applications.DecideAsync(requested.Id, Actor.Reviewer("inspector-" + language, "Inspecteur", "labour-inspector", province),
            new WorkflowCommand.Decide("legal_review", StepAction.RequestChanges, "Précisez le nombre d'articles.", ["article_count"])));
        Succeeded(await Applications.SaveAnswersAsync(requested.Id, owner, (await Applications.GetAsync(requested.Id, owner)).Value!.Answers.With("article_count", "99")));
        Succeeded(await Applications.SubmitAsync(requested.Id, owner));
        var inspector = await ReviewerDesk.SignInAsync(portal, "labour-inspector", province, language: Languages.Find(language));

        await inspector.OpenAsync(requested.Id);
        await Assertions.Expect(inspector.Page.Locator("html")).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");
        await Assertions.Expect(inspector.Page.Locator(".answer-changes tbody tr")).ToHaveCountAsync(1);
        await inspector.ChooseAsync(StepAction.Approve);
        await inspector.RecordAsync();
        await Assertions.Expect(inspector.Page.Locator(".decision .error-summary")).ToBeVisibleAsync();
        await Pages.AssertNoSeriousAxeViolationAsync(inspector.Page);

        await inspector.ChooseAsync(StepAction.RequestChanges);
        await Assertions.Expect(inspector.Page.Locator(".reopen")).ToBeVisibleAsync();
        await Pages.AssertNoSeriousAxeViolationAsync(inspector.Page);
    }
}
