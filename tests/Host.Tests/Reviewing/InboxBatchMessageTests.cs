using System.Text;
using Bunit;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using EmploymentProcedures.Host.Components.Shared;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Reviewing;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;

namespace EmploymentProcedures.Host.Tests.Reviewing;

/// <summary>"Écrire aux demandeurs": one message written in the inbox's selection bar, sent to each ticked file's applicant in their own thread.</summary>
[Collection(LivePortalTests.Name)]
public sealed class InboxBatchMessageTests(LivePortal portal)
{
    private const string Text = "Le modèle d'attestation a changé : merci d'utiliser celui ci-joint.";

    /// <summary>Three files of one applicant, and a desk agent of their province.</summary>
    private async Task<(InboxFiles Files, Actor Applicant, Actor Agent)> FilesAsync()
    {
        var files = await InboxFiles.FileAsync(portal, inReview: 2);
        var (_, agent) = await portal.AccountAsync("desk-agent", files.Province);
        return (files, Actor.Applicant("applicant-" + files.Word, "Salma Benali " + files.Word), agent);
    }

    /// <summary>
    /// The agent's inbox searched to the three files (the context is made by the test itself: the language it sets is the
    /// test's culture, which an async helper's would not give back).
    /// </summary>
    private static IRenderedComponent<Inbox> Render(PageContext context)
    {
        var page = context.Render<Inbox>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        return page;
    }

    private static void TickAll(IRenderedComponent<Inbox> page)
    {
        page.Find("#inbox-select-all").Change(true);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".batch-bar button[data-action=Message]")));
    }

    [Fact]
    public async Task Message_OneFileWithdrawnSinceThePageWasRead_IsListedAsNotReceivingIt_AndTheOthersGetTheMessageWithItsFile()
    {
        var (files, applicant, agent) = await FilesAsync();
        using var context = ReviewerPage.At(portal, agent, $"inbox?q={files.Word}");
        var page = Render(context);
        // The applicant withdraws a file after the page read its lines: ticking it asks the engine, which says it is closed.
        var withdrawn = files.InReview[1];
        Assert.True((await portal.Applications.WithdrawAsync(withdrawn.Id, applicant, "Déposé par erreur")).Succeeded);
        TickAll(page);
        Assert.Equal(["Prendre en charge", "Approuver", "Écrire aux demandeurs", "Ajouter une étiquette", "Retirer une étiquette"],
            page.FindAll(".batch-bar button").Select(b => b.TextContent));

        page.Find(".batch-bar button[data-action=Message]").Click();

        var dialog = page.Find("[role=dialog]");
        Assert.Equal(("true", "batch-dialog-title"), (dialog.GetAttribute("aria-modal"), dialog.GetAttribute("aria-labelledby")));
        Assert.Equal("Écrire aux demandeurs", page.Find("#batch-dialog-title").TextContent);
        Assert.Equal("Le message sera envoyé à 2 dossiers.", page.Find("#batch-dialog-count").TextContent);
        Assert.Equal("1 dossier ne le recevra pas :", page.Find("#batch-dialog-refused").TextContent);
        Assert.StartsWith(withdrawn.Reference + " — Messagerie indisponible", ReviewerPage.Text(page.Find(".batch-refused li")), StringComparison.Ordinal);
        var text = page.Find("#batch-message-text");
        Assert.True(text.HasAttribute("required"));
        Assert.Equal((Applications.MessageMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), "auto"), (text.GetAttribute("maxlength"), text.GetAttribute("dir")));
        Assert.Equal("Message (obligatoire)", page.Find("label[for=batch-message-text]").TextContent);
        Assert.Equal("Au plus 4000 caractères et 5 pièces jointes (PDF, JPEG ou PNG, 10 Mo chacune).", page.Find("#batch-message-help").TextContent);
        Assert.True(page.Find("form.inbox-filters").HasAttribute("inert"));

        // The text is required: sending without one says so in the dialog, which stays, and sends nothing.
        page.Find("[role=dialog] button.primary").Click();
        page.WaitForAssertion(() => Assert.Equal("Écrivez un message.", page.Find("[role=dialog] .field-error[role=alert]").TextContent));
        Assert.Empty((await portal.Applications.MessagesAsync(files.InReview[0].Id, applicant)).Value!);

        page.Find("#batch-message-text").Input(Text);
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Filing.Pdf("modele"), "modèle d'attestation.pdf"));
        page.Find("[role=dialog] button.primary").Click();

        page.WaitForAssertion(() => Assert.Equal("Message envoyé à 2 dossiers ; 1 non envoyé :", page.Find(".batch-summary[role=status] p").TextContent));
        Assert.Empty(page.FindAll("[role=dialog]"));
        var link = page.Find(".batch-summary li a");
        Assert.Equal((withdrawn.Reference, ReviewerPages.CaseUrl(withdrawn.Id)), (link.TextContent, link.GetAttribute("href")));
        foreach (var file in new[] { files.InReview[0], files.ChangesRequested })
        {
            var message = Assert.Single((await portal.Applications.MessagesAsync(file.Id, applicant)).Value!);
            Assert.Equal((Text, false, agent.UserId), (message.Text, message.FromApplicant, message.AuthorId));
            Assert.Equal("modèle d'attestation.pdf", Assert.Single(message.Attachments).FileName);
        }
        Assert.Empty((await portal.Applications.MessagesAsync(withdrawn.Id, applicant)).Value!);
        Assert.Equal(KeptText.Key("batch-message", Guid.Empty, agent.UserId), context.JSInterop.VerifyInvoke("keep.forget").Arguments[0]);
    }

    [Fact]
    public async Task Message_RefusedAsAWhole_KeepsTheDialogWithTheTextAndFiles_AndSaysNothingWasSent()
    {
        var (files, applicant, agent) = await FilesAsync();
        using var context = ReviewerPage.At(portal, agent, $"inbox?q={files.Word}");
        var page = Render(context);
        TickAll(page);
        page.Find(".batch-bar button[data-action=Message]").Click();
        var executable = Encoding.ASCII.GetBytes("MZ\u0090\0\u0003\0\0\0This program cannot be run in DOS mode.");
        page.Find("#batch-message-text").Input(Text);
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(executable, "formulaire.pdf"));

        page.Find("[role=dialog] button.primary").Click();

        page.WaitForAssertion(() => Assert.StartsWith("Rien n'a été envoyé : « formulaire.pdf » :", page.Find("[role=dialog] .field-error[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.EndsWith("Votre message est conservé ci-dessus.", page.Find("[role=dialog] .field-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(Text, page.Find("#batch-message-text").GetAttribute("value"));
        Assert.Contains("formulaire.pdf", page.Find("[role=dialog] .chosen li").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".batch-summary"));
        foreach (var file in files.All)
            Assert.Empty((await portal.Applications.MessagesAsync(file.Id, applicant)).Value!);

        page.Find("[role=dialog]").KeyDown(new KeyboardEventArgs { Key = "Escape" });

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[role=dialog]")));
    }

    [Fact]
    public async Task Message_InArabic_TheDialogAndTheSummarySpeakArabicInTheirCountedForms()
    {
        var (files, applicant, agent) = await FilesAsync();
        using var context = ReviewerPage.At(portal, agent, $"inbox?q={files.Word}", Languages.Arabic);
        var page = Render(context);
        TickAll(page);
        Assert.Equal("مراسلة أصحاب الطلبات", page.Find(".batch-bar button[data-action=Message]").TextContent);

        page.Find(".batch-bar button[data-action=Message]").Click();

        Assert.Equal("مراسلة أصحاب الطلبات", page.Find("#batch-dialog-title").TextContent);
        Assert.Equal("ستُرسل الرسالة إلى 3 ملفات.", page.Find("#batch-dialog-count").TextContent);
        Assert.Equal("نص الرسالة (إلزامي)", page.Find("label[for=batch-message-text]").TextContent);
        // Written right to left or left to right as the agent types: the field follows its text.
        Assert.Equal("auto", page.Find("#batch-message-text").GetAttribute("dir"));
        Assert.Equal("إرسال", page.Find("[role=dialog] button.primary").TextContent);
        page.Find("#batch-message-text").Input("تغير نموذج الشهادة.");
        page.Find("[role=dialog] button.primary").Click();

        page.WaitForAssertion(() => Assert.Equal("أُرسلت الرسالة إلى 3 ملفات.", page.Find(".batch-summary[role=status] p").TextContent));
        foreach (var file in files.All)
            Assert.Equal("تغير نموذج الشهادة.", Assert.Single((await portal.Applications.MessagesAsync(file.Id, applicant)).Value!).Text);
    }

    [Theory]
    [InlineData("fr", 12, 2, "Message envoyé à 12 dossiers ; 2 non envoyés :")]
    [InlineData("fr", 1, 0, "Message envoyé à 1 dossier.")]
    [InlineData("ar", 2, 1, "أُرسلت الرسالة إلى ملفين؛ ملف واحد لم تُرسل إليه:")]
    [InlineData("ar", 11, 3, "أُرسلت الرسالة إلى 11 ملفا؛ 3 ملفات لم تُرسل إليها:")]
    [InlineData("ar", 100, 0, "أُرسلت الرسالة إلى 100 ملف.")]
    [InlineData("en", 1, 2, "Message sent to 1 file; 2 not sent:")]
    public void Summary_Message_SaysSentAndNotSentInEachLanguagesForm(string language, int sent, int refused, string expected)
    {
        using var context = new PageContext(portal, Reviewer, Languages.Find(language));

        var summary = context.Render<BatchSummary>(p => p.Add(s => s.Result, Result(BatchAction.Message, sent, refused)));

        Assert.Equal(expected, summary.Find("[role=status] p").TextContent);
    }

    [Theory]
    [InlineData("fr", BatchAction.AddLabel, 5, 0, "Étiquette « À compléter » ajoutée à 5 dossiers.")]
    [InlineData("fr", BatchAction.RemoveLabel, 1, 1, "Étiquette « À compléter » retirée de 1 dossier ; 1 non traité :")]
    [InlineData("ar", BatchAction.AddLabel, 2, 0, "أضيف الوسم «يتعين إتمامه» إلى ملفين.")]
    [InlineData("ar", BatchAction.RemoveLabel, 11, 0, "أزيل الوسم «يتعين إتمامه» من 11 ملفا.")]
    [InlineData("en", BatchAction.AddLabel, 3, 2, "Label 'To complete' added to 3 files; 2 not done:")]
    public void Summary_Label_NamesTheLabelInTheReadersLanguage(string language, BatchAction action, int done, int refused, string expected)
    {
        using var context = new PageContext(portal, Reviewer, Languages.Find(language));
        var title = LocalizedText.Of("À compléter", "يتعين إتمامه", "To complete");

        var summary = context.Render<BatchSummary>(p => p.Add(s => s.Result, Result(action, done, refused)).Add(s => s.Label, title));

        Assert.Equal(expected, summary.Find("[role=status] p").TextContent);
    }

    private static BatchResult Result(BatchAction action, int done, int refused)
    {
        var closed = new Refusal(RefusalCodes.MessagesClosed, LocalizedText.Of("fermé", "مغلق", "closed"));
        return new BatchResult(action, [
            .. Enumerable.Range(0, done).Select(i => new BatchLine(Guid.NewGuid(), $"REF-{i}", null)),
            .. Enumerable.Range(0, refused).Select(i => new BatchLine(Guid.NewGuid(), $"CLOSED-{i}", closed)),
        ]);
    }

    private static readonly Actor Reviewer = Actor.Reviewer("batch-message", "Agent", "desk-agent", "casablanca");
}
