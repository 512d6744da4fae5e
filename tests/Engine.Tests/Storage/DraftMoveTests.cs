using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Tests.Loading;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// A draft follows its procedure's latest published version; a submitted file stays on the one it was filed under. On a
/// real SQLite file, and on PostgreSQL when <c>EP_TEST_POSTGRES</c> is set.
/// </summary>
public sealed class DraftMoveTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");

    private static string Version1 => File.ReadAllText(Path.Combine(TestStore.ProceduresFolder, "store-visa.yaml"));

    /// <summary>
    /// Version 2: the headcount is no longer asked, nor the annexes; a work permit number is now required, and so is an
    /// insurance certificate. Its scenarios, written for version 1, are left out.
    /// </summary>
    private static string Version2 => Edit(Version1[..Version1.IndexOf("tests:", StringComparison.Ordinal)],
        ("      - { id: headcount, type: number, min: 0, max: 100000, label: { fr: \"Effectif\", ar: \"عدد الأجراء\" } }\n",
         "      - { id: permit, type: text, required: true, max_length: 30, label: { fr: \"N° de permis\", ar: \"رقم الرخصة\" } }\n"),
        ("  - { id: annexes, label: { fr: \"Annexes\", ar: \"ملحقات\" }, formats: [pdf, docx, odt, xlsx, jpg], max_mb: 5, max_files: 5 }\n",
         "  - { id: insurance, label: { fr: \"Attestation d'assurance\", ar: \"شهادة التأمين\" }, required: true, formats: [pdf], max_mb: 5 }\n"));

    [Fact]
    public async Task Save_DraftOnAnOlderVersion_MovesItToTheLatestAndDropsWhatTheNewVersionNoLongerAsks()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        Assert.True((await store.Applications.AttachDocumentAsync(draft.Id, Amina, "annexes", "annexe.pdf", new MemoryStream(TestStore.Pdf("annexe")))).Succeeded);
        var v2 = await store.PublishAsync(Version2);

        // The applicant's tab still shows version 1's form: its save names the headcount, which version 2 no longer asks.
        var saved = await store.Applications.SaveAnswersAsync(draft.Id, Amina, TestStore.ValidAnswers().With("company_name", "Atlas Textile"), draft.Version + 1);

        Assert.True(saved.Succeeded, saved.ToString());
        var moved = (await store.Applications.GetAsync(draft.Id, Amina)).Value!;
        Assert.Equal((2, v2.Definition.ContentHash), (moved.DefinitionVersion, moved.DefinitionHash));
        Assert.Equal("Atlas Textile", moved.Answers["company_name"]);
        Assert.Null(moved.Answers["headcount"]);
        Assert.Equal(["passport"], moved.Documents.Select(d => d.DocumentId));
        await using (var db = await store.Databases.CreateDbContextAsync())
            Assert.Equal(["passport"], await db.Documents.Where(d => d.ApplicationId == draft.Id).Select(d => d.DocumentId).ToListAsync());
        var notice = moved.Moved!;
        Assert.Equal((1, 2), (notice.FromVersion, notice.ToVersion));
        Assert.Equal(["headcount"], notice.DroppedAnswers);
        Assert.Equal(["annexes"], notice.DroppedDocuments);
        Assert.Equal(["permit"], notice.RequiredFields);
        Assert.Equal(["insurance"], notice.RequiredDocuments);
        var audit = (await store.AuditAsync()).Where(a => a.ApplicationId == draft.Id).ToList();
        var entry = Assert.Single(audit, a => a.Kind == StorageEvents.DraftMoved);
        Assert.Equal("version 1 to 2, published 2026-03-02, answer headcount, document annexes, required permit, required document insurance", entry.Detail);
        Assert.Equal(WorkflowEvents.Saved, audit[audit.IndexOf(entry) + 1].Kind);
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Submit_DraftOnAnOlderVersion_IsCheckedAndFiledUnderTheLatestRules()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        await store.PublishAsync(Version2);

        var refused = await store.Applications.SubmitAsync(draft.Id, Amina);
        var answered = await store.Applications.SaveAnswersAsync(draft.Id, Amina, TestStore.ValidAnswers().With("permit", "WP-2026-001"));
        var attached = await store.Applications.AttachDocumentAsync(draft.Id, Amina, "insurance", "assurance.pdf", new MemoryStream(TestStore.Pdf("assurance")));
        var submitted = await store.Applications.SubmitAsync(draft.Id, Amina);

        // Version 1 would have taken it as it was: the new required answer and document are asked first.
        Assert.Contains(refused.Validation!.Errors, e => e.Path == "permit");
        Assert.Contains(refused.Validation.Errors, e => e.Path == "insurance");
        Assert.True(answered.Succeeded && attached.Succeeded, answered + " " + attached);
        Assert.True(submitted.Succeeded, submitted.ToString());
        Assert.Equal((2, ApplicationStatus.InReview), (submitted.Application!.DefinitionVersion, submitted.Application.Status));
        Assert.Null(submitted.Application.Moved);
        Assert.Null((await store.Applications.GetAsync(draft.Id, Amina)).Value!.Moved);
        Assert.Single(await store.AuditAsync(), a => a.ApplicationId == draft.Id && a.Kind == StorageEvents.DraftMoved);
    }

    [Fact]
    public async Task FollowLatest_DraftOfTheLatestVersion_WritesNothing()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        var before = (await store.AuditAsync()).Count;

        var followed = await store.Applications.FollowLatestAsync(draft.Id, Amina);

        Assert.True(followed.Succeeded, followed.ToString());
        Assert.Equal((1, draft.Version), (followed.Application!.DefinitionVersion, followed.Application.Version));
        Assert.Null(followed.Application.Moved);
        Assert.Equal(before, (await store.AuditAsync()).Count);
    }

    [Fact]
    public async Task FollowLatest_SomeoneElsesDraft_IsRefusedAndLeavesItOnItsVersion()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        await store.PublishAsync(Version2);

        var followed = await store.Applications.FollowLatestAsync(draft.Id, TestStore.Applicant("omar"));

        Assert.Equal(RefusalCodes.NotYours, followed.Refusal!.Code);
        Assert.Equal(1, (await store.Applications.GetAsync(draft.Id, Amina)).Value!.DefinitionVersion);
    }

    [Fact]
    public async Task Commands_SubmittedFile_StaysOnTheVersionItWasFiledUnder()
    {
        await using var store = await TestStore.CreateAsync();
        var submitted = await store.SubmittedAsync(Amina);
        await store.PublishAsync(Version2);

        var followed = await store.Applications.FollowLatestAsync(submitted.Id, Amina);
        var approved = await store.Applications.DecideAsync(submitted.Id, TestStore.DeskAgent(), new WorkflowCommand.Decide("reception", StepAction.Approve));
        var changes = await store.Applications.DecideAsync(submitted.Id, Actor.Reviewer("ines", "Ines", "labour-inspector", "casablanca"), new WorkflowCommand.Decide("opinions", StepAction.Approve));

        Assert.True(followed.Succeeded && approved.Succeeded && changes.Succeeded, $"{followed} {approved} {changes}");
        var read = (await store.Applications.GetAsync(submitted.Id, Amina)).Value!;
        Assert.Equal((1, submitted.DefinitionHash), (read.DefinitionVersion, read.DefinitionHash));
        Assert.Equal(12.ToString(System.Globalization.CultureInfo.InvariantCulture), read.Answers["headcount"]);
        Assert.DoesNotContain(await store.AuditAsync(), a => a.Kind == StorageEvents.DraftMoved);
    }

    [Fact]
    public async Task Save_TwoTabsSavingAtOnceDuringAPublication_OneMovesAndSavesTheOtherIsToldToReload()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        // Another instance sharing the database, with its own definitions: it learns of the publication from the database only.
        var elsewhere = store.AnotherProcess(TimeSpan.FromSeconds(6));
        var other = new Applications(elsewhere, new DefinitionStore(elsewhere, TestLibrary.Library, store.Clock), store.Documents, store.Clock);
        await store.PublishAsync(Version2);
        var first = TestStore.ValidAnswers().With("company_name", "Atlas Textile I");
        var second = TestStore.ValidAnswers().With("company_name", "Atlas Textile II");

        // Two tabs of version 1's form, both saving from the version they read.
        var saves = await Task.WhenAll(
            Task.Run(() => store.Applications.SaveAnswersAsync(draft.Id, Amina, first, draft.Version)),
            Task.Run(() => other.SaveAnswersAsync(draft.Id, Amina, second, draft.Version)));

        var won = Assert.Single(saves, s => s.Succeeded);
        Assert.Equal(RefusalCodes.Stale, Assert.Single(saves, s => !s.Succeeded).Refusal!.Code);
        var read = (await store.Applications.GetAsync(draft.Id, Amina)).Value!;
        Assert.Equal((2, draft.Version + 1), (read.DefinitionVersion, read.Version));
        Assert.Equal(won.Application!.Answers["company_name"], read.Answers["company_name"]);
        Assert.Equal(("casablanca", null), (read.Answers["province"], read.Answers["headcount"]));
        Assert.Equal(["passport"], read.Documents.Select(d => d.DocumentId));
        Assert.Single(await store.AuditAsync(), a => a.ApplicationId == draft.Id && a.Kind == StorageEvents.DraftMoved);
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task DismissMove_ByTheApplicant_ForgetsTheNoticeAndKeepsTheDraftsVersion()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        await store.PublishAsync(Version2);
        var moved = (await store.Applications.FollowLatestAsync(draft.Id, Amina)).Application!;

        var byOmar = await store.Applications.DismissMoveAsync(draft.Id, TestStore.Applicant("omar"), 2);
        var otherVersion = await store.Applications.DismissMoveAsync(draft.Id, Amina, 3);
        var dismissed = await store.Applications.DismissMoveAsync(draft.Id, Amina, 2);
        var again = await store.Applications.DismissMoveAsync(draft.Id, Amina, 2);

        Assert.Equal((false, false, true, false), (byOmar, otherVersion, dismissed, again));
        var read = (await store.Applications.GetAsync(draft.Id, Amina)).Value!;
        Assert.Null(read.Moved);
        Assert.Equal((2, moved.Version), (read.DefinitionVersion, read.Version));
        // The form's next save, made from the version it read, is not refused as stale.
        Assert.True((await store.Applications.SaveAnswersAsync(draft.Id, Amina, read.Answers, read.Version)).Succeeded);
    }

    private static string Edit(string yaml, params (string From, string To)[] edits)
    {
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(from, to, StringComparison.Ordinal);
        }
        return yaml;
    }
}
