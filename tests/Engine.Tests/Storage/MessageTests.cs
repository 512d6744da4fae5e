using System.Text;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>Messages between the applicant and the reviewers of an application, with files checked like documents.</summary>
public sealed class MessageTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Karim = TestStore.DeskAgent("karim", "casablanca");

    [Fact]
    public async Task Post_ApplicantInReview_KeepsTheTrimmedTextAndTellsTheRoleThatMustActInItsProvince()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        var posted = await store.Applications.PostMessageAsync(app.Id, Amina, "  Bonjour,\r\nle contrat est joint.\u0007  ", []);

        Assert.True(posted.Succeeded, posted.Refusal?.ToString());
        Assert.Equal("Bonjour,\nle contrat est joint.", posted.Value!.Text);
        var thread = (await store.Applications.MessagesAsync(app.Id, Karim)).Value!;
        Assert.Equal((posted.Value.Id, "amina", true), (Assert.Single(thread).Id, thread[0].AuthorId, thread[0].FromApplicant));
        var told = Assert.Single(await store.Outbox.UnsentAsync(), n => n.Kind == StorageEvents.MessagePosted);
        Assert.Equal(("role:desk-agent", "casablanca", "reception"), (told.Recipient, told.Territory, told.Step));
        var audited = Assert.Single(await store.AuditAsync(), a => a.Kind == StorageEvents.MessagePosted);
        Assert.Equal("amina", audited.ActorId);
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Post_Reviewer_TellsTheApplicant()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        var posted = await store.Applications.PostMessageAsync(app.Id, Karim, "Merci de préciser l'effectif.", []);

        Assert.False(posted.Value!.FromApplicant);
        var told = Assert.Single(await store.Outbox.ForUserAsync("amina"), n => n.Kind == StorageEvents.MessagePosted);
        Assert.Equal(app.Id, told.ApplicationId);
        Assert.Equal("Merci de préciser l'effectif.", Assert.Single((await store.Applications.MessagesAsync(app.Id, Amina)).Value!).Text);
    }

    [Fact]
    public async Task Post_WhileChangesAreRequested_TellsTheRoleOfTheStepThatAskedForThem()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        await store.Applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.RequestChanges, "Précisez", ["company_name"]));

        Assert.True((await store.Applications.PostMessageAsync(app.Id, Amina, "Quelle raison sociale : celle du RC ?", [])).Succeeded);

        var told = Assert.Single(await store.Outbox.UnsentAsync(), n => n.Kind == StorageEvents.MessagePosted);
        Assert.Equal(("role:desk-agent", "casablanca", "changes_requested"), (told.Recipient, told.Territory, told.Status));
    }

    [Fact]
    public async Task Post_ThreeMessages_ListsThemOldestFirst()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        foreach (var (who, text) in new[] { (Amina, "un"), (Karim, "deux"), (Amina, "trois") })
            Assert.True((await store.Applications.PostMessageAsync(app.Id, who, text, [])).Succeeded);

        Assert.Equal(["un", "deux", "trois"], (await store.Applications.MessagesAsync(app.Id, Amina)).Value!.Select(m => m.Text));
    }

    [Theory]
    [InlineData("", RefusalCodes.MessageEmpty)]
    [InlineData(" \r\n\t ", RefusalCodes.MessageEmpty)]
    [InlineData("x4001", RefusalCodes.MessageTooLong)]
    public async Task Post_TextEmptyOrTooLong_IsRefusedInThreeLanguagesAndNothingIsPosted(string text, string code)
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        text = text == "x4001" ? new string('x', Applications.MessageMaxLength + 1) : text;

        var refusal = (await store.Applications.PostMessageAsync(app.Id, Amina, text, [])).Refusal;

        Assert.Equal(code, refusal?.Code);
        Assert.All(LocalizedText.Languages, l => Assert.True(refusal!.Message.Has(l)));
        Assert.Empty((await store.Applications.MessagesAsync(app.Id, Amina)).Value!);
        Assert.Contains(await store.AuditAsync(), a => a.Kind == WorkflowEvents.Refused && a.Detail == code);
        Assert.DoesNotContain(await store.Outbox.UnsentAsync(), n => n.Kind == StorageEvents.MessagePosted);
    }

    [Fact]
    public async Task Post_MaximumLengthAfterTrimming_IsAccepted()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        var posted = await store.Applications.PostMessageAsync(app.Id, Amina, "  " + new string('م', Applications.MessageMaxLength) + "\n", []);

        Assert.Equal(Applications.MessageMaxLength, posted.Value!.Text.Length);
    }

    [Fact]
    public async Task Post_WithAPdfAndAPng_KeepsThemUnderCleanNamesForTheOtherSideToOpen()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        var pdf = TestStore.Pdf("contrat");

        var posted = await store.Applications.PostMessageAsync(app.Id, Amina, "Pièces demandées",
            [new MessageFile("../../etc/contrat.pdf", new MemoryStream(pdf)), new MessageFile("photo\u202Egnp.exe", new MemoryStream(TestStore.Png()))]);

        Assert.True(posted.Succeeded, posted.Refusal?.ToString());
        var files = Assert.Single((await store.Applications.MessagesAsync(app.Id, Karim)).Value!).Attachments;
        Assert.Equal([("contrat.pdf", "pdf", (long)pdf.Length), ("photognp.exe", "png", (long)TestStore.Png().Length)], files.Select(f => (f.FileName, f.Format, f.SizeBytes)));
        var opened = await store.Applications.OpenMessageAttachmentAsync(app.Id, Karim, files[0].Id);
        await using var content = opened.Value!;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        Assert.Equal(pdf, copy.ToArray());
        Assert.Equal(RefusalCodes.UnknownAttachment, (await store.Applications.OpenMessageAttachmentAsync(app.Id, Karim, files[1].Id + 1)).Refusal?.Code);
    }

    [Fact]
    public async Task Post_ExecutableRenamedToPdf_IsRefusedNamingTheFileAndNothingIsPosted()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        var executable = Encoding.ASCII.GetBytes("MZ\u0090\0\u0003\0\0\0\u0004\0\0\0This program cannot be run in DOS mode.");

        var refusal = (await store.Applications.PostMessageAsync(app.Id, Amina, "Voici le scan",
            [new MessageFile("scan.pdf", new MemoryStream(executable))])).Refusal;

        Assert.Equal(RefusalCodes.FileFormat, refusal?.Code);
        Assert.Contains("« scan.pdf »", refusal!.Message.Get("fr"), StringComparison.Ordinal);
        Assert.Contains("pdf, jpg, png", refusal.Message.Get("ar"), StringComparison.Ordinal);
        Assert.Empty((await store.Applications.MessagesAsync(app.Id, Amina)).Value!);
    }

    public static TheoryData<string, byte[], string> Disguised => new()
    {
        { "vide.pdf", [], RefusalCodes.FileEmpty },
        { "photo.png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), RefusalCodes.FileFormat },
        { "photo.svg", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), RefusalCodes.FileFormat },
        { "lettre.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(document.cookie)</script>"), RefusalCodes.FileFormat },
        { "lettre.pdf", Encoding.UTF8.GetBytes(" %PDF-1.7 pushed one byte along"), RefusalCodes.FileFormat },
    };

    [Theory]
    [MemberData(nameof(Disguised))]
    public async Task Post_EmptyOrMarkupFileNamedLikeAPicture_IsRefusedAndNothingIsPosted(string name, byte[] bytes, string code)
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        var refusal = (await store.Applications.PostMessageAsync(app.Id, Amina, "Voici", [new MessageFile(name, new MemoryStream(bytes))])).Refusal;

        Assert.Equal(code, refusal?.Code);
        Assert.Empty((await store.Applications.MessagesAsync(app.Id, Amina)).Value!);
    }

    [Fact]
    public async Task Post_TooManyOrTooLargeFiles_IsRefused()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        var many = Enumerable.Range(0, Applications.MessageMaxAttachments + 1).Select(i => new MessageFile($"p{i}.pdf", new MemoryStream(TestStore.Pdf()))).ToList();
        var large = new byte[Applications.MessageAttachmentMaxMegabytes * 1024 * 1024 + 1];
        TestStore.Pdf().CopyTo(large, 0);

        Assert.Equal(RefusalCodes.TooManyAttachments, (await store.Applications.PostMessageAsync(app.Id, Amina, "Tout", many)).Refusal?.Code);
        Assert.Equal(RefusalCodes.FileTooLarge, (await store.Applications.PostMessageAsync(app.Id, Amina, "Gros", [new MessageFile("gros.pdf", new MemoryStream(large))])).Refusal?.Code);
        Assert.Empty((await store.Applications.MessagesAsync(app.Id, Amina)).Value!);
    }

    [Fact]
    public async Task Post_DraftOrWithdrawnApplication_IsRefusedButTheThreadStaysReadable()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        var app = await store.SubmittedAsync(Amina);
        await store.Applications.PostMessageAsync(app.Id, Karim, "Bien reçu.", []);
        await store.Applications.WithdrawAsync(app.Id, Amina, "Erreur de procédure");

        Assert.Equal(RefusalCodes.MessagesClosed, (await store.Applications.PostMessageAsync(draft.Id, Amina, "Bonjour", [])).Refusal?.Code);
        Assert.Equal(RefusalCodes.MessagesClosed, (await store.Applications.PostMessageAsync(app.Id, Amina, "Bonjour", [])).Refusal?.Code);
        Assert.Equal(RefusalCodes.MessagesClosed, (await store.Applications.PostMessageAsync(app.Id, Karim, "Bonjour", [])).Refusal?.Code);
        Assert.Single((await store.Applications.MessagesAsync(app.Id, Amina)).Value!);
    }

    [Fact]
    public async Task Messages_SomeoneWhoMayNotSeeTheApplication_CannotPostListOrOpenAndIsAudited()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        var posted = await store.Applications.PostMessageAsync(app.Id, Amina, "Ci-joint", [new MessageFile("a.pdf", new MemoryStream(TestStore.Pdf()))]);
        var attachment = posted.Value!.Attachments[0].Id;
        var outsiders = new[] { TestStore.Applicant("salma"), TestStore.DeskAgent("rachid", "rabat") };

        foreach (var outsider in outsiders)
        {
            Assert.Equal(RefusalCodes.NotYours, (await store.Applications.PostMessageAsync(app.Id, outsider, "Bonjour", [])).Refusal?.Code);
            Assert.Equal(RefusalCodes.NotYours, (await store.Applications.MessagesAsync(app.Id, outsider)).Refusal?.Code);
            Assert.Equal(RefusalCodes.NotYours, (await store.Applications.OpenMessageAttachmentAsync(app.Id, outsider, attachment)).Refusal?.Code);
        }
        // The deadline sweep sees every application, but has nothing to say in a thread.
        Assert.Equal(RefusalCodes.NotYours, (await store.Applications.PostMessageAsync(app.Id, Actor.System, "Bonjour", [])).Refusal?.Code);

        Assert.Single((await store.Applications.MessagesAsync(app.Id, Karim)).Value!);
        var refused = (await store.AuditAsync()).Where(a => a.Kind == WorkflowEvents.Refused && a.ApplicationId == app.Id).Select(a => a.ActorId);
        Assert.Equal(["salma", "salma", "salma", "rachid", "rachid", "rachid", Actor.SystemId], refused);
    }
}
