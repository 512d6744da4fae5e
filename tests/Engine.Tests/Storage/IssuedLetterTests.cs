using System.Security.Cryptography;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Tests.Loading;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>The letters the application service issues with the transitions that call for them, in the applicant's language.</summary>
public sealed class IssuedLetterTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Karim = TestStore.DeskAgent("karim", "casablanca");

    [Theory]
    [InlineData("ar", "ar", "rtl")]
    [InlineData("en", "en", "ltr")]
    [InlineData("fr", "fr", "ltr")]
    [InlineData("de", "fr", "ltr")]
    public async Task Submit_ApplicantsLanguage_IssuesTheReceiptInIt(string asked, string issued, string direction)
    {
        await using var store = await TestStore.CreateAsync();
        var applicant = Amina with { Language = asked };
        var app = await store.SubmittedAsync(applicant);

        var letter = Assert.Single((await store.Applications.IssuedAsync(app.Id, applicant)).Value!);
        var html = await ReadAsync(await store.Applications.OpenIssuedAsync(app.Id, applicant, letter.Id));

        Assert.Equal(("receipt", "receipt", issued), (letter.Kind, letter.Template, letter.Language));
        Assert.Equal($"STV-2026-000001-receipt.{issued}.html", letter.FileName);
        Assert.Contains($"<html lang=\"{issued}\" dir=\"{direction}\">", html, StringComparison.Ordinal);
        Assert.Contains("STV-2026-000001", html, StringComparison.Ordinal);
        Assert.Contains("Atlas Textile SARL", html, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(html))), letter.Hash);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(html), letter.SizeBytes);
        var submitted = (await store.Applications.HistoryAsync(app.Id, applicant)).Value!.Single(e => e.Kind == WorkflowEvents.Submitted);
        Assert.Equal(submitted.Sequence, letter.AuditSequence);
    }

    [Fact]
    public async Task Circuit_EachTransitionThatCallsForALetter_IssuesItInTheApplicantsLanguageNotTheReviewers()
    {
        await using var store = await TestStore.CreateAsync();
        var applicant = Amina with { Language = "ar" };
        var reviewer = Karim with { Language = "en" };
        var app = await store.SubmittedAsync(applicant);

        await Succeeds(store.Applications.DecideAsync(app.Id, reviewer, new WorkflowCommand.Decide("reception", StepAction.RequestChanges, "Précisez la raison sociale", ["company_name"])));
        await Succeeds(store.Applications.SaveAnswersAsync(app.Id, applicant, TestStore.ValidAnswers().With("company_name", "Atlas Textile SA")));
        await Succeeds(store.Applications.SubmitAsync(app.Id, applicant));
        await Succeeds(store.Applications.DecideAsync(app.Id, reviewer, new WorkflowCommand.Decide("reception", StepAction.Reject, "Activité hors champ")));

        var letters = (await store.Applications.IssuedAsync(app.Id, reviewer)).Value!;
        Assert.Equal(["receipt", "changes_requested", "rejected"], letters.Select(l => l.Kind));
        Assert.All(letters, l => Assert.Equal("ar", l.Language));
        var changes = await ReadAsync(await store.Applications.OpenIssuedAsync(app.Id, applicant, letters[1].Id));
        Assert.Contains("Précisez la raison sociale", changes, StringComparison.Ordinal);
        Assert.Contains("الاسم التجاري", changes, StringComparison.Ordinal);
        var rejection = await ReadAsync(await store.Applications.OpenIssuedAsync(app.Id, applicant, letters[2].Id));
        Assert.Contains("Activité hors champ", rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_DeadlinePassedWhereSilenceMeansYes_IssuesTheApprovalSayingItIsTacit()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        Assert.Equal(1, (await store.Applications.SweepAsync(new DateOnly(2026, 3, 17))).Lapsed);

        var letters = (await store.Applications.IssuedAsync(app.Id, Amina)).Value!;
        Assert.Equal(["receipt", "approved"], letters.Select(l => l.Kind));
        var approval = await ReadAsync(await store.Applications.OpenIssuedAsync(app.Id, Amina, letters[1].Id));
        Assert.Contains("expiration du délai légal", approval, StringComparison.Ordinal);
        Assert.Contains("17 mars 2026", approval, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledge_Declaration_IssuesTheAcknowledgement()
    {
        await using var store = await TestStore.CreateAsync();
        await store.PublishAsync(Declaration);
        var app = await store.SubmittedAsync(Amina, "store-declaration");

        await Succeeds(store.Applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.Acknowledge)));

        var letters = (await store.Applications.IssuedAsync(app.Id, Amina)).Value!;
        Assert.Equal(["receipt", "acknowledged"], letters.Select(l => l.Kind));
        Assert.Equal("acknowledgement", letters[1].Template);
    }

    [Fact]
    public async Task Submit_TenAtOnce_EachReceiptPrintsItsOwnReference()
    {
        await using var store = await TestStore.CreateAsync();
        var drafts = await store.DraftsAsync(10);

        var submitted = await Task.WhenAll(drafts.Select(d => Task.Run(() => store.Applications.SubmitAsync(d.Draft.Id, d.Applicant))));

        Assert.All(submitted, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(10, submitted.Select(r => r.Application!.Reference).Distinct().Count());
        for (var i = 0; i < drafts.Count; i++)
        {
            var reference = submitted[i].Application!.Reference!;
            var (applicant, draft) = drafts[i];
            var letter = Assert.Single((await store.Applications.IssuedAsync(draft.Id, applicant)).Value!);
            Assert.Equal($"{reference}-receipt.fr.html", letter.FileName);
            var html = await ReadAsync(await store.Applications.OpenIssuedAsync(draft.Id, applicant, letter.Id));
            Assert.Contains($"<dd>{reference}</dd>", html, StringComparison.Ordinal);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "STV-2026-\\d{6}").Select(m => m.Value).Distinct());
        }
    }

    [SqliteOnlyFact("makes the insert fail with a SQLite trigger")]
    public async Task Submit_TransactionRolledBack_IssuesNoLetter()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        await store.SqlAsync("CREATE TRIGGER refuse_outbox BEFORE INSERT ON \"Notifications\" BEGIN SELECT RAISE(ABORT, 'disk full'); END;");

        await Assert.ThrowsAsync<DbUpdateException>(() => store.Applications.SubmitAsync(draft.Id, Amina));

        Assert.Equal(0L, await store.ScalarAsync("SELECT COUNT(*) FROM \"Letters\""));
        Assert.Equal(ApplicationStatus.Draft, (await store.Applications.GetAsync(draft.Id, Amina)).Value!.Status);
        await store.SqlAsync("DROP TRIGGER refuse_outbox;");
        await Succeeds(store.Applications.SubmitAsync(draft.Id, Amina));
        Assert.Equal("receipt", Assert.Single((await store.Applications.IssuedAsync(draft.Id, Amina)).Value!).Kind);
    }

    [Fact]
    public async Task Submit_ReceiptTemplateFailsToRender_SubmitsAnywayAndAuditsWhyThereIsNoReceipt()
    {
        await using var store = await TestStore.CreateAsync();
        // The approval letter reads the decision's date, which a submission does not have: it stops rendering.
        await store.PublishAsync(Variant("store-broken", "STB", "  receipt: receipt", "  receipt: decision-approved"));
        var app = await store.SubmittedAsync(Amina, "store-broken");

        Assert.Equal(ApplicationStatus.InReview, app.Status);
        Assert.Empty((await store.Applications.IssuedAsync(app.Id, Amina)).Value!);
        var history = (await store.Applications.HistoryAsync(app.Id, Karim)).Value!;
        var failure = Assert.Single(history, e => e.Kind == StorageEvents.LetterNotIssued);
        Assert.Equal(("receipt", "decision-approved.fr"), (failure.Action, failure.Detail));
        Assert.Contains("decision-approved", failure.Comment, StringComparison.Ordinal);
        Assert.True(failure.Sequence > history.Single(e => e.Kind == WorkflowEvents.Submitted).Sequence);
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Decide_DecisionLetterFailsToRender_TheDecisionStandsWithoutALetter()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        // The same letters, allowed 100 characters of output: every one of them is refused.
        var cramped = TestLibrary.Library.WithTemplates(TemplateLibrary.Load(Path.Combine(RepositoryPaths.Procedures, "templates"), limits: new TemplateLimits { MaxOutputChars = 100 }));
        var applications = new Applications(store.Databases, new DefinitionStore(store.Databases, cramped, store.Clock), store.Documents, store.Clock);

        var decided = await applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.Reject, "Activité hors champ"));

        Assert.True(decided.Succeeded, decided.ToString());
        Assert.Equal(ApplicationStatus.Rejected, (await store.Applications.GetAsync(app.Id, Amina)).Value!.Status);
        Assert.Equal(["receipt"], (await store.Applications.IssuedAsync(app.Id, Amina)).Value!.Select(l => l.Kind));
        var failure = Assert.Single((await store.Applications.HistoryAsync(app.Id, Amina)).Value!, e => e.Kind == StorageEvents.LetterNotIssued);
        Assert.Equal("rejected", failure.Action);
        Assert.StartsWith("template 'decision-rejected' (fr) stopped", failure.Comment, StringComparison.Ordinal);
        Assert.Contains(await store.Outbox.ForUserAsync("amina"), n => n.Kind == WorkflowEvents.Decided && n.Status == "rejected");
    }

    [Fact]
    public async Task Letters_SomeoneWhoMayNotSeeTheApplication_CannotListOrOpenThemAndIsAudited()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        var letter = Assert.Single((await store.Applications.IssuedAsync(app.Id, Amina)).Value!);
        var salma = TestStore.Applicant("salma");
        var rabat = TestStore.DeskAgent("rachid", "rabat");

        Assert.Equal(RefusalCodes.NotYours, (await store.Applications.IssuedAsync(app.Id, salma)).Refusal?.Code);
        Assert.Equal(RefusalCodes.NotYours, (await store.Applications.OpenIssuedAsync(app.Id, salma, letter.Id)).Refusal?.Code);
        Assert.Equal(RefusalCodes.NotYours, (await store.Applications.OpenIssuedAsync(app.Id, rabat, letter.Id)).Refusal?.Code);
        Assert.Equal(RefusalCodes.UnknownLetter, (await store.Applications.OpenIssuedAsync(app.Id, Amina, letter.Id + 1)).Refusal?.Code);
        Assert.Single((await store.Applications.IssuedAsync(app.Id, Karim)).Value!);
        var refused = (await store.AuditAsync()).Where(a => a.Kind == WorkflowEvents.Refused && a.ApplicationId == app.Id).ToList();
        Assert.Equal(["salma", "salma", "rachid", "amina"], refused.Select(a => a.ActorId));
    }

    /// <summary>A declaration: one step that acknowledges, with its acknowledgement letter.</summary>
    internal static string Declaration => Variant("store-declaration", "STD", "    actions: [approve, request_changes, reject]", "    actions: [acknowledge, request_changes]")
        .Replace("""
              - id: opinions
                title: { fr: "Avis", ar: "الآراء" }
                parallel: { quorum: all, roles: [labour-inspector, regional-director] }
                actions: [approve, reject]
              - id: decision
                title: { fr: "Décision", ar: "القرار" }
                role: migrant-employment-service
                actions: [approve, reject]

            """.ReplaceLineEndings("\n"), "", StringComparison.Ordinal)
        .Replace("  rejected: decision-rejected\n", "  acknowledged: acknowledgement\n", StringComparison.Ordinal)
        .Replace("  approved: decision-approved\n", "", StringComparison.Ordinal)
        .Replace("""
                  - { step: opinions, action: approve, role: labour-inspector }
                  - { step: opinions, action: approve, role: regional-director }
                  - { step: decision, action: approve }
                expect: { status: approved }
            """.ReplaceLineEndings("\n"), "    expect: { status: acknowledged }", StringComparison.Ordinal)
        .Replace("{ step: reception, action: approve }", "{ step: reception, action: acknowledge }", StringComparison.Ordinal);

    /// <summary>The test visa under another id and reference prefix, with <paramref name="from"/> replaced by <paramref name="to"/>.</summary>
    internal static string Variant(string id, string prefix, string from, string to)
    {
        var yaml = File.ReadAllText(Path.Combine(TestStore.ProceduresFolder, "store-visa.yaml")).ReplaceLineEndings("\n");
        Assert.Contains(from, yaml, StringComparison.Ordinal);
        return yaml.Replace("id: store-visa", "id: " + id, StringComparison.Ordinal)
            .Replace("reference_prefix: STV", "reference_prefix: " + prefix, StringComparison.Ordinal)
            .Replace(from, to, StringComparison.Ordinal);
    }

    internal static async Task<string> ReadAsync(Outcome<Stream> opened)
    {
        Assert.True(opened.Succeeded, opened.Refusal?.ToString());
        await using var stream = opened.Value!;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static async Task Succeeds(Task<WorkflowResult> command)
    {
        var result = await command;
        Assert.True(result.Succeeded, result.ToString());
    }
}
