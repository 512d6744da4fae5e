using System.Text.RegularExpressions;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// A third party checks a decision letter in Chromium: the address its QR code opens, in a browser that never signed in,
/// says the document is authentic with its reference and shows the letter as issued; the page passes axe-core.
/// </summary>
[Collection(PortalTests.Name)]
public sealed partial class VerificationTests(PortalFixture portal)
{
    private Applications Applications => portal.App.Services.GetRequiredService<Applications>();

    [Fact]
    public async Task DecisionLetter_ItsVerificationAddressOpenedByAStranger_SaysAuthenticWithTheReferenceAndShowsTheLetter()
    {
        var applicant = await ApplicantDraft.SubmittedVisaAsync(portal);
        var province = (await applicant.StoredAsync(portal)).Province ?? "casablanca";
        var desk = await ReviewerDesk.SignInAsync(portal, "desk-agent", province);
        await desk.DecideAsync(applicant.Id, StepAction.Reject, "Le contrat de travail n'est pas visé par l'employeur.");
        var reference = (await applicant.StoredAsync(portal)).Reference!;
        var decision = (await Applications.IssuedAsync(applicant.Id, applicant.Applicant)).Value!.Single(l => l.Kind == "rejected");
        await using var issued = (await Applications.OpenIssuedAsync(applicant.Id, applicant.Applicant, decision.Id)).Value!;
        var html = await new StreamReader(issued).ReadToEndAsync();
        Assert.True(VerificationCode.TryParse(PrintedCode().Match(html).Groups[1].Value, out var code));
        // The QR code holds the portal's public address (Portal:PublicUrl, here the default): its path, on this portal.
        var address = VerificationBlock.AddressOf(Applications.LocalPortal, code);

        var stranger = await portal.NewPageAsync();
        var violations = Pages.CspViolations(stranger);
        await stranger.GotoAsync(address.PathAndQuery);

        await Assertions.Expect(stranger.Locator("#verified-title")).ToHaveTextAsync("Document authentique");
        await Assertions.Expect(stranger.Locator(".verified-facts")).ToContainTextAsync(reference);
        await Assertions.Expect(stranger.Locator(".verified-facts")).ToContainTextAsync("Décision de refus");
        var letter = stranger.FrameLocator("iframe.verified-letter");
        await Assertions.Expect(letter.Locator(".verification-code")).ToHaveTextAsync(code.ToString());
        await Assertions.Expect(letter.Locator("body")).ToContainTextAsync("n'est pas visé par l'employeur");
        Assert.Empty(violations);
        await Pages.AssertNoSeriousAxeViolationNowAsync(stranger, intoFrames: false);

        await stranger.GotoAsync("/verify");
        await Assertions.Expect(stranger.Locator("#code")).ToBeVisibleAsync();
        await Pages.AssertNoSeriousAxeViolationNowAsync(stranger);
        await stranger.Locator("#code").FillAsync(code.ToString().ToLowerInvariant().Replace('-', ' '));
        await stranger.Locator(".verify-form button[type=submit]").ClickAsync();
        await Assertions.Expect(stranger.Locator("#verified-title")).ToHaveTextAsync("Document authentique");
        await stranger.Context.CloseAsync();
    }

    [GeneratedRegex("""class="verification-code"[^>]*>([0-9A-Z-]{24})</bdi>""")]
    private static partial Regex PrintedCode();
}
