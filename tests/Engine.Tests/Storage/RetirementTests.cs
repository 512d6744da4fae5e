using System.Data.Common;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// Retiring a procedure: stored and audited (who, when, why), no new draft and no first submission while retired, the
/// applications already submitted going on to their decision; reinstating opens it again; publishing does not.
/// </summary>
public sealed class RetirementTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Karim = TestStore.DeskAgent("karim");
    private static readonly Actor Analyst = new("analyst-1", "Salma Analyste", "analyst", RoleKind.Staff, []);

    private const string Reason = "Abrogée par le décret n° 2-26-114";

    private static string Version2 =>
        File.ReadAllText(Path.Combine(TestStore.ProceduresFolder, "store-visa.yaml")).Replace("Visa de contrat (stockage)", "Visa de contrat (stockage, v2)", StringComparison.Ordinal);

    [Fact]
    public async Task Retire_APublishedProcedure_IsStoredWithWhoWhenWhy_AndAudited()
    {
        await using var store = await TestStore.CreateAsync();

        var change = await store.Definitions.RetireAsync("store-visa", Analyst, "  " + Reason + " ");

        Assert.Equal(RetirementChange.Done, change);
        var retirement = await store.Definitions.RetirementAsync("store-visa");
        Assert.Equal(new Retirement("store-visa", store.Clock.GetUtcNow().UtcDateTime, "analyst-1", "Salma Analyste", Reason), retirement);
        Assert.Equal(DateTimeKind.Utc, retirement!.RetiredAt.Kind);
        Assert.Equal(["store-visa"], (await store.Definitions.RetirementsAsync()).Keys);
        Assert.Null(await store.Definitions.RetirementAsync("store-notice"));
        Assert.Contains(await store.AuditAsync(), a => a is { Kind: StorageEvents.Retired, ActorId: "analyst-1", Detail: "store-visa" });
        await using var db = await store.Databases.CreateDbContextAsync();
        Assert.Equal(Reason, (await db.Audit.AsNoTracking().SingleAsync(a => a.Kind == StorageEvents.Retired)).Comment);
    }

    [Fact]
    public async Task Retire_WithoutAReasonOrWithATooLongOne_IsRefusedAndNothingIsStored()
    {
        await using var store = await TestStore.CreateAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.Definitions.RetireAsync("store-visa", Analyst, "   "));
        await Assert.ThrowsAsync<ArgumentException>(() => store.Definitions.RetireAsync("store-visa", Analyst, new string('x', DefinitionStore.MaxReasonLength + 1)));

        Assert.Empty(await store.Definitions.RetirementsAsync());
        Assert.DoesNotContain(await store.AuditAsync(), a => a.Kind == StorageEvents.Retired);
    }

    [Fact]
    public async Task Retire_AProcedureNeverPublished_OrOneAlreadyRetired_ChangesNothing()
    {
        await using var store = await TestStore.CreateAsync();
        await store.Definitions.RetireAsync("store-visa", Analyst, Reason);

        Assert.Equal(RetirementChange.NotPublished, await store.Definitions.RetireAsync("no-such-procedure", Analyst, Reason));
        Assert.Equal(RetirementChange.Unchanged, await store.Definitions.RetireAsync("store-visa", Analyst, "Une autre raison"));

        Assert.Equal(Reason, (await store.Definitions.RetirementAsync("store-visa"))!.Reason);
        Assert.Single(await store.AuditAsync(), a => a.Kind == StorageEvents.Retired);
    }

    [Fact]
    public async Task Start_ARetiredProcedure_IsRefusedSayingSinceWhen()
    {
        await using var store = await TestStore.CreateAsync();
        await store.Definitions.RetireAsync("store-visa", Analyst, Reason);

        var started = await store.Applications.StartAsync("store-visa", Amina);

        Assert.Equal(RefusalCodes.ProcedureRetired, started.Refusal?.Code);
        Assert.Contains("02/03/2026", started.Refusal!.Message.Get("fr"), StringComparison.Ordinal);
        Assert.StartsWith("لم تعد هذه المسطرة مفتوحة", started.Refusal.Message.Get("ar"), StringComparison.Ordinal);
        Assert.Empty(await store.Applications.MineAsync(Amina));
        Assert.True((await store.Applications.StartAsync("store-notice", Amina)).Succeeded);
    }

    [Fact]
    public async Task Submit_ADraftOfARetiredProcedure_IsRefused_AndTheDraftStaysADraft()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        await store.Definitions.RetireAsync("store-visa", Analyst, Reason);

        var submitted = await store.Applications.SubmitAsync(draft.Id, Amina);

        Assert.Equal(RefusalCodes.ProcedureRetired, submitted.Refusal?.Code);
        Assert.Equal(ApplicationStatus.Draft, (await store.Applications.GetAsync(draft.Id, Amina)).Value!.Status);
        Assert.Contains(await store.AuditAsync(), a => a.Kind == WorkflowEvents.Refused && a.ApplicationId == draft.Id && a.Detail == RefusalCodes.ProcedureRetired);
    }

    [Fact]
    public async Task Submit_RetiredBetweenTheCommandsReadAndItsWrite_IsRefused_AndTheDraftStaysADraft()
    {
        // The retirement commits on another connection once the submission has read the draft and is about to write it.
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        var retireFirst = new BeforeFirstTransaction(() => store.Definitions.RetireAsync("store-visa", Analyst, Reason));
        var racing = new Applications(store.Intercepted(retireFirst), store.Definitions, store.Documents, store.Clock);

        var submitted = await racing.SubmitAsync(draft.Id, Amina);

        Assert.True(retireFirst.Ran);
        Assert.Equal(RefusalCodes.ProcedureRetired, submitted.Refusal?.Code);
        var stored = (await store.Applications.GetAsync(draft.Id, Amina)).Value!;
        Assert.Equal((ApplicationStatus.Draft, null), (stored.Status, stored.Reference));
        Assert.DoesNotContain(await store.AuditAsync(), a => a.Kind == WorkflowEvents.Submitted && a.ApplicationId == draft.Id);
    }

    /// <summary>Runs <paramref name="act"/> (on its own connection) just before the first transaction of the intercepted contexts begins.</summary>
    private sealed class BeforeFirstTransaction(Func<Task> act) : DbTransactionInterceptor
    {
        private int _ran;

        public bool Ran => _ran == 1;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
            CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _ran, 1) == 0)
                await act();
            return result;
        }
    }

    [Fact]
    public async Task Submitted_BeforeTheRetirement_GoesOnToItsDecision_ChangesRequestedIncluded()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        await store.Definitions.RetireAsync("store-visa", Analyst, Reason);

        Assert.True((await store.Applications.DecideAsync(app.Id, Karim,
            new WorkflowCommand.Decide("reception", StepAction.RequestChanges, "Raison sociale incomplète", ["company_name"]))).Succeeded);
        Assert.True((await store.Applications.SaveAnswersAsync(app.Id, Amina, TestStore.ValidAnswers().With("company_name", "Atlas Textile SA"))).Succeeded);
        var resubmitted = await store.Applications.SubmitAsync(app.Id, Amina);
        var approved = await store.Applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.Approve));

        Assert.Equal(ApplicationStatus.InReview, resubmitted.Application?.Status);
        Assert.True(approved.Succeeded, approved.ToString());
        Assert.Equal("opinions", approved.Application!.Step);
    }

    [Fact]
    public async Task Reinstate_ARetiredProcedure_OpensItAgain_AndIsAudited()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = await store.DraftAsync(Amina);
        await store.Definitions.RetireAsync("store-visa", Analyst, Reason);

        var change = await store.Definitions.ReinstateAsync("store-visa", Analyst);

        Assert.Equal(RetirementChange.Done, change);
        Assert.Empty(await store.Definitions.RetirementsAsync());
        Assert.Contains(await store.AuditAsync(), a => a is { Kind: StorageEvents.Reinstated, ActorId: "analyst-1", Detail: "store-visa" });
        Assert.True((await store.Applications.SubmitAsync(draft.Id, Amina)).Succeeded);
        Assert.True((await store.Applications.StartAsync("store-visa", TestStore.Applicant("youssef"))).Succeeded);
        Assert.Equal(RetirementChange.Unchanged, await store.Definitions.ReinstateAsync("store-visa", Analyst));
    }

    [Fact]
    public async Task Publish_ANewVersionOfARetiredProcedure_LeavesItRetired()
    {
        // A deployment whose file changed, or an analyst preparing a revision, must not reopen what was withdrawn.
        await using var store = await TestStore.CreateAsync();
        await store.Definitions.RetireAsync("store-visa", Analyst, Reason);

        var v2 = await store.PublishAsync(Version2);

        Assert.Equal(2, v2.Version);
        Assert.NotNull(await store.Definitions.RetirementAsync("store-visa"));
        Assert.Equal(RefusalCodes.ProcedureRetired, (await store.Applications.StartAsync("store-visa", Amina)).Refusal?.Code);
    }

    [Fact]
    public async Task WhatTheStartReads_LatestVersionsOfEveryProcedure_AndTheRetiredOnes()
    {
        // The start serves the folder's files, then every procedure whose latest version is in the database, less the retired ones.
        await using var store = await TestStore.CreateAsync();
        await store.PublishAsync(Version2);
        await store.Definitions.RetireAsync("store-notice", Analyst, Reason);

        var latest = await store.Definitions.LatestVersionsAsync();
        var retired = await store.Definitions.RetirementsAsync();

        Assert.Equal(new Dictionary<string, int> { ["store-notice"] = 1, ["store-visa"] = 2 }, latest);
        Assert.Equal(["store-notice"], retired.Keys);
        Assert.Equal("Visa de contrat (stockage, v2)", (await store.Definitions.GetAsync("store-visa", latest["store-visa"]))!.Title.Get("fr"));
    }
}
