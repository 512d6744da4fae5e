using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Components.Designer;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// An analyst retires a procedure from its editor: it leaves the catalog, its page says it is closed, a draft says it can no
/// longer be submitted, and a file submitted before goes on to its decision. The portal is shared, so the procedure is one
/// no other browser test applies to, and it is reinstated at the end whatever happened.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class RetiringTests(PortalFixture portal)
{
    private const string Password = "une phrase de passe 2026";

    /// <summary>Routed to the establishment's province, three steps (desk agent, labour inspector, provincial delegate).</summary>
    private const string Procedure = "internal-regulations-amendment";

    private const string Closed = "Cette procédure n'est plus ouverte aux nouvelles demandes depuis le";

    [Fact]
    public async Task Retiring_FromTheEditor_ClosesItToNewApplicantsAndDrafts_WhileASubmittedFileIsDecided()
    {
        var filing = portal.FilingOf(Procedure);
        var employerEmail = await portal.CreateAccountAsync("employer", Password, name: "Atlas Textile");
        var employer = await portal.FindAccountAsync(employerEmail) ?? throw new InvalidOperationException("the account was not created");
        var applicant = Actor.Applicant(employer.Id, employer.DisplayName, employer.Role);
        var submitted = await filing.SubmittedAsync(applicant);
        var draft = await filing.DraftAsync(applicant);
        try
        {
            var analyst = await portal.NewPageAsync(Languages.French);
            await Pages.SignInAsync(analyst, await portal.CreateAccountAsync("analyst", Password, name: "Leila Analyste"), Password);
            await analyst.GotoAsync($"/designer/{Procedure}");
            await analyst.Locator(".retire__open").ClickAsync();
            // The reason is mandatory: the dialog says so and retires nothing.
            await analyst.Locator(".retire__confirm").ClickAsync();
            await Assertions.Expect(analyst.Locator("#retire-reason-error")).ToHaveTextAsync("Indiquez le motif du retrait.");
            Assert.Null(portal.App.Services.GetRequiredService<PublishedCatalog>().RetirementOf(Procedure));
            await analyst.Locator("#retire-reason").FillAsync("Abrogée par le décret n° 2-26-118.");
            await analyst.Locator(".retire__confirm").ClickAsync();
            await Assertions.Expect(analyst.GetByRole(AriaRole.Status).Filter(new() { HasText = "Procédure retirée" })).ToBeVisibleAsync();
            await Assertions.Expect(analyst.Locator(".retired-notice")).ToContainTextAsync("Abrogée par le décret n° 2-26-118.");

            // A new applicant: not offered in the catalog, and the page reached by an old link says it is closed, with no "start".
            var newcomer = await portal.NewPageAsync();
            await Pages.SignInAsync(newcomer, await portal.CreateAccountAsync("employer", Password), Password);
            await newcomer.GotoAsync("/");
            await Pages.SearchAsync(newcomer, "règlement intérieur");
            await Assertions.Expect(newcomer.Locator(".procedure-card a[href='procedures/internal-regulations-approval']")).ToBeVisibleAsync();
            await Assertions.Expect(newcomer.Locator($".procedure-card a[href='procedures/{Procedure}']")).ToHaveCountAsync(0);
            await newcomer.GotoAsync($"/procedures/{Procedure}");
            var closed = newcomer.Locator(".retired-procedure");
            await Assertions.Expect(closed).ToContainTextAsync(Closed);
            await Assertions.Expect(closed).ToContainTextAsync("Les dossiers déjà déposés suivent leur cours jusqu'à leur décision");
            await Assertions.Expect(newcomer.Locator(".start")).ToHaveCountAsync(0);

            // The applicant's draft says it before anything is filled in, and its submission is refused with the same words.
            var owner = await portal.NewPageAsync();
            await Pages.SignInAsync(owner, employerEmail, Password);
            await owner.GotoAsync($"/applications/{draft.Id}/form");
            await Assertions.Expect(owner.Locator(".retired-procedure")).ToContainTextAsync(Closed);
            await Assertions.Expect(owner.Locator(".retired-procedure")).ToContainTextAsync("Une demande commencée mais pas encore déposée ne peut plus être déposée.");
            await owner.GotoAsync($"/applications/{draft.Id}/review");
            await Assertions.Expect(owner.Locator(".retired-procedure")).ToContainTextAsync(Closed);
            await Assertions.Expect(owner.Locator("form.declaration[data-live=true]")).ToBeVisibleAsync();
            await owner.Locator("#declaration").CheckAsync();
            await owner.Locator("form.declaration button[type=submit]").ClickAsync();
            await Assertions.Expect(owner.Locator("form.declaration [role=alert]")).ToContainTextAsync(Closed);
            Assert.Equal(ApplicationStatus.Draft, (await ApplicantDraft.Applications(portal).GetAsync(draft.Id, applicant)).Value!.Status);

            // The file submitted before goes through its three reviewers to its decision, which its applicant reads.
            var province = submitted.Province!;
            await (await ReviewerDesk.SignInAsync(portal, "desk-agent", province)).DecideAsync(submitted.Id, StepAction.Approve);
            await (await ReviewerDesk.SignInAsync(portal, "labour-inspector", province)).DecideAsync(submitted.Id, StepAction.Approve,
                fields: new Dictionary<string, string> { ["review_opinion"] = "Les articles modifiés sont conformes au code du travail." });
            await (await ReviewerDesk.SignInAsync(portal, "provincial-delegate", province)).DecideAsync(submitted.Id, StepAction.Approve,
                fields: new Dictionary<string, string> { ["approval_number"] = "DP-2026-77", ["approval_date"] = ReviewerDesk.Today });
            Assert.Equal(ApplicationStatus.Approved, (await ApplicantDraft.Applications(portal).GetAsync(submitted.Id, applicant)).Value!.Status);
            await owner.GotoAsync($"/applications/{submitted.Id}");
            await Assertions.Expect(owner.Locator(".facts .status").First).ToHaveTextAsync("Acceptée");

            // Reinstated from the same part of the editor: offered again.
            await analyst.GotoAsync($"/designer/{Procedure}");
            await analyst.Locator(".reinstate-button").ClickAsync();
            await Assertions.Expect(analyst.GetByRole(AriaRole.Status).Filter(new() { HasText = "Procédure rétablie" })).ToBeVisibleAsync();
            await newcomer.GotoAsync($"/procedures/{Procedure}");
            await Assertions.Expect(newcomer.Locator(".start button[type=submit]")).ToBeVisibleAsync();
        }
        finally
        {
            await ReinstateAsync();
        }
    }

    /// <summary>Opens the procedure again if the test stopped while it was retired, so that the other tests find it.</summary>
    private async Task ReinstateAsync()
    {
        var services = portal.App.Services;
        if (services.GetRequiredService<PublishedCatalog>().RetirementOf(Procedure) is null)
            return;
        var analyst = new Actor("retiring-e2e", "Analyste des tests", DesignerAccess.Analyst, RoleKind.Staff, []);
        var outcome = await DesignerRetirement.ReinstateAsync(Procedure, analyst,
            services.GetRequiredService<DefinitionStore>(), services.GetRequiredService<CatalogRefresh>());
        Assert.Equal(RetirementOutcome.Done, outcome);
    }
}
