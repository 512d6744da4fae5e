using System.Text.RegularExpressions;
using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>"Tell us once": an employer's identity, given in one application, fills the next one they start, which they check and submit.</summary>
[Collection(PortalTests.Name)]
public sealed class CarryingTests(PortalFixture portal)
{
    [Fact]
    public async Task Employer_StartsASecondProcedure_FindsTheirIdentityFilledWithTheNotice_AndSubmits()
    {
        var email = await portal.CreateAccountAsync("employer", ApplicantDraft.Password, "fr");
        var account = await portal.FindAccountAsync(email) ?? throw new InvalidOperationException("the account was not created");
        var applicant = Actor.Applicant(account.Id, account.DisplayName, account.Role);
        // The internal regulations, submitted first: their employer section answers the same fragment as the visa's.
        var earlier = await portal.FilingOf().SubmittedAsync(applicant);
        var page = await portal.NewPageAsync();
        await Pages.SignInAsync(page, email, ApplicantDraft.Password);

        await Pages.StartApplicationAsync(page, VisaForm.Id, ApplyingTests.FormUrl("employer"));
        var form = new VisaForm(page, VisaForm.Definition(portal), "fr");
        await form.WaitForFormAsync();

        var notice = page.Locator(".carried-notice");
        await Assertions.Expect(notice).ToContainTextAsync($"Ces informations reprennent celles de votre demande {earlier.Reference} du ");
        await Assertions.Expect(notice).ToContainTextAsync("Vérifiez-les et corrigez-les si besoin.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Vider la section « Identification de l'employeur »" })).ToBeEnabledAsync();
        await Assertions.Expect(form.Input("employer.company_name")).ToHaveValueAsync((string)earlier.Answers.Get("employer.company_name")!);
        await Assertions.Expect(form.Input("employer.ice")).ToHaveValueAsync((string)earlier.Answers.Get("employer.ice")!);
        await Assertions.Expect(form.Input("employer.phone")).ToHaveValueAsync((string)earlier.Answers.Get("employer.phone")!);
        await Pages.AssertNoSeriousAxeViolationAsync(page);

        await form.NextAsync("worker");
        await form.FillWorkerAsync();
        await form.NextAsync("job");
        await form.FillJobAsync();
        await form.NextAsync("anapec");
        await form.FillAnapecAsync();
        await form.NextAsync("commitments");
        await form.FillCommitmentsAsync();
        await form.NextAsync(FormPage.DocumentsKey);
        await form.AttachRequiredDocumentsAsync();
        await page.Locator(".form-nav button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/review$"));
        await Assertions.Expect(page.Locator(".answers").First).ToContainTextAsync((string)earlier.Answers.Get("employer.company_name")!);
        var declare = page.Locator(".declaration[data-live=true]");
        await declare.Locator("#declaration").CheckAsync();
        await declare.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/receipt$"));

        var mine = await ApplicantDraft.Applications(portal).MineAsync(applicant);
        var visa = (await ApplicantDraft.Applications(portal).GetAsync(mine.Single(a => a.ProcedureId == VisaForm.Id).Id, applicant)).Value!;
        Assert.Equal(ApplicationStatus.InReview, visa.Status);
        Assert.Equal(earlier.Answers.Get("employer.ice"), visa.Answers.Get("employer.ice"));
        Assert.Equal(earlier.Reference, Assert.Single(visa.Carried).Reference);
    }
}
