using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// A long text being written (a message, a decision's reason) outlives a lost connection: after a reload, which is what a
/// person does when the portal says the connection is lost, it is there again; once sent, it is gone (js/keep.js).
/// </summary>
[Collection(PortalTests.Name)]
public sealed class KeptTextTests(PortalFixture portal)
{
    private const string Password = "une phrase de passe 2026";

    private Filing Filing => portal.FilingOf();

    [Fact]
    public async Task ApplicantsMessage_BeingWritten_IsBackAfterAReload_AndGoneOnceSent()
    {
        var email = await portal.CreateAccountAsync("employer", Password);
        var account = (await portal.FindAccountAsync(email))!;
        var application = await Filing.SubmittedAsync(Actor.Applicant(account.Id, account.DisplayName, account.Role));
        var page = await portal.NewPageAsync();
        await Pages.SignInAsync(page, email, Password);
        await page.GotoAsync($"/applications/{application.Id}");
        await Assertions.Expect(page.Locator(".withdraw")).ToHaveAttributeAsync("data-live", "true");
        const string Text = "Le procès-verbal signé suit par courrier.\nMerci de patienter.";

        await page.Locator("#message-text").FillAsync(Text);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".withdraw")).ToHaveAttributeAsync("data-live", "true");

        await Assertions.Expect(page.Locator("#message-text")).ToHaveValueAsync(Text);
        await page.Locator(".message-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".message-form [role=status]")).ToHaveTextAsync("Message envoyé.");
        await Assertions.Expect(page.Locator(".thread .message-item .text")).ToHaveTextAsync(Text);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".withdraw")).ToHaveAttributeAsync("data-live", "true");
        await Assertions.Expect(page.Locator(".thread .message-item")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#message-text")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task ReviewersReason_BeingWritten_IsBackWhenTheActionIsChosenAgain_AndNotForTheNextPersonInTheTab()
    {
        var application = await Filing.SubmittedAsync(Actor.Applicant("kept-" + Guid.NewGuid().ToString("N"), "Karim Tazi"));
        var first = await portal.CreateAccountAsync("desk-agent", Password, "fr", provinces: [application.Province!]);
        var second = await portal.CreateAccountAsync("desk-agent", Password, "fr", provinces: [application.Province!]);
        var page = await portal.NewPageAsync();
        await Pages.SignInAsync(page, first, Password);
        await page.GotoAsync($"/cases/{application.Id}");
        var panel = page.Locator(".decision");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-live", "true");
        const string Reason = "Le règlement n'a pas été soumis aux délégués du personnel.";

        await panel.Locator("input[value=Reject]").CheckAsync();
        await page.Locator("#decision-comment").FillAsync(Reason);
        await page.ReloadAsync();
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-live", "true");
        await panel.Locator("input[value=Reject]").CheckAsync();

        await Assertions.Expect(page.Locator("#decision-comment")).ToHaveValueAsync(Reason);
        await Pages.SignOutAsync(page);
        await Pages.SignInAsync(page, second, Password);
        await page.GotoAsync($"/cases/{application.Id}");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-live", "true");
        await panel.Locator("input[value=Reject]").CheckAsync();
        await Assertions.Expect(page.Locator("#decision-comment")).ToHaveValueAsync("");
    }
}
