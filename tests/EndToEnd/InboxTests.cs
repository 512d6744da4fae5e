using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>Reviewers find files in their inbox; the inbox (with its confirmation of a batch) and the dashboard pass axe-core in French and Arabic.</summary>
[Collection(PortalTests.Name)]
public sealed class InboxTests(PortalFixture portal)
{
    private const string Password = "une phrase de passe 2026";

    private Filing Filing => portal.FilingOf();

    [Fact]
    public async Task DeskAgent_FindsASubmittedApplicationByItsReference_OpensIt_LabelsIt_AndFindsItByTheLabel()
    {
        var application = await Filing.SubmittedAsync(Actor.Applicant("inbox-e2e-" + Guid.NewGuid().ToString("N"), "Karim Tazi"));
        var email = await portal.CreateAccountAsync("desk-agent", Password, "fr", provinces: [application.Province!]);
        var page = await portal.NewPageAsync();
        await Pages.SignInAsync(page, email, Password);

        await Pages.FollowAsync(page, page.Locator(".main-nav a[href='inbox']"), new("/inbox$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dossiers");
        await page.Locator("#inbox-search").FillAsync(application.Reference!);
        await page.Locator("#inbox-search").PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inbox\\?q=" + application.Reference));
        var lines = page.Locator("tbody tr");
        await Assertions.Expect(lines).ToHaveCountAsync(1);
        await Assertions.Expect(lines.Locator("th a")).ToHaveTextAsync(application.Reference!);
        await Assertions.Expect(page.Locator(".inbox-total")).ToHaveTextAsync("1 dossier");
        await Pages.FollowAsync(page, lines.Locator("th a"), new($"/cases/{application.Id}$"));

        // The case page's labels: a group of checkboxes named by its legend, ticked from the keyboard.
        var priority = page.GetByRole(AriaRole.Group, new() { Name = "Étiquettes" }).GetByRole(AriaRole.Checkbox, new() { Name = "Dossier prioritaire" });
        await Assertions.Expect(priority).ToBeEnabledAsync();
        await priority.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator(".label-panel [role=status]")).ToHaveTextAsync("Étiquette « Dossier prioritaire » ajoutée.");
        await Assertions.Expect(page.Locator(".case-marks .label-chip")).ToHaveTextAsync("Dossier prioritaire");
        await Pages.AssertNoSeriousAxeViolationAsync(page);

        // The inbox filtered by that label (in the GET form, so in the address) shows the file with its chip.
        await page.GotoAsync("/inbox?q=" + Uri.EscapeDataString(application.Reference!));
        await page.GetByRole(AriaRole.Group, new() { Name = "Étiquette" }).GetByRole(AriaRole.Checkbox, new() { Name = "Dossier prioritaire (1)" }).CheckAsync();
        await page.Locator(".inbox-filters button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("label=priority"));
        await Assertions.Expect(lines).ToHaveCountAsync(1);
        await Assertions.Expect(lines.Locator(".label-chip")).ToHaveTextAsync("Dossier prioritaire");
        await Pages.AssertNoSeriousAxeViolationAsync(page);

        // The selection bar takes it off again: the label chosen from the keyboard in a select named by its label.
        await page.Locator("#inbox-select-all").CheckAsync();
        await page.Locator(".batch-bar button[data-action=RemoveLabel]").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Confirmer : Retirer une étiquette" });
        var label = dialog.GetByLabel("Étiquette");
        await label.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(label).ToHaveValueAsync("priority");
        await Assertions.Expect(dialog.Locator("#batch-dialog-count")).ToHaveTextAsync("L'action portera sur 1 dossier.");
        await Pages.AssertNoSeriousAxeViolationAsync(page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirmer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".batch-summary[role=status]")).ToHaveTextAsync("Étiquette « Dossier prioritaire » retirée de 1 dossier.");
        await Assertions.Expect(page.Locator("tbody .label-chip")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ReviewerOfAnotherProvince_DoesNotSeeTheApplication()
    {
        var application = await Filing.SubmittedAsync(Actor.Applicant("inbox-e2e-" + Guid.NewGuid().ToString("N"), "Karim Tazi"));
        var email = await portal.CreateAccountAsync("desk-agent", Password, "fr", provinces: [application.Province == "rabat" ? "casablanca" : "rabat"]);
        var page = await portal.NewPageAsync();
        await Pages.SignInAsync(page, email, Password);

        await page.GotoAsync("/inbox?q=" + Uri.EscapeDataString(application.Reference!));

        await Assertions.Expect(page.Locator(".empty-state")).ToHaveTextAsync("Aucun dossier ne correspond à ces critères.");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task InboxAndDashboard_HaveNoSeriousAxeViolation(string language)
    {
        var application = await Filing.SubmittedAsync(Actor.Applicant("inbox-e2e-" + Guid.NewGuid().ToString("N"), "Karim Tazi"));
        await Filing.RequestChangesAsync(await Filing.SubmittedAsync(Actor.Applicant("inbox-e2e-" + Guid.NewGuid().ToString("N"), "Karim Tazi")), "Précisez.", "article_count");
        var agent = await portal.CreateAccountAsync("desk-agent", Password, language, provinces: [application.Province!]);
        var delegate_ = await portal.CreateAccountAsync("provincial-delegate", Password, language, provinces: [application.Province!]);
        var page = await portal.NewPageAsync(Languages.Find(language));

        await Pages.SignInAsync(page, agent, Password);
        await page.GotoAsync("/inbox");
        await Assertions.Expect(page.Locator("tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");
        await Pages.AssertNoSeriousAxeViolationAsync(page);
        // The selection bar and the confirmation of an action on several files.
        await page.Locator("#inbox-select-all").CheckAsync();
        await page.Locator(".batch-bar button").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeFocusedAsync();
        await Pages.AssertNoSeriousAxeViolationNowAsync(page);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await Pages.SignOutAsync(page);
        await Pages.SignInAsync(page, delegate_, Password);
        await page.GotoAsync("/dashboard");
        await Assertions.Expect(page.Locator("figure.chart svg").First).ToBeVisibleAsync();
        await Pages.AssertNoSeriousAxeViolationAsync(page);
    }
}
