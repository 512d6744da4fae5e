using Bunit;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Pages.MyApplications;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using EmploymentProcedures.Host.Components.Shared;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Reviewing;

/// <summary>What the case page exchanges besides the decision: who works on the file, messages with the applicant, the letters issued.</summary>
[Collection(LivePortalTests.Name)]
public sealed class CaseExchangeTests(LivePortal portal)
{
    private Applications Service => portal.Portal.App.Services.GetRequiredService<Applications>();

    private async Task<(Application Submitted, Actor Owner, Actor Agent)> SubmittedAsync()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(owner);
        return (submitted, owner, Filing.DeskAgent(submitted, "desk-" + Guid.NewGuid().ToString("N")));
    }

    private static IRenderedComponent<CasePage> Open(PageContext context, Guid id)
    {
        var page = context.Render<CasePage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("input[name=decision-action]")));
        return page;
    }

    [Fact]
    public async Task Claim_TakenThenReleased_TheHeaderSaysWhoWorksOnTheFile()
    {
        var (submitted, _, agent) = await SubmittedAsync();
        using var context = new PageContext(portal, agent);
        var page = Open(context, submitted.Id);
        Assert.Equal("Personne ne traite ce dossier pour le moment.", page.Find(".claims dd p").TextContent);

        page.Find(".claims button").Click();

        page.WaitForAssertion(() => Assert.StartsWith(agent.Name + " (Agent du guichet)", page.Find(".claims li").TextContent, StringComparison.Ordinal));
        Assert.Equal(agent.UserId, Assert.Single((await Service.ClaimsAsync(submitted.Id, agent)).Value!).UserId);
        Assert.Equal("Libérer le dossier", page.Find(".claims button").TextContent);

        page.Find(".claims button").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".claims li")));
        Assert.Empty((await Service.ClaimsAsync(submitted.Id, agent)).Value!);
    }

    [Fact]
    public async Task Message_WithAFile_IsPostedByTheReviewer_AndTheApplicantReadsItOnTheirPage()
    {
        var (submitted, owner, agent) = await SubmittedAsync();
        using (var context = new PageContext(portal, agent))
        {
            var page = Open(context, submitted.Id);
            page.Find("#message-text").Input("Merci de joindre l'avis signé des délégués.");
            page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Filing.Pdf("modele"), "modele-avis.pdf"));
            page.Find(".message-form").Submit();

            page.WaitForAssertion(() => Assert.Equal("Message envoyé.", page.Find(".messages [role=status]").TextContent));
            Assert.Equal("Merci de joindre l'avis signé des délégués.", page.Find(".thread .text").TextContent);
        }
        var message = Assert.Single((await Service.MessagesAsync(submitted.Id, owner)).Value!);
        var file = Assert.Single(message.Attachments);
        Assert.Equal(("modele-avis.pdf", "pdf"), (file.FileName, file.Format));

        using var applicant = new PageContext(portal, owner);
        var mine = applicant.Render<ApplicationDetail>(p => p.Add(c => c.Id, submitted.Id));

        mine.WaitForAssertion(() => Assert.Equal("Merci de joindre l'avis signé des délégués.", mine.Find(".thread .text").TextContent));
        Assert.Equal($"applications/{submitted.Id}/messages/files/{file.Id}/modele-avis.pdf", mine.Find(".thread a").GetAttribute("href"));
    }

    [Fact]
    public async Task Rejection_OffersTheLetterItIssued_AndTheLettersListHasTheReceiptAndTheDecision()
    {
        var (submitted, owner, agent) = await SubmittedAsync();
        using var context = new PageContext(portal, agent);
        var page = Open(context, submitted.Id);
        Assert.Equal(["Accusé de réception"], page.FindAll(".letters .document-label").Select(e => e.TextContent));

        page.Find("input[value=Reject]").Change(true);
        var kept = KeptText.Key("decision-" + submitted.Step, submitted.Id, agent.UserId);
        Assert.Equal(kept, page.Find("#decision-comment").GetAttribute("data-keep"));
        page.Find("#decision-comment").Change("Le règlement n'a pas été soumis aux délégués du personnel.");
        page.Find(".decision form").Submit();

        page.WaitForAssertion(() => Assert.Equal("Décision de refus", page.Find(".decision .letters .document-label").TextContent));
        Assert.Equal(kept, context.JSInterop.VerifyInvoke("keep.forget").Arguments[0]);
        var letters = (await Service.IssuedAsync(submitted.Id, owner)).Value!;
        Assert.Equal(["receipt", "rejected"], letters.Select(l => l.Kind));
        Assert.Equal($"applications/{submitted.Id}/letters/{letters[1].Id}/{Uri.EscapeDataString(letters[1].FileName)}", page.Find(".decision .letters a").GetAttribute("href"));
        Assert.Equal(["Accusé de réception", "Décision de refus"], page.FindAll("section[aria-labelledby=letters-title] .letters .document-label").Select(e => e.TextContent));
        Assert.Equal("La messagerie est fermée : elle est ouverte du dépôt de la demande jusqu'à la décision.", page.Find(".messages .note").TextContent);
    }
}
