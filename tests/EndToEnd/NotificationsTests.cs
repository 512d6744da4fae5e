using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>An applicant is told in the portal what the reviewers did: the header's count, the notifications page, the link to the file.</summary>
[Collection(PortalTests.Name)]
public sealed class NotificationsTests(PortalFixture portal)
{
    /// <summary>The header link's name with one new: its text, then the count said in words (Chromium puts a space before the comma).</summary>
    private static readonly System.Text.RegularExpressions.Regex OneNew = new("^Notifications ?, 1 nouvelle$");

    [Fact]
    public async Task Applicant_Submits_DeskAgentRequestsChanges_TheHeaderSaysOneNew_AndItsLineLeadsToTheApplication()
    {
        var draft = await ApplicantDraft.StartAsync(portal, VisaForm.Id, VisaForm.Definition(portal).Tests[0].Answers);
        foreach (var document in VisaForm.RequiredDocuments)
            Assert.True((await draft.AttachAsync(portal, document, document + ".pdf", VisaForm.Pdf(document))).Succeeded);
        var page = draft.Page;
        await page.GotoAsync($"/applications/{draft.Id}/review");
        var declare = page.Locator(".declaration[data-live=true]");
        await declare.Locator("#declaration").CheckAsync();
        await declare.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/receipt$"));
        var reference = (await draft.StoredAsync(portal)).Reference!;

        // The submission's own notice, read once: from then on only what the reviewers do is new.
        await page.GotoAsync("/applications");
        var notifications = page.Locator(".site-header a.notifications-link");
        await Assertions.Expect(notifications).ToHaveAccessibleNameAsync(OneNew);
        await notifications.ClickAsync();
        await Assertions.Expect(page.Locator("li.notification .what")).ToContainTextAsync($"Demande déposée sous la référence {reference}.");

        var desk = await ReviewerDesk.SignInAsync(portal, "desk-agent", (await draft.StoredAsync(portal)).Province ?? "casablanca");
        await desk.OpenAsync(draft.Id);
        await desk.ChooseAsync(StepAction.RequestChanges);
        await desk.Page.Locator(".reopen input[value=birth_place]").CheckAsync();
        await desk.CommentAsync("Le lieu de naissance ne correspond pas au passeport.");
        await desk.RecordAsync();
        await Assertions.Expect(desk.Decided).ToBeVisibleAsync();

        await page.GotoAsync("/applications");
        await Assertions.Expect(notifications).ToHaveAccessibleNameAsync(OneNew);
        await Assertions.Expect(notifications.Locator(".count")).ToHaveTextAsync("1");
        await notifications.ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Notifications");
        var latest = page.Locator("li.notification").First;
        await Assertions.Expect(latest.Locator(".new-mark")).ToHaveTextAsync("Nouveau");
        await Assertions.Expect(latest.Locator(".what")).ToContainTextAsync(
            $"Votre demande {reference} (Visa du contrat de travail d'un salarié étranger (première demande)) : Des modifications vous sont demandées à l'étape « Validation en ligne du dossier (TAECHIR) ».");
        await Assertions.Expect(latest.Locator("blockquote")).ToHaveTextAsync("Le lieu de naissance ne correspond pas au passeport.");
        await Assertions.Expect(page.Locator("li.notification").Nth(1).Locator(".new-mark")).ToHaveCountAsync(0);
        await Assertions.Expect(notifications.Locator(".count")).ToHaveCountAsync(0);

        await latest.Locator(".what a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/applications/{draft.Id}$"));
        await Assertions.Expect(page.Locator(".changes-request blockquote")).ToHaveTextAsync("Le lieu de naissance ne correspond pas au passeport.");
        await Assertions.Expect(notifications).ToHaveAccessibleNameAsync("Notifications");
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task NotificationsPage_HasNoSeriousOrCriticalAxeViolation(string language)
    {
        var draft = await ApplicantDraft.SubmittedVisaAsync(portal, Languages.Find(language));
        var requested = await ApplicantDraft.Applications(portal).DecideAsync(draft.Id,
            Actor.Reviewer("notify-desk-" + Guid.NewGuid().ToString("N"), "Agent du guichet", "desk-agent", (await draft.StoredAsync(portal)).Province ?? "casablanca"),
            new WorkflowCommand.Decide("reception", StepAction.RequestChanges, "Le lieu de naissance ne correspond pas au passeport.", ["birth_place"]));
        Assert.True(requested.Succeeded, requested.ToString());

        await draft.Page.GotoAsync("/notifications");
        await Assertions.Expect(draft.Page.Locator("li.notification .new-mark")).ToHaveCountAsync(2);
        await Assertions.Expect(draft.Page.Locator("html")).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");

        await Pages.AssertNoSeriousAxeViolationAsync(draft.Page);
    }
}
