using System.Text.RegularExpressions;
using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

[Collection(PortalTests.Name)]
public sealed partial class ApplyingTests(PortalFixture portal)
{
    private const string Password = ApplicantDraft.Password;

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task Employer_AppliesLeavesHalfWayAndComesBack_SubmitsAndGetsTheReceipt(string code)
    {
        var language = Languages.Find(code)!;
        var definition = VisaForm.Definition(portal);
        var page = await portal.NewPageAsync(language);
        var email = $"employer-{Guid.NewGuid():N}@example.test";
        await Pages.SignUpAsync(portal, page, "employer", "Atlas Ingénierie", email, Password);

        await Pages.StartApplicationAsync(page, VisaForm.Id, FormUrl("employer"));
        var form = new VisaForm(page, definition, code);
        await form.WaitForFormAsync();
        await Assertions.Expect(page).ToHaveURLAsync(FormUrl("employer"));
        var formUrl = page.Url[..page.Url.IndexOf('?', StringComparison.Ordinal)];
        if (code == "ar")
        {
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await Assertions.Expect(page.Locator(".procedure-form")).ToHaveAttributeAsync("dir", "rtl");
            await Assertions.Expect(page.Locator($"label[for='{FieldIds.For("employer.company_name")}']")).ToHaveTextAsync("الاسم التجاري");
        }
        await form.FillEmployerAsync();
        await form.NextAsync("worker");
        await form.FillWorkerAsync();
        await form.NextAsync("job");
        await form.ChangeAndWaitForSaveAsync(form.FillJobAsync);
        var owner = await portal.FindAccountAsync(email) ?? throw new InvalidOperationException("the account was not created");
        await new ApplicantDraft(page, Guid.Parse(formUrl.Split('/')[^2]), Actor.Applicant(owner.Id, owner.DisplayName))
            .WaitForStoredAnswerAsync(portal, "monthly_salary", "32000");
        await page.Context.CloseAsync();

        // Later, in another browser: the draft is found again and the form opens where something is still missing.
        page = await portal.NewPageAsync(language);
        await Pages.SignInAsync(page, email, Password);
        await Pages.StartApplicationAsync(page, VisaForm.Id, FormUrl("anapec"));
        form = new VisaForm(page, definition, code);
        await form.WaitForFormAsync();
        await Assertions.Expect(page).ToHaveURLAsync(formUrl + "?page=anapec");
        await Assertions.Expect(form.Heading).ToHaveTextAsync(form.Title("anapec"));
        await page.Locator(".form-nav .button--secondary").ClickAsync();
        await Assertions.Expect(form.Input("duration_months")).ToHaveValueAsync("24");
        await Assertions.Expect(form.Input("monthly_salary")).ToHaveValueAsync("32000");
        await form.NextAsync("anapec");
        await form.FillAnapecAsync();
        await Pages.ScreenshotAsync(page, "form." + code);
        await form.NextAsync("commitments");
        await form.FillCommitmentsAsync();
        await form.NextAsync(FormPage.DocumentsKey);
        await form.AttachRequiredDocumentsAsync();
        await page.Locator(".form-nav button[type=submit]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/review$"));
        await Assertions.Expect(page.Locator(".answers").First).ToContainTextAsync("Atlas Ingénierie SARL");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Diplôme d'ingénieur en génie mécanique");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("passport_copy.pdf");
        var declare = page.Locator(".declaration[data-live=true]");
        await declare.Locator("#declaration").CheckAsync();
        await declare.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/receipt$"));
        var reference = page.Locator(".receipt__facts .reference");
        await Assertions.Expect(reference).ToHaveTextAsync(ReferencePattern());
        await Assertions.Expect(page.Locator(".receipt")).ToContainTextAsync(code == "ar" ? "تم إيداع طلبكم بنجاح." : "Votre demande a bien été déposée.");
        await Assertions.Expect(page.Locator(".steps > li")).ToHaveCountAsync(definition.Steps.Count);
        await Assertions.Expect(page.Locator("button[data-print]")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "receipt." + code);

        var account = (await portal.FindAccountAsync(email))!;
        var stored = await new ApplicantDraft(page, Guid.Parse(formUrl.Split('/')[^2]), Actor.Applicant(account.Id, account.DisplayName)).StoredAsync(portal);
        Assert.Equal(ApplicationStatus.InReview, stored.Status);
        Assert.Equal(await reference.TextContentAsync(), stored.Reference);
        Assert.Equal("24", stored.Answers["duration_months"]);
        Assert.Equal(VisaForm.RequiredDocuments.Order(), stored.Documents.Select(d => d.DocumentId).Order());
    }

    [Fact]
    public async Task ChangesRequested_OnlyTheReopenedFieldsChange_ThenTheSameReviewResubmits()
    {
        var draft = await ApplicantDraft.SubmittedVisaAsync(portal);
        var reviewer = Actor.Reviewer("desk-" + Guid.NewGuid().ToString("N"), "Agent du guichet", "desk-agent", "casablanca");
        var requested = await ApplicantDraft.Applications(portal).DecideAsync(draft.Id, reviewer,
            new WorkflowCommand.Decide("reception", Engine.Definitions.StepAction.RequestChanges, "Le salaire ne correspond pas au contrat.", Reopen: ["monthly_salary"]));
        Assert.True(requested.Succeeded, requested.ToString());
        var page = draft.Page;
        var form = new VisaForm(page, VisaForm.Definition(portal), "fr");

        await page.GotoAsync($"/applications/{draft.Id}/form");
        await form.WaitForFormAsync();
        await Assertions.Expect(page).ToHaveURLAsync(FormUrl("job"));
        await Assertions.Expect(page.Locator(".alert.changes")).ToContainTextAsync("Le salaire ne correspond pas au contrat.");
        await Assertions.Expect(form.Input("job_title")).ToBeDisabledAsync();
        await form.Input("monthly_salary").FillAsync("34000");
        await form.NextAsync("anapec");
        await form.WaitForSavedAsync();
        await page.GotoAsync($"/applications/{draft.Id}/review");
        var declare = page.Locator(".declaration[data-live=true]");
        await Assertions.Expect(declare.Locator("button[type=submit]")).ToHaveTextAsync("Renvoyer ma demande corrigée");
        await declare.Locator("#declaration").CheckAsync();
        await declare.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/receipt$"));
        await Assertions.Expect(page.Locator(".receipt__done")).ToHaveTextAsync("Votre demande corrigée a bien été renvoyée.");
        var stored = await draft.StoredAsync(portal);
        Assert.Equal(ApplicationStatus.InReview, stored.Status);
        Assert.Equal("34000", stored.Answers["monthly_salary"]);
    }

    /// <summary>The address of the form of an application on page <paramref name="page"/>.</summary>
    internal static Regex FormUrl(string page) => new(@"/applications/[0-9a-f-]{36}/form\?page=" + page + "$");

    [GeneratedRegex(@"^TAE-\d{4}-\d{6}$")]
    private static partial Regex ReferencePattern();
}
