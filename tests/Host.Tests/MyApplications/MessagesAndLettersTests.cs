using System.Net;
using Bunit;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Pages.MyApplications;
using EmploymentProcedures.Host.Components.Shared;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.MyApplications;
using Microsoft.AspNetCore.Components.Forms;

namespace EmploymentProcedures.Host.Tests.MyApplications;

/// <summary>
/// The messages with the reviewers and the letters the administration issued, on the applicant's page of an
/// application, and their downloads: only for whoever may see the application.
/// </summary>
[Collection(LivePortalTests.Name)]
public sealed class MessagesAndLettersTests(LivePortal portal)
{
    private async Task<(string Email, Actor Owner, Application Submitted)> SubmittedAsync()
    {
        var (email, owner) = await portal.AccountAsync("employer");
        return (email, owner, await portal.Filing.SubmittedAsync(owner));
    }

    [Fact]
    public async Task Applicant_WritesAMessageWithAFile_ItJoinsTheThreadAndTheReviewerReadsIt()
    {
        var (_, owner, submitted) = await SubmittedAsync();
        using var context = new PageContext(portal, owner);
        var page = context.Render<ApplicationDetail>(p => p.Add(c => c.Id, submitted.Id));
        page.WaitForElement(".message-form");
        Assert.Equal("Aucun message pour l'instant.", page.Find(".messages > p").TextContent);

        var kept = KeptText.Key("message", submitted.Id, owner.UserId);
        Assert.Equal(kept, page.Find("#message-text").GetAttribute("data-keep"));
        page.Find("#message-text").Input("Voici le procès-verbal\nsigné par les délégués.");
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Filing.Pdf("pv"), "pv signé.pdf"));
        page.Find(".message-form").Submit();

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".thread .message-item")));
        var item = page.Find(".thread .message-item");
        Assert.Equal("Vous", item.QuerySelector(".author")!.TextContent);
        Assert.Equal("Voici le procès-verbal\nsigné par les délégués.", item.QuerySelector(".text")!.TextContent);
        Assert.Equal("pv signé.pdf", item.QuerySelector(".files a")!.TextContent.Split(" — ")[0]);
        Assert.Equal("Message envoyé.", page.Find(".message-form [role=status]").TextContent);
        Assert.Equal("", page.Find("#message-text").GetAttribute("value") ?? "");
        Assert.Equal(kept, context.JSInterop.VerifyInvoke("keep.forget").Arguments[0]);

        var reviewerThread = (await portal.Applications.MessagesAsync(submitted.Id, Filing.DeskAgent(submitted))).Value!;
        var message = Assert.Single(reviewerThread);
        Assert.True(message.FromApplicant);
        Assert.Equal("pv signé.pdf", Assert.Single(message.Attachments).FileName);
    }

    [Fact]
    public void KeptTextKey_IsTheWritersOwn_AndShowsNoId()
    {
        var application = Guid.NewGuid();

        var amina = KeptText.Key("message", application, "user-amina");
        var youssef = KeptText.Key("message", application, "user-youssef");

        Assert.NotEqual(amina, youssef);
        Assert.NotEqual(amina, KeptText.Key("message", Guid.NewGuid(), "user-amina"));
        Assert.StartsWith($"message:{application:N}:", amina, StringComparison.Ordinal);
        Assert.DoesNotContain("amina", amina, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyMessage_IsRefusedWithTheEnginesWords_AndNothingIsPosted()
    {
        var (_, owner, submitted) = await SubmittedAsync();
        using var context = new PageContext(portal, owner, Languages.Arabic);
        var page = context.Render<ApplicationDetail>(p => p.Add(c => c.Id, submitted.Id));
        page.WaitForElement(".message-form");

        page.Find("#message-text").Input("   ");
        page.Find(".message-form").Submit();

        page.WaitForAssertion(() => Assert.Equal("اكتبوا نص الرسالة.", page.Find(".message-form [role=alert]").TextContent));
        Assert.Empty((await portal.Applications.MessagesAsync(submitted.Id, owner)).Value!);
    }

    [Fact]
    public async Task ReviewersMessage_IsShownAsTheAdministrations_AndTheThreadClosesWithTheDecision()
    {
        var (_, owner, submitted) = await SubmittedAsync();
        var agent = Filing.DeskAgent(submitted);
        Assert.NotNull((await portal.Applications.PostMessageAsync(submitted.Id, agent, "Merci de préciser l'effectif.", [])).Value);
        Assert.NotNull((await portal.Applications.DecideAsync(submitted.Id, agent,
            new WorkflowCommand.Decide(submitted.Step!, StepAction.Reject, "Le projet ne porte pas de signature."))).Application);

        using var context = new PageContext(portal, owner);
        var page = context.Render<ApplicationDetail>(p => p.Add(c => c.Id, submitted.Id));

        page.WaitForAssertion(() => Assert.Equal("Message de l'administration", page.Find(".thread .author").TextContent));
        Assert.DoesNotContain(agent.Name, page.Find(".thread").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".message-form"));
        Assert.StartsWith("La messagerie est fermée", page.Find(".messages .note").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letters_TheReceiptAndTheDecision_AreListedToShowAndToDownload()
    {
        var (_, owner, submitted) = await SubmittedAsync();
        await portal.Applications.DecideAsync(submitted.Id, Filing.DeskAgent(submitted),
            new WorkflowCommand.Decide(submitted.Step!, StepAction.Reject, "Le projet ne porte pas de signature."));
        var letters = (await portal.Applications.IssuedAsync(submitted.Id, owner)).Value!;

        using var context = new PageContext(portal, owner);
        var page = context.Render<ApplicationDetail>(p => p.Add(c => c.Id, submitted.Id));

        page.WaitForAssertion(() => Assert.Equal(["Accusé de réception", "Décision de refus"], page.FindAll(".letters .document-label").Select(e => e.TextContent)));
        var links = page.FindAll(".letters a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(letters.SelectMany(l => new[] { ApplicationFiles.Url(l), ApplicationFiles.Url(l, download: true), LetterPdfDownload.Url(l) }), links);
    }

    [Fact]
    public async Task Letters_EachWithItsCode_TheApplicantIsToldAThirdPartyCanCheckThem()
    {
        var (_, owner, submitted) = await SubmittedAsync();
        var receipt = Assert.Single((await portal.Applications.IssuedAsync(submitted.Id, owner)).Value!);
        Assert.True(VerificationCode.TryParse(receipt.VerificationCode, out var code));

        using var context = new PageContext(portal, owner);
        var page = context.Render<ApplicationDetail>(p => p.Add(c => c.Id, submitted.Id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".letters .code")));
        Assert.Equal(code.ToString(), page.Find(".letters .code").TextContent);
        var hint = page.Find("#letters-title ~ p.hint");
        Assert.Contains("peut vérifier qu'il a bien été délivré par l'administration", hint.TextContent, StringComparison.Ordinal);
        Assert.Equal("verify", hint.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Letter_ShownToItsOwner_IsSandboxedHtml_AndSavedAsAnAttachment()
    {
        var (email, owner, submitted) = await SubmittedAsync();
        var receipt = Assert.Single((await portal.Applications.IssuedAsync(submitted.Id, owner)).Value!);
        using var client = await portal.SignedInAsync(email);

        using var shown = await client.GetAsync(ApplicationFiles.Url(receipt));
        using var saved = await client.GetAsync(ApplicationFiles.Url(receipt, download: true));

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("text/html", shown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ApplicationFiles.LetterContentSecurityPolicy, shown.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains(submitted.Reference!, await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("attachment", saved.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/octet-stream", saved.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await shown.Content.ReadAsByteArrayAsync(), await saved.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task LetterAndMessageFile_ForAnotherApplicant_Are404()
    {
        var (_, owner, submitted) = await SubmittedAsync();
        var receipt = Assert.Single((await portal.Applications.IssuedAsync(submitted.Id, owner)).Value!);
        var posted = (await portal.Applications.PostMessageAsync(submitted.Id, owner, "Le PV.", [new MessageFile("pv.pdf", new MemoryStream(Filing.Pdf("pv")))])).Value!;
        var (stranger, _) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(stranger);

        using var letter = await client.GetAsync(ApplicationFiles.Url(receipt));
        using var file = await client.GetAsync(ApplicationFiles.Url(submitted.Id, posted.Attachments[0]));

        Assert.Equal(HttpStatusCode.NotFound, letter.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.DoesNotContain(submitted.Reference!, await letter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageFile_ForTheReviewerOfTheProvince_IsTheBytesAsAnAttachment()
    {
        var (_, owner, submitted) = await SubmittedAsync();
        var posted = (await portal.Applications.PostMessageAsync(submitted.Id, owner, "Le PV.", [new MessageFile("pv.pdf", new MemoryStream(Filing.Pdf("pv")))])).Value!;
        var (agent, _) = await portal.AccountAsync("desk-agent", submitted.Province!);
        using var client = await portal.SignedInAsync(agent);

        using var response = await client.GetAsync(ApplicationFiles.Url(submitted.Id, posted.Attachments[0]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Filing.Pdf("pv"), await response.Content.ReadAsByteArrayAsync());
    }
}
