using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// What an account's closure asks of the engine: the owner's applications being processed (which stop it), and the deletion
/// of every draft the owner has, as an abandoned draft is deleted.
/// </summary>
public sealed class OwnerDraftsTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Omar = TestStore.Applicant("omar");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DeleteDraftsOf_OwnersDrafts_GoWithTheirOwnFilesAudited_AndNothingElse(bool documentsInDatabase)
    {
        await using var store = await TestStore.CreateAsync(documentsInDatabase: documentsInDatabase);
        var submitted = await store.SubmittedAsync(Amina);
        var shared = await store.DraftAsync(Amina);
        var own = await store.DraftAsync(Amina);
        Assert.True((await store.Applications.AttachDocumentAsync(own.Id, Amina, "passport", "passeport.pdf", new MemoryStream(TestStore.Pdf("propre à Amina")))).Succeeded);
        var ownHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(TestStore.Pdf("propre à Amina")));
        var sharedHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(TestStore.Pdf()));
        var omars = await store.DraftAsync(Omar);
        // Past the few minutes a file just stored is kept (an upload of the same bytes may be under way).
        store.Clock.Now += TimeSpan.FromHours(1);

        var deleted = await store.Applications.DeleteDraftsOfAsync(["amina"]);
        var again = await store.Applications.DeleteDraftsOfAsync(["amina"]);

        Assert.Equal((2, 0), (deleted, again));
        Assert.Equal([submitted.Id], (await store.Applications.MineAsync(Amina)).Select(a => a.Id));
        Assert.Single(await store.Applications.MineAsync(Omar), a => a.Id == omars.Id);
        Assert.False(store.Holds(ownHash));
        // The submitted application and Omar's draft hold the same bytes as Amina's first draft: the file stays.
        Assert.True(store.Holds(sharedHash));
        var audit = await store.AuditAsync();
        Assert.Contains(audit, a => a.Kind == StorageEvents.DraftDeleted && a.ApplicationId == shared.Id && a.ActorId == Actor.System.UserId);
        Assert.Contains(audit, a => a.Kind == StorageEvents.DraftDeleted && a.ApplicationId == own.Id);
        var verified = await store.VerifyDataAsync();
        Assert.True(verified.Whole, verified.ToString());
    }

    [Fact]
    public async Task DeleteDraftsOf_ASaveAfterTheDeletion_IsRefusedAndCreatesNothing()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);

        await store.Applications.DeleteDraftsOfAsync(["amina"]);
        var saved = await store.Applications.SaveAnswersAsync(draft.Id, Amina, TestStore.ValidAnswers("rabat"));

        Assert.False(saved.Succeeded);
        Assert.Empty(await store.Applications.MineAsync(Amina));
    }

    [Fact]
    public async Task PendingOf_ListsOnlyTheApplicationsBeingProcessed()
    {
        await using var store = await TestStore.CreateAsync();
        var submitted = await store.SubmittedAsync(Amina);
        await store.DraftAsync(Amina);
        await store.SubmittedAsync(Omar);
        var withdrawn = await store.SubmittedAsync(Amina);
        Assert.True((await store.Applications.WithdrawAsync(withdrawn.Id, Amina, "Plus nécessaire.")).Succeeded);

        var pending = await store.Applications.PendingOfAsync("amina");

        var only = Assert.Single(pending);
        Assert.Equal((submitted.Id, ApplicationStatus.InReview), (only.Id, only.Status));
        Assert.Empty(await store.Applications.PendingOfAsync("nobody"));
    }
}
