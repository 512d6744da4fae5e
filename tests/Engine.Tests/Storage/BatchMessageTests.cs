using System.Text;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>Writing the same message to many applicants from the inbox: each file gets its own message, audit entry and notification.</summary>
public sealed class BatchMessageTests
{
    private static readonly Actor Karim = TestStore.DeskAgent("karim", "casablanca");
    private static readonly Actor Rachid = TestStore.DeskAgent("rachid", "rabat");
    private const string Text = "Le modèle d'attestation a changé : merci d'utiliser la version jointe.";

    [Fact]
    public async Task MessageAll_FilesOfTheReviewerAndOfAnotherProvince_EachOfTheirsGetsItsOwnMessage_TheOtherIsRefusedWithoutItsReference()
    {
        await using var store = await TestStore.CreateAsync();
        var amina = TestStore.Applicant("amina");
        var brahim = TestStore.Applicant("brahim");
        var first = await store.SubmittedAsync(amina);
        var inRabat = await store.SubmittedAsync(TestStore.Applicant("chaima"), province: "rabat");
        var second = await store.SubmittedAsync(brahim);

        var outcome = await store.Applications.MessageAllAsync([first.Id, inRabat.Id, second.Id], Karim, "  " + Text + "\r\n", []);

        Assert.True(outcome.Succeeded, outcome.Refusal?.ToString());
        var result = outcome.Value!;
        Assert.Equal(BatchAction.Message, result.Action);
        Assert.Equal([(first.Id, first.Reference, null), (inRabat.Id, null, RefusalCodes.NotYours), (second.Id, second.Reference, null)],
            result.Lines.Select(l => (l.ApplicationId, l.Reference, l.Refusal?.Code)));
        foreach (var (applicant, file) in new[] { (amina, first), (brahim, second) })
        {
            // A message from the administration in the applicant's own thread, told to them like any other.
            var message = Assert.Single((await store.Applications.MessagesAsync(file.Id, applicant)).Value!);
            Assert.Equal((Text, false, "karim"), (message.Text, message.FromApplicant, message.AuthorId));
            var told = Assert.Single(await store.Outbox.ForUserAsync(applicant.UserId), n => n.Kind == StorageEvents.MessagePosted);
            Assert.Equal((file.Id, Text), (told.ApplicationId, told.Comment));
        }
        Assert.Empty((await store.Applications.MessagesAsync(inRabat.Id, Rachid)).Value!);
        Assert.DoesNotContain(await store.Outbox.ForUserAsync("chaima"), n => n.Kind == StorageEvents.MessagePosted);
        var audit = await store.AuditAsync();
        Assert.Equal([first.Id, second.Id], audit.Where(a => a.Kind == StorageEvents.MessagePosted).Select(a => a.ApplicationId!.Value));
        Assert.All(audit.Where(a => a.Kind == StorageEvents.MessagePosted), a => Assert.Equal("karim", a.ActorId));
        Assert.Contains(audit, a => a.Kind == WorkflowEvents.Refused && a.ActorId == "karim" && a.ApplicationId == inRabat.Id && a.Detail == RefusalCodes.NotYours);
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task MessageAll_WithTwoFiles_StoresEachFilesBytesOnceAndEveryMessageCarriesBoth()
    {
        await using var store = await TestStore.CreateAsync();
        var counting = new CountingStore(store.Documents);
        var applications = new Applications(store.Databases, store.Definitions, counting, store.Clock);
        var applicants = Enumerable.Range(0, 3).Select(i => TestStore.Applicant($"employer-{i}")).ToList();
        var files = new List<Application>();
        foreach (var applicant in applicants)
            files.Add(await store.SubmittedAsync(applicant));
        var model = TestStore.Pdf("nouveau modèle");
        var saves = counting.Saves;

        // Streams that cannot be read twice, as an upload's.
        var outcome = await applications.MessageAllAsync([.. files.Select(f => f.Id)], Karim, Text,
            [new MessageFile("modèle.pdf", new ReadOnce(model)), new MessageFile("plan.png", new ReadOnce(TestStore.Png()))]);

        Assert.True(outcome.Succeeded, outcome.Refusal?.ToString());
        Assert.Equal(3, outcome.Value!.Done.Count);
        Assert.Equal(saves + 2, counting.Saves);
        Assert.Equal(6L, Convert.ToInt64(await store.ScalarAsync("SELECT COUNT(*) FROM \"MessageAttachments\""), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2L, Convert.ToInt64(await store.ScalarAsync("SELECT COUNT(DISTINCT \"Hash\") FROM \"MessageAttachments\""), System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < 3; i++)
        {
            var message = Assert.Single((await store.Applications.MessagesAsync(files[i].Id, applicants[i])).Value!);
            Assert.Equal([("modèle.pdf", "pdf"), ("plan.png", "png")], message.Attachments.Select(a => (a.FileName, a.Format)));
            await using var content = (await store.Applications.OpenMessageAttachmentAsync(files[i].Id, applicants[i], message.Attachments[0].Id)).Value!;
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            Assert.Equal(model, copy.ToArray());
        }
    }

    public static TheoryData<string, string> WrongText => new()
    {
        { " \r\n ", RefusalCodes.MessageEmpty },
        { new string('x', Applications.MessageMaxLength + 1), RefusalCodes.MessageTooLong },
    };

    [Theory]
    [MemberData(nameof(WrongText))]
    public async Task MessageAll_TextEmptyOrTooLong_IsRefusedAsAWholeAndNothingIsSent(string text, string code)
    {
        await using var store = await TestStore.CreateAsync();
        var file = await store.SubmittedAsync(TestStore.Applicant("amina"));

        var outcome = await store.Applications.MessageAllAsync([file.Id], Karim, text, []);

        Assert.Equal(code, outcome.Refusal?.Code);
        Assert.All(LocalizedText.Languages, l => Assert.True(outcome.Refusal!.Message.Has(l)));
        await NothingSentAsync(store, file);
    }

    [Fact]
    public async Task MessageAll_OneFileIsAnExecutable_IsRefusedAsAWholeNamingItAndNothingIsSent()
    {
        await using var store = await TestStore.CreateAsync();
        var first = await store.SubmittedAsync(TestStore.Applicant("amina"));
        var second = await store.SubmittedAsync(TestStore.Applicant("brahim"));
        var executable = Encoding.ASCII.GetBytes("MZ\u0090\0\u0003\0\0\0This program cannot be run in DOS mode.");

        var outcome = await store.Applications.MessageAllAsync([first.Id, second.Id], Karim, Text,
            [new MessageFile("modèle.pdf", new MemoryStream(TestStore.Pdf())), new MessageFile("formulaire.pdf", new MemoryStream(executable))]);

        Assert.Equal(RefusalCodes.FileFormat, outcome.Refusal?.Code);
        Assert.Contains("« formulaire.pdf »", outcome.Refusal!.Message.Get("fr"), StringComparison.Ordinal);
        await NothingSentAsync(store, first);
        await NothingSentAsync(store, second);
    }

    [Fact]
    public async Task MessageAll_MoreFilesThanABatchOrAttachmentsThanAMessage_IsRefusedAsAWhole()
    {
        await using var store = await TestStore.CreateAsync();
        var file = await store.SubmittedAsync(TestStore.Applicant("amina"));
        var many = Enumerable.Range(0, Applications.MessageMaxAttachments + 1).Select(i => new MessageFile($"p{i}.pdf", new MemoryStream(TestStore.Pdf()))).ToList();

        var tooLarge = await store.Applications.MessageAllAsync([file.Id, .. Enumerable.Range(0, Applications.MaxBatch).Select(_ => Guid.NewGuid())], Karim, Text, []);
        var tooMany = await store.Applications.MessageAllAsync([file.Id], Karim, Text, many);

        Assert.Equal(RefusalCodes.BatchTooLarge, tooLarge.Refusal?.Code);
        Assert.Equal("At most 100 applications at once: you chose 101.", tooLarge.Refusal!.Message.Get("en"));
        Assert.Equal(RefusalCodes.TooManyAttachments, tooMany.Refusal?.Code);
        await NothingSentAsync(store, file);
    }

    [Fact]
    public async Task MessageAll_ByAnApplicantOrAnInactiveAccount_IsRefusedAsAWholeAndNothingIsSent()
    {
        await using var store = await TestStore.CreateAsync();
        var amina = TestStore.Applicant("amina");
        var file = await store.SubmittedAsync(amina);
        var closed = new Applications(store.Databases, store.Definitions, store.Documents, store.Clock, standing: new ClosedAccounts("karim"));

        var byApplicant = await store.Applications.MessageAllAsync([file.Id], amina, Text, []);
        var byInactive = await closed.MessageAllAsync([file.Id], Karim, Text, []);

        Assert.Equal(RefusalCodes.BatchForReviewers, byApplicant.Refusal?.Code);
        Assert.Equal(RefusalCodes.AccountInactive, byInactive.Refusal?.Code);
        await NothingSentAsync(store, file);
    }

    [Fact]
    public async Task MessageAll_AWithdrawnFileAmongThem_IsRefusedWithItsReferenceAndTheOthersGetTheMessage()
    {
        await using var store = await TestStore.CreateAsync();
        var amina = TestStore.Applicant("amina");
        var withdrawn = await store.SubmittedAsync(amina);
        var open = await store.SubmittedAsync(TestStore.Applicant("brahim"));
        Assert.True((await store.Applications.WithdrawAsync(withdrawn.Id, amina, "Erreur de procédure")).Succeeded);

        var check = (await store.Applications.CheckBatchAsync([withdrawn.Id, open.Id], Karim)).Value!.Single(r => r.Action == BatchAction.Message);
        var result = (await store.Applications.MessageAllAsync([withdrawn.Id, open.Id], Karim, Text, [])).Value!;

        Assert.Equal(check.Lines.Select(l => (l.ApplicationId, l.Refusal?.Code)), result.Lines.Select(l => (l.ApplicationId, l.Refusal?.Code)));
        Assert.Equal([open.Id], result.Done.Select(l => l.ApplicationId));
        var refused = Assert.Single(result.Refused);
        Assert.Equal((withdrawn.Reference, RefusalCodes.MessagesClosed), (refused.Reference, refused.Refusal!.Code));
        Assert.Empty((await store.Applications.MessagesAsync(withdrawn.Id, amina)).Value!);
        Assert.Contains(await store.AuditAsync(), a => a.Kind == WorkflowEvents.Refused && a.ApplicationId == withdrawn.Id && a.Detail == RefusalCodes.MessagesClosed);
    }

    [Fact]
    public async Task CheckBatch_Message_SaysWhichFilesMayReceiveOne_WithoutSendingOrAuditingAnything()
    {
        await using var store = await TestStore.CreateAsync();
        var mine = await store.SubmittedAsync(TestStore.Applicant("amina"));
        var inRabat = await store.SubmittedAsync(TestStore.Applicant("chaima"), province: "rabat");
        var audited = (await store.AuditAsync()).Count;

        var check = (await store.Applications.CheckBatchAsync([mine.Id, inRabat.Id], Karim)).Value!;

        Assert.Equal(BatchActions.Checked, check.Select(r => r.Action));
        var message = check.Single(r => r.Action == BatchAction.Message);
        Assert.Equal([(mine.Reference, null), (null, RefusalCodes.NotYours)], message.Lines.Select(l => (l.Reference, l.Refusal?.Code)));
        Assert.Equal(audited, (await store.AuditAsync()).Count);
        Assert.Empty((await store.Applications.MessagesAsync(mine.Id, Karim)).Value!);
    }

    private static async Task NothingSentAsync(TestStore store, Application file)
    {
        Assert.Empty((await store.Applications.MessagesAsync(file.Id, Karim)).Value!);
        Assert.DoesNotContain(await store.Outbox.UnsentAsync(), n => n.Kind == StorageEvents.MessagePosted);
        Assert.DoesNotContain(await store.AuditAsync(), a => a.Kind == StorageEvents.MessagePosted);
    }

    /// <summary>The store, counting what it is asked to keep.</summary>
    private sealed class CountingStore(IDocumentStore inner) : IDocumentStore
    {
        public int Saves { get; private set; }

        public Task<Outcome<StoredFile>> SaveAsync(Stream content, long maxBytes, IReadOnlyCollection<string> formats, CancellationToken cancellationToken = default)
        {
            Saves++;
            return inner.SaveAsync(content, maxBytes, formats, cancellationToken);
        }

        public Stream? OpenRead(string hash) => inner.OpenRead(hash);

        public bool Delete(string hash, DateTime keptIfStoredSince) => inner.Delete(hash, keptIfStoredSince);

        public bool Renew(string hash) => inner.Renew(hash);

        public IEnumerable<string> StoredBefore(DateTime storedBefore) => inner.StoredBefore(storedBefore);

        public int DeleteAbandonedUploads() => inner.DeleteAbandonedUploads();
    }

    /// <summary>An upload's stream: forward only, so reading it a second time gives nothing.</summary>
    private sealed class ReadOnce(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }

    /// <summary>Accounts closed since their page opened.</summary>
    private sealed class ClosedAccounts(params string[] closed) : IAccountStanding
    {
        public Task<bool> IsActiveAsync(Actor actor, CancellationToken cancellationToken = default) => Task.FromResult(!closed.Contains(actor.UserId));
    }
}
