using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// A desk agent has a case page open when an administrator deactivates their account: what they do next on that page is
/// refused, saying why, and changes nothing on the file; the next page they load signs them out. The account is made for
/// the test, so nothing is restored.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class DeactivatedReviewerTests(PortalFixture portal)
{
    private const string Password = "une phrase de passe 2026";

    private const string Inactive = "Votre compte n'est plus actif (fermé, ou désactivé par l'administration) : rien n'a été enregistré.";

    [Fact]
    public async Task Reviewer_DeactivatedWithTheCasePageOpen_IsRefusedApprovingClaimingAndLabelling_ThenSignedOut()
    {
        var owner = Actor.Applicant("deactivated-e2e-" + Guid.NewGuid().ToString("N"), "Atlas Textile");
        var file = await portal.FilingOf().SubmittedAsync(owner);
        var deskEmail = await portal.CreateAccountAsync("desk-agent", Password, name: "Hamid Berrada", provinces: [file.Province!]);
        var deskAccount = await portal.FindAccountAsync(deskEmail) ?? throw new InvalidOperationException("the account was not created");
        var admin = await portal.NewPageAsync();
        await Pages.SignInAsync(admin, await portal.CreateAccountAsync("administrator", Password, name: "Nora Administratrice"), Password);
        await admin.GotoAsync($"/staff/{deskAccount.Id}");
        var deactivate = admin.GetByRole(AriaRole.Button, new() { Name = "Désactiver le compte" });
        await Assertions.Expect(deactivate).ToBeVisibleAsync();
        var desk = new ReviewerDesk(await portal.NewPageAsync(), "Hamid Berrada");
        await Pages.SignInAsync(desk.Page, deskEmail, Password);
        // The page is opened just before the deactivation: its circuit checks the account only once a minute, and the
        // actions below must reach the engine while the page still believes its reviewer signed in.
        await desk.OpenAsync(file.Id);
        var claim = desk.Page.Locator(".claims button", new() { HasText = "Prendre en charge" });
        var priority = desk.Page.GetByRole(AriaRole.Group, new() { Name = "Étiquettes" }).GetByRole(AriaRole.Checkbox, new() { Name = "Dossier prioritaire" });
        await Assertions.Expect(claim).ToBeEnabledAsync();
        await Assertions.Expect(priority).ToBeEnabledAsync();
        await desk.ChooseAsync(StepAction.Approve);
        await desk.CommentAsync("Dossier complet.");

        await deactivate.ClickAsync();
        await Assertions.Expect(admin.Locator("p.alert.success")).ToContainTextAsync("désactivé");

        await desk.RecordAsync();
        await Assertions.Expect(desk.Refused).ToContainTextAsync(Inactive);
        await Assertions.Expect(desk.Decided).ToHaveCountAsync(0);
        await claim.ClickAsync();
        await Assertions.Expect(desk.Page.Locator(".claims [role=alert]")).ToContainTextAsync(Inactive);
        await priority.ClickAsync();
        await Assertions.Expect(desk.Page.Locator(".label-panel [role=alert]")).ToContainTextAsync(Inactive);
        // The page shows the file as it is: not labelled, claimed by nobody.
        await Assertions.Expect(priority).Not.ToBeCheckedAsync();
        await Assertions.Expect(desk.Page.Locator(".case-marks .label-chip")).ToHaveCountAsync(0);
        await Assertions.Expect(desk.Page.Locator(".claims li")).ToHaveCountAsync(0);

        var applications = ApplicantDraft.Applications(portal);
        var stored = (await applications.GetAsync(file.Id, owner)).Value!;
        Assert.Equal((ApplicationStatus.InReview, file.Step), (stored.Status, stored.Step));
        var colleague = Filing.DeskAgent(file);
        Assert.Empty((await applications.ClaimsAsync(file.Id, colleague)).Value!);
        Assert.Empty((await applications.LabelsAsync(file.Id, colleague)).Value!.On);

        await Pages.WaitUntilSignedOutAsync(desk.Page, $"/cases/{file.Id}");
        await Assertions.Expect(desk.Page.Locator("main")).Not.ToContainTextAsync(file.Reference!);
    }
}
