using System.Text.RegularExpressions;
using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// What a person types or clicks on a prerendered page before its circuit has taken it over (a slow connection, held
/// here by <see cref="CircuitHold"/>): what was typed is shown and stored once the page is live, unless the server
/// changed it meanwhile; a file chosen is uploaded once the page is live, through the live form's own checks; a button
/// that needs the circuit says it is not ready; links and GET forms work anyway.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class TakeoverTests(PortalFixture portal)
{
    [Fact]
    public async Task Form_TypedBeforeTheCircuitTakesOver_IsShownGivenToTheLiveFormAndStored()
    {
        var (draft, form, hold) = await HeldJobPageAsync();
        var page = draft.Page;

        // The prerendered form is shown at once and can be typed into.
        await Assertions.Expect(page.Locator("[data-autosave][data-live=false] .procedure-form")).ToBeVisibleAsync();
        await form.Input("workplace.province").SelectOptionAsync("nouaceur");
        await page.Locator($"input[name='{FieldIds.For("contract_type")}'][value='cdd']").CheckAsync();
        await form.Input("job_title").FillAsync("Ingénieur de maintenance");
        await Pages.TypeOnAsync(form.Input("job_title"), " industrielle");
        await Assertions.Expect(form.Input("duration_months")).ToHaveCountAsync(0);
        Assert.False((await draft.StoredAsync(portal)).Answers.ContainsKey("job_title"));

        await hold.ReleaseAsync();

        await Assertions.Expect(form.Input("job_title")).ToHaveValueAsync("Ingénieur de maintenance industrielle");
        await Assertions.Expect(form.Input("job_title")).ToBeFocusedAsync();
        await Assertions.Expect(form.Input("workplace.province")).ToHaveValueAsync("nouaceur");
        await Assertions.Expect(page.Locator($"input[name='{FieldIds.For("contract_type")}'][value='cdd']")).ToBeCheckedAsync();
        // The live form received the choice: the field shown only for a fixed-term contract is there.
        await Assertions.Expect(form.Input("duration_months")).ToBeVisibleAsync();
        var stored = await StoredOnceAsync(draft, a => a.Answers["job_title"] is not null && a.Answers["contract_type"] is not null && a.Answers.Get("workplace.province") is not null);
        Assert.Equal("Ingénieur de maintenance industrielle", stored.Answers["job_title"]);
        Assert.Equal("cdd", stored.Answers["contract_type"]);
        Assert.Equal("nouaceur", stored.Answers.Get("workplace.province"));
    }

    [Fact]
    public async Task Form_ChangedOnTheServerWhileTheCircuitWasHeld_KeepsTheServersValueAndRestoresTheRest()
    {
        var (draft, form, hold) = await HeldJobPageAsync();
        await form.Input("job_title").FillAsync("Saisi dans cet onglet");
        await form.Input("workplace.commune").FillAsync("Bouskoura");

        // Meanwhile another tab saves the same field.
        var saved = await ApplicantDraft.Applications(portal).SaveAnswersAsync(draft.Id, draft.Applicant, Answers.Empty.With("job_title", "Enregistré par un autre onglet"));
        Assert.True(saved.Succeeded, saved.ToString());
        await hold.ReleaseAsync();

        await Assertions.Expect(form.Input("workplace.commune")).ToHaveValueAsync("Bouskoura");
        await Assertions.Expect(form.Input("job_title")).ToHaveValueAsync("Enregistré par un autre onglet");
        var stored = await StoredOnceAsync(draft, a => a.Answers.Get("workplace.commune") is not null);
        Assert.Equal("Bouskoura", stored.Answers.Get("workplace.commune"));
        Assert.Equal("Enregistré par un autre onglet", stored.Answers["job_title"]);
    }

    [Fact]
    public async Task Form_NextPressedBeforeTheCircuitTakesOver_SaysThePageIsNotReadyAndLosesNothing()
    {
        var (draft, form, hold) = await HeldJobPageAsync();
        var page = draft.Page;
        var next = page.Locator(".form-nav button[type=submit]");
        var notice = page.Locator("[data-takeover-notice]");
        await Assertions.Expect(next).ToHaveAttributeAsync("aria-disabled", "true");
        await Assertions.Expect(notice).ToBeHiddenAsync();

        await form.Input("job_title").FillAsync("Ingénieur de maintenance");
        // Playwright waits for an aria-disabled button to be enabled; a person presses it anyway.
        await next.ClickAsync(new() { Force = true });
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToHaveTextAsync(new Regex("^La page se prépare"));
        // Enter in a field would submit the form to the address itself and reload the page: it waits too.
        await form.Input("job_title").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("page=job$"));
        await Assertions.Expect(form.Input("job_title")).ToHaveValueAsync("Ingénieur de maintenance");

        await hold.ReleaseAsync();

        await Assertions.Expect(notice).ToHaveCountAsync(0);
        await Assertions.Expect(next).Not.ToHaveAttributeAsync("aria-disabled", "true");
        await Assertions.Expect(form.Input("job_title")).ToHaveValueAsync("Ingénieur de maintenance");
        var stored = await StoredOnceAsync(draft, a => a.Answers["job_title"] is not null);
        Assert.Equal("Ingénieur de maintenance", stored.Answers["job_title"]);
    }

    [Fact]
    public async Task Form_FileChosenBeforeTheCircuitTakesOver_IsUploadedOnceLiveWithoutChoosingItAgain()
    {
        var (draft, form, hold) = await HeldDocumentsPageAsync();
        var chooser = form.Input("passport_copy");
        // The chooser opens while the page is prerendered: it no longer waits for the circuit.
        await Assertions.Expect(chooser).Not.ToHaveAttributeAsync("aria-disabled", "true");

        await form.AttachAsync("passport_copy", "passeport.pdf", VisaForm.Pdf("passeport"));
        await Assertions.Expect(draft.Page.Locator("[data-takeover-notice]")).ToBeHiddenAsync();
        Assert.Empty((await draft.StoredAsync(portal)).Documents);
        await hold.ReleaseAsync();

        await Assertions.Expect(form.Document("passport_copy").Locator(".document__name")).ToHaveTextAsync("passeport.pdf");
        var stored = await StoredOnceAsync(draft, a => a.Documents.Count > 0);
        var attached = Assert.Single(stored.Documents);
        Assert.Equal(("passport_copy", "passeport.pdf"), (attached.DocumentId, attached.FileName));
        // Given once: no second copy arrives later.
        await Task.Delay(1_000);
        Assert.Single((await draft.StoredAsync(portal)).Documents);
    }

    [Fact]
    public async Task Form_FileOfAFormatNotAcceptedChosenBeforeTheCircuitTakesOver_IsRefusedOnceLiveLikeAnyOther()
    {
        var (draft, form, hold) = await HeldDocumentsPageAsync();

        await form.Input("passport_copy").SetInputFilesAsync(new FilePayload { Name = "passeport.exe", MimeType = "application/octet-stream", Buffer = VisaForm.Pdf() });
        await hold.ReleaseAsync();

        await Assertions.Expect(form.Document("passport_copy").Locator(".field__error")).ToContainTextAsync("passeport.exe");
        await Assertions.Expect(form.Document("passport_copy").Locator(".document__name")).ToHaveCountAsync(0);
        Assert.Empty((await draft.StoredAsync(portal)).Documents);
    }

    [Fact]
    public async Task Form_WhileTheCircuitIsHeld_InArabic_PassesAxeWithTheNotReadyNotice()
    {
        var (draft, _, hold) = await HeldJobPageAsync(Languages.Arabic);
        var page = draft.Page;
        await page.Locator(".form-nav button[type=submit]").ClickAsync(new() { Force = true });
        var notice = page.Locator("[data-takeover-notice]");
        await Assertions.Expect(notice).ToHaveTextAsync(new Regex("^الصفحة قيد التحضير"));

        await Pages.AssertNoSeriousAxeViolationNowAsync(page);
        await hold.ReleaseAsync();
    }

    [Fact]
    public async Task Review_DeclarationTickedBeforeTheCircuitTakesOver_StaysTickedAndTheSubmissionGoesThrough()
    {
        var draft = await ApplicantDraft.StartAsync(portal, VisaForm.Id, VisaForm.Definition(portal).Tests[0].Answers);
        foreach (var document in VisaForm.RequiredDocuments)
            Assert.True((await draft.AttachAsync(portal, document, document + ".pdf", VisaForm.Pdf(document))).Succeeded);
        var page = draft.Page;
        var hold = await CircuitHold.OnAsync(page);
        await page.GotoAsync($"/applications/{draft.Id}/review");
        var submit = page.Locator(".declaration button[type=submit]");

        await page.Locator("#declaration").CheckAsync();
        await Assertions.Expect(submit).ToBeDisabledAsync();
        await hold.ReleaseAsync();

        await Assertions.Expect(page.Locator("#declaration")).ToBeCheckedAsync();
        await Assertions.Expect(submit).ToBeEnabledAsync();
        await submit.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/receipt$"));
        Assert.Equal(ApplicationStatus.InReview, (await draft.StoredAsync(portal)).Status);
    }

    [Fact]
    public async Task Catalog_SearchTypedBeforeTheCircuitTakesOver_StaysAndFiltersTheList()
    {
        var page = await portal.NewPageAsync();
        var hold = await CircuitHold.OnAsync(page);
        await page.GotoAsync("/");
        await page.Locator("#q").FillAsync("visa");
        await hold.ReleaseAsync();

        await Assertions.Expect(page.Locator("#q")).ToHaveValueAsync("visa");
        await Assertions.Expect(Pages.ProcedureLinks(page)).Not.ToHaveCountAsync(55);
        await Assertions.Expect(page.Locator($"a[href='procedures/{VisaForm.Id}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Catalog_LinkFollowedBeforeTheCircuitTakesOver_OpensTheProcedure()
    {
        var page = await portal.NewPageAsync();
        var hold = await CircuitHold.OnAsync(page);
        await page.GotoAsync("/");
        await page.Locator($"a[href='procedures/{VisaForm.Id}']").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/procedures/{VisaForm.Id}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(VisaForm.Definition(portal).Title.Get("fr"));
        await hold.ReleaseAsync();
        await Assertions.Expect(page.Locator(".start[data-live=true] button")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Inbox_FilterAppliedBeforeTheCircuitTakesOver_IsAnOrdinaryGetThatWorks()
    {
        var application = await portal.FilingOf().SubmittedAsync(Actor.Applicant("takeover-" + Guid.NewGuid().ToString("N"), "Karim Tazi"));
        var email = await portal.CreateAccountAsync("desk-agent", ApplicantDraft.Password, "fr", provinces: [application.Province!]);
        var page = await portal.NewPageAsync();
        await Pages.SignInAsync(page, email, ApplicantDraft.Password);
        var hold = await CircuitHold.OnAsync(page);
        await page.GotoAsync("/inbox");

        await page.Locator("#inbox-search").FillAsync(application.Reference!);
        var apply = page.Locator(".inbox-filters button[type=submit]");
        await Assertions.Expect(apply).Not.ToHaveAttributeAsync("aria-disabled", "true");
        await apply.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inbox\\?q=" + application.Reference));
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await hold.ReleaseAsync();
        await Assertions.Expect(page.Locator("#inbox-search")).ToHaveValueAsync(application.Reference!);
    }

    /// <summary>A new empty draft of the visa whose job page is opened with its circuit held back (still prerendered).</summary>
    /// <summary>
    /// A link followed on a page not yet live, its circuit held or starting, the next page slow to come (a loaded server):
    /// the next page is shown, and it goes live. Followed through Blazor's enhanced navigation, the circuit starting
    /// meanwhile drew the page being left under the next page's address.
    /// </summary>
    [Theory]
    [InlineData(0, false)]
    [InlineData(300, true)]
    [InlineData(1500, true)]
    public async Task Link_FollowedWhileTheCircuitStarts_ShowsThePageItLedTo(int nextPageDelay, bool circuitStarting)
    {
        var email = await portal.CreateAccountAsync("desk-agent", "une phrase de passe 2026", "fr", provinces: ["rabat"]);
        var page = await portal.NewPageAsync();
        await Pages.SignInAsync(page, email, "une phrase de passe 2026");
        var hold = await CircuitHold.OnAsync(page);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("main[data-live=false]")).ToHaveCountAsync(1);
        // The next page is slow to come, and the circuit of the page being left starts meanwhile.
        await page.RouteAsync(new Regex("/inbox$"), async route =>
        {
            await Task.Delay(nextPageDelay);
            await route.ContinueAsync();
        });

        if (circuitStarting)
            hold.Release();
        await page.Locator(".main-nav a[href='inbox']").ClickAsync();
        hold.Release();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inbox$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dossiers");
        await Assertions.Expect(page.Locator("main[data-live=true]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dossiers");
        Assert.EndsWith("/inbox", page.Url, StringComparison.Ordinal);
    }

    private async Task<(ApplicantDraft Draft, VisaForm Form, CircuitHold Hold)> HeldJobPageAsync(Language? language = null)
    {
        var draft = await ApplicantDraft.StartAsync(portal, VisaForm.Id, Answers.Empty, language);
        var hold = await CircuitHold.OnAsync(draft.Page);
        await draft.Page.GotoAsync(draft.FormUrl("job"));
        return (draft, new VisaForm(draft.Page, VisaForm.Definition(portal), language?.Code ?? "fr"), hold);
    }

    /// <summary>A draft of the visa with the first scenario's answers whose documents page is opened with its circuit held back.</summary>
    private async Task<(ApplicantDraft Draft, VisaForm Form, CircuitHold Hold)> HeldDocumentsPageAsync()
    {
        var draft = await ApplicantDraft.StartAsync(portal, VisaForm.Id, VisaForm.Definition(portal).Tests[0].Answers);
        var hold = await CircuitHold.OnAsync(draft.Page);
        await draft.Page.GotoAsync(draft.FormUrl(FormPage.DocumentsKey));
        await Assertions.Expect(draft.Page.Locator("[data-autosave][data-live=false] .field--document").First).ToBeVisibleAsync();
        return (draft, new VisaForm(draft.Page, VisaForm.Definition(portal), "fr"), hold);
    }

    /// <summary>The application as stored once <paramref name="saved"/> holds (the autosave writes shortly after a change), or after 15 s.</summary>
    private async Task<Application> StoredOnceAsync(ApplicantDraft draft, Func<Application, bool> saved)
    {
        for (var waited = 0; ; waited += 200)
        {
            var stored = await draft.StoredAsync(portal);
            if (saved(stored) || waited >= 15_000)
                return stored;
            await Task.Delay(200);
        }
    }
}
