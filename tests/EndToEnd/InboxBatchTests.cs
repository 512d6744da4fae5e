using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>A reviewer acts on several files of the inbox at once; the applicants see the outcome on their pages.</summary>
[Collection(PortalTests.Name)]
public sealed class InboxBatchTests(PortalFixture portal)
{
    private const string Password = "une phrase de passe 2026";

    /// <summary>Declarations received by a desk agent, then acknowledged by the labour inspector (whose step has only an optional field).</summary>
    private Filing Declarations => portal.FilingOf("lost-hours-recovery-notification");

    [Fact]
    public async Task Inspector_AcknowledgesThreeDeclarationsAtOnce_AndTheApplicantSeesThemAcknowledged()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        var email = await portal.CreateAccountAsync("employer", Password, "fr", "Atlas " + word);
        var account = (await portal.FindAccountAsync(email))!;
        var applicant = Actor.Applicant(account.Id, account.DisplayName, account.Role);
        var declarations = new List<Application>();
        for (var i = 0; i < 3; i++)
            declarations.Add(await Declarations.ReceivedAsync(await Declarations.SubmittedAsync(applicant)));
        var inspector = await ReviewerDesk.SignInAsync(portal, "labour-inspector", declarations[0].Province!);
        var page = inspector.Page;

        await page.GotoAsync("/inbox?q=" + word);
        await Assertions.Expect(page.Locator("main[data-live=true]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(3);
        await page.Locator("#inbox-select-all").CheckAsync();
        await Assertions.Expect(page.Locator(".batch-count")).ToHaveTextAsync("3 dossiers sélectionnés");
        var acknowledge = page.Locator(".batch-bar button[data-action=Acknowledge]");
        await acknowledge.ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Confirmer : Accuser réception" });
        await Assertions.Expect(dialog).ToBeFocusedAsync();
        await Assertions.Expect(dialog.Locator("#batch-dialog-count")).ToHaveTextAsync("L'action portera sur 3 dossiers.");
        await Pages.AssertNoSeriousAxeViolationNowAsync(page);
        // The keyboard stays in the dialog: Shift+Tab from it reaches its last button, Tab from there comes back to it.
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(dialog.Locator("button").Last).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(dialog).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(acknowledge).ToBeFocusedAsync();

        await acknowledge.ClickAsync();
        await dialog.Locator("#batch-comment").FillAsync("Prise en compte de la récupération.");
        await dialog.Locator("button.primary").ClickAsync();

        await Assertions.Expect(page.Locator(".batch-summary[role=status]")).ToHaveTextAsync("3 dossiers accusés réception.");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(0);

        var own = await portal.NewPageAsync();
        await Pages.SignInAsync(own, email, Password);
        await own.GotoAsync("/applications");
        foreach (var declaration in declarations)
            await Assertions.Expect(own.Locator("tbody tr", new() { HasText = declaration.Reference }).Locator(".status")).ToHaveTextAsync("Enregistrée");
    }

    [Fact]
    public async Task DeskAgent_WritesToTheApplicantsOfTwoTickedFiles_AndEachApplicantReadsItOnTheirApplication()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        var filing = portal.FilingOf();
        var applicants = new List<(string Email, Application Application)>();
        foreach (var who in new[] { "Atlas", "Sahara" })
        {
            var email = await portal.CreateAccountAsync("employer", Password, "fr", $"{who} {word}");
            var account = (await portal.FindAccountAsync(email))!;
            applicants.Add((email, await filing.SubmittedAsync(Actor.Applicant(account.Id, account.DisplayName, account.Role))));
        }
        var agent = await ReviewerDesk.SignInAsync(portal, "desk-agent", applicants[0].Application.Province!);
        var page = agent.Page;
        const string Text = "Le modèle d'attestation a changé : merci d'utiliser la nouvelle version disponible sur le portail.";

        await page.GotoAsync("/inbox?q=" + word);
        await Assertions.Expect(page.Locator("main[data-live=true]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);
        foreach (var (_, application) in applicants)
            await page.GetByRole(AriaRole.Checkbox, new() { Name = application.Reference, Exact = true }).CheckAsync();
        await Assertions.Expect(page.Locator(".batch-count")).ToHaveTextAsync("2 dossiers sélectionnés");
        await page.Locator(".batch-bar button[data-action=Message]").ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Écrire aux demandeurs" });
        await Assertions.Expect(dialog).ToBeFocusedAsync();
        await Assertions.Expect(dialog.Locator("#batch-dialog-count")).ToHaveTextAsync("Le message sera envoyé à 2 dossiers.");
        await dialog.GetByLabel("Message (obligatoire)").FillAsync(Text);
        await Pages.AssertNoSeriousAxeViolationNowAsync(page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();

        await Assertions.Expect(page.Locator(".batch-summary[role=status]")).ToHaveTextAsync("Message envoyé à 2 dossiers.");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        foreach (var (email, application) in applicants)
        {
            var own = await portal.NewPageAsync();
            await Pages.SignInAsync(own, email, Password);
            await own.GotoAsync($"/applications/{application.Id}");
            var message = own.Locator(".thread .message-item");
            await Assertions.Expect(message).ToHaveCountAsync(1);
            await Assertions.Expect(message.Locator(".text")).ToHaveTextAsync(Text);
            await Assertions.Expect(message.Locator(".author")).ToHaveTextAsync("Message de l'administration");
        }
    }
}
