using System.Text;
using System.Text.RegularExpressions;
using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>What goes wrong while applying: bad files, too much text, another tab, a republished procedure, someone else's file.</summary>
[Collection(PortalTests.Name)]
public sealed class ApplyingSafetyTests(PortalFixture portal)
{
    private Answers VisaAnswers => VisaForm.Definition(portal).Tests[0].Answers;

    [Fact]
    public async Task Upload_OversizeRenamedExecutableAndPathInTheName_EachIsRefusedNextToItsDocumentAndNothingIsLost()
    {
        var draft = await ApplicantDraft.StartAsync(portal, VisaForm.Id, VisaAnswers);
        var page = draft.Page;
        await page.GotoAsync(draft.FormUrl(FormPage.DocumentsKey));
        var form = new VisaForm(page, VisaForm.Definition(portal), "fr");
        await form.WaitForFormAsync();
        await form.AttachAsync("contract", "contrat.pdf", VisaForm.Pdf());
        await Assertions.Expect(form.Document("contract").Locator(".document__name")).ToHaveTextAsync("contrat.pdf");

        var oversize = new byte[5 * 1024 * 1024 + 1];
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(oversize, 0);
        await form.AttachAsync("application_form", "demande.pdf", oversize);
        await Assertions.Expect(form.Document("application_form").Locator(".field__error")).ToContainTextAsync("la taille maximale est 5 Mo");

        await form.AttachAsync("passport_copy", "passeport.pdf", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0]);
        await Assertions.Expect(form.Document("passport_copy").Locator(".field__error")).ToContainTextAsync("n'est pas un format accepté");

        await form.AttachAsync("diplomas_certificates", "../../etc/passwd.pdf", VisaForm.Pdf());
        await Assertions.Expect(form.Document("diplomas_certificates").Locator(".field__error")).ToContainTextAsync("caractères de chemin");

        await Assertions.Expect(form.Document("contract").Locator(".document__name")).ToHaveTextAsync("contrat.pdf");
        var stored = await draft.StoredAsync(portal);
        Assert.Equal(["contract"], stored.Documents.Select(d => d.DocumentId));
        Assert.Equal(VisaAnswers.ToJson(), stored.Answers.ToJson());
    }

    [Fact]
    public async Task LongText_HundredThousandCharacters_IsToldTheLimitAndEverythingElseIsKept()
    {
        var draft = await ApplicantDraft.StartAsync(portal, VisaForm.Id, VisaAnswers);
        var page = draft.Page;
        await page.GotoAsync(draft.FormUrl("job"));
        var form = new VisaForm(page, VisaForm.Definition(portal), "fr");
        await form.WaitForFormAsync();

        await form.Input("benefits").FillAsync(new string('a', 100_000));
        await Assertions.Expect(form.Input("benefits")).ToHaveValueAsync(new string('a', 2000));
        await Assertions.Expect(page.Locator("[data-autosave-notice]")).ToHaveTextAsync("Ce champ accepte au plus 2\u202F000 caractères : ce qui dépasse n'est pas gardé.");
        await form.WaitForSavedAsync();

        // Past the browser's limit (a script, a crafted message), the text reaches the server, which says what is wrong; the page stays live.
        await page.EvalOnSelectorAsync("#" + FieldIds.For("benefits"),
            "e => { e.value = 'b'.repeat(100000); e.dispatchEvent(new Event('change', { bubbles: true })); }");
        await Assertions.Expect(page.Locator("#" + FieldIds.For("benefits") + "-error")).ToContainTextAsync("caractères");
        await form.WaitForSavedAsync();
        await form.ChangeAndWaitForSaveAsync(async () =>
        {
            await form.Input("job_title").FillAsync("Ingénieur de maintenance");
            await form.Input("monthly_salary").FocusAsync();
        });

        var stored = await draft.StoredAsync(portal);
        Assert.Equal(100_000, ((string)stored.Answers["benefits"]!).Length);
        Assert.Equal("Ingénieur de maintenance", stored.Answers["job_title"]);
        Assert.Equal(VisaAnswers["employer"] is Answers employer ? employer.ToJson() : null, (stored.Answers["employer"] as Answers)?.ToJson());
    }

    [Fact]
    public async Task Typing_WhileTheLastChangeIsOnItsWayBack_IsKeptShownAndStored()
    {
        var draft = await ApplicantDraft.StartAsync(portal, VisaForm.Id, VisaAnswers);
        var page = draft.Page;
        var replies = await CircuitReplies.RouteAsync(page);
        await page.GotoAsync(draft.FormUrl("job"));
        var form = new VisaForm(page, VisaForm.Definition(portal), "fr");
        await form.WaitForFormAsync();
        var title = form.Input("job_title");

        // A pause in typing sends the field's value (applying.js); its reply is slow, and the person types on meanwhile.
        await title.FillAsync("Ingénieur");
        replies.Hold();
        await title.DispatchEventAsync("change");
        await replies.HeldAsync();
        await Pages.TypeOnAsync(title, " de maintenance");
        replies.Release();

        await Assertions.Expect(title).ToHaveValueAsync("Ingénieur de maintenance");
        await form.ChangeAndWaitForSaveAsync(() => form.Input("monthly_salary").FocusAsync());
        await Assertions.Expect(title).ToHaveValueAsync("Ingénieur de maintenance");
        await draft.WaitForStoredAnswerAsync(portal, "job_title", "Ingénieur de maintenance");
    }

    [Fact]
    public async Task TwoTabs_TheSecondTabsSaveAfterTheFirst_IsNotWrittenOverItButReloadedAndTold()
    {
        var draft = await ApplicantDraft.StartAsync(portal, VisaForm.Id, VisaAnswers);
        var first = new VisaForm(draft.Page, VisaForm.Definition(portal), "fr");
        var other = await draft.Page.Context.NewPageAsync();
        var second = new VisaForm(other, VisaForm.Definition(portal), "fr");
        await first.Page.GotoAsync(draft.FormUrl("worker"));
        await other.GotoAsync(draft.FormUrl("worker"));
        await first.WaitForFormAsync();
        await second.WaitForFormAsync();

        await first.Input("birth_place").FillAsync("Marseille");
        await first.Input("last_name").FocusAsync();
        await first.WaitForSavedAsync();
        await second.Input("first_name").FillAsync("Paul");
        await second.Input("last_name").FocusAsync();

        await Assertions.Expect(other.Locator(".autosave")).ToHaveAttributeAsync("data-state", "reloaded");
        await Assertions.Expect(other.Locator("main [role=alert]")).ToContainTextAsync("modifié ailleurs");
        await Assertions.Expect(second.Input("birth_place")).ToHaveValueAsync("Marseille");
        var stored = await draft.StoredAsync(portal);
        Assert.Equal("Marseille", stored.Answers["birth_place"]);
        Assert.Equal(VisaAnswers["first_name"], stored.Answers["first_name"]);
    }

    [Fact]
    public async Task Submit_AfterTheProcedureWasRepublishedWithARequiredField_IsRefusedUnderTheNewVersionUntilItIsFilled()
    {
        const string procedure = "weekly-rest-suspension-notification";
        var catalog = portal.App.Services.GetRequiredService<ProcedureCatalog>();
        var days = Enumerable.Range(0, 2).Select(d => VisaForm.Date(5 + 7 * d)).ToList();
        var answers = catalog.Definitions[procedure].Tests[0].Answers;
        answers = answers.With("suspensions", days.Select((day, i) => (object?)Answers.From(new Dictionary<string, object?>
        {
            ["suspended_rest_date"] = day,
            ["compensatory_rest_date"] = VisaForm.Date(6 + 7 * i),
        })).ToList());
        var draft = await ApplicantDraft.StartAsync(portal, procedure, answers);
        Assert.True((await draft.AttachAsync(portal, "justification", "rapport.pdf", VisaForm.Pdf())).Succeeded);
        var pinned = (await draft.StoredAsync(portal)).DefinitionVersion;

        var yaml = await File.ReadAllTextAsync(Path.Combine(catalog.Library.Directory, procedure + ".yaml"));
        var changed = yaml.Replace("      - { id: reason_details,",
            "      - { id: site_manager, type: text, required: true, max_length: 80, label: { fr: \"Responsable du site\", ar: \"مسؤول الموقع\" } }\n      - { id: reason_details,",
            StringComparison.Ordinal);
        var loaded = new ProcedureLoader(catalog.Library).LoadText(changed, procedure + ".yaml");
        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Diagnostics));
        var published = await portal.App.Services.GetRequiredService<DefinitionStore>().PublishAsync(loaded.Definition!, changed);
        Assert.True(published.Version > pinned);

        // The draft follows the version in force: the review moves it, and the new required field stops the submission.
        var page = draft.Page;
        await page.GotoAsync($"/applications/{draft.Id}/review");
        var declare = page.Locator(".declaration[data-live=true]");
        await declare.Locator("#declaration").CheckAsync();
        await declare.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Responsable du site");
        var stored = await draft.StoredAsync(portal);
        Assert.Equal(ApplicationStatus.Draft, stored.Status);
        Assert.Equal(published.Version, stored.DefinitionVersion);
    }

    [Fact]
    public async Task SomeoneElsesApplication_AnyOfItsPages_IsNotFoundAsIfItDidNotExist()
    {
        var owner = await ApplicantDraft.SubmittedVisaAsync(portal);
        var stranger = await ApplicantDraft.StartAsync(portal, VisaForm.Id, Answers.Empty);
        foreach (var path in new[] { "form", "form?page=worker", "review", "receipt" })
        {
            foreach (var id in new[] { owner.Id, Guid.NewGuid() })
            {
                var response = await stranger.Page.GotoAsync($"/applications/{id}/{path}");
                Assert.Equal(404, response?.Status);
                await Assertions.Expect(stranger.Page.Locator("h1")).ToHaveTextAsync("Page introuvable");
            }
        }
    }

    [Fact]
    public async Task Anonymous_ApplyingOrOpeningAnApplication_IsAskedToSignInAndComesBack()
    {
        var page = await portal.NewPageAsync();
        var id = Guid.NewGuid();
        await page.GotoAsync($"/applications/{id}/review");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in\\?returnUrl=%2Fapplications%2F" + id + "%2Freview$"));
        await page.GotoAsync($"/apply/{VisaForm.Id}");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in\\?returnUrl=%2Fapply%2F" + VisaForm.Id + "$"));
    }

    [Fact]
    public async Task Worker_ApplyingToAnEmployerProcedure_IsToldWhoMayApply()
    {
        var email = await portal.CreateAccountAsync("worker", ApplicantDraft.Password);
        var page = await portal.NewPageAsync();
        await Pages.SignInAsync(page, email, ApplicantDraft.Password);
        await page.GotoAsync($"/apply/{VisaForm.Id}");

        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("déposée par les comptes « Employeur »");
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("compte « Salarié »");
    }

    [Fact]
    public async Task Review_SubmittedWithSomethingMissing_GoesBackToTheFormWithTheServersReportAndLinks()
    {
        var draft = await ApplicantDraft.StartAsync(portal, VisaForm.Id, VisaAnswers.With("monthly_salary", null));
        var page = draft.Page;
        await page.GotoAsync($"/applications/{draft.Id}/review");
        var declare = page.Locator(".declaration[data-live=true]");
        await declare.WaitForAsync();

        // Keyboard only: the declaration is required, then ticked with the space bar and sent with Enter.
        await declare.Locator("button[type=submit]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#declaration")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator(".declaration [role=alert]")).ToBeFocusedAsync();
        await page.Locator("#declaration").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/form\?page=job&check=1$"));
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.Locator($"a[href$='#{FieldIds.For("monthly_salary")}']")).ToBeVisibleAsync();
        await Assertions.Expect(summary).ToContainTextAsync(VisaForm.Definition(portal).Documents.Single(d => d.Id == "application_form").Label!.Get("fr"));
    }
}
